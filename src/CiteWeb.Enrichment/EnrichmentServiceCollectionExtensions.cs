using System.Net;
using System.Net.Http.Headers;
using CiteWeb.Enrichment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EnrichmentOptions"/> (bound from <paramref name="configuration"/>, validated at start-up),
    /// <see cref="TimeProvider.System"/> unless a TimeProvider is already registered, and the typed client
    /// <see cref="LinkChecker"/> with its guarded handler and the standard resilience handler.
    /// </summary>
    public static IServiceCollection AddCiteWebEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnrichmentOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EnrichmentOptions>, EnrichmentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostResolver, SystemHostResolver>();
        services.TryAddSingleton(_ => new NetworkState());
        services.TryAddSingleton<AnswerCache>();
        services.TryAddSingleton(sp =>
        {
            var n = Network(sp);
            return new HostGate(n.PerHostConcurrency, n.MinIntervalPerHost, sp.GetRequiredService<TimeProvider>());
        });

        services.AddHttpClient<LinkChecker>((sp, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler and the link's clock bound the time
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
            })
            .ConfigurePrimaryHttpMessageHandler(GuardedHandler)
            .AddStandardResilienceHandler()
            .Configure((o, sp) => ConfigureForLinks(o, Network(sp)))
            .SelectPipelineByAuthority(); // one circuit breaker per host: a dead site does not stop the others
        services.AddArchiveLookup();
        services.AddSavePageNow();
        services.AddLocalArchive();
        services.AddCiteWebDois();
        return services;
    }

    /// <summary>The handler of every client that fetches links from untrusted files (<see cref="LinkChecker"/>,
    /// <see cref="LocalArchive"/>): the address guard at connect time, redirects only by hand, no cookies, no proxy.</summary>
    internal static SocketsHttpHandler GuardedHandler(IServiceProvider sp)
    {
        var n = Network(sp);
        var connector = new GuardedConnector(AddressPolicy.From(n), sp.GetRequiredService<IHostResolver>(), sp.GetRequiredService<NetworkState>());
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // followed by hand: counted, recorded, and guarded at every hop
            UseCookies = false,
            UseProxy = false, // a proxy would connect for us and step round the address guard
            AutomaticDecompression = DecompressionMethods.All, // the body cap then counts what is unpacked
            ConnectTimeout = n.PerAttemptTimeout,
            ConnectCallback = connector.ConnectAsync,
        };
    }

    /// <summary>The typed client <see cref="DoiService"/> (Crossref and the DOI resolver, endpoints from configuration,
    /// so not behind the address guard), its <see cref="CrossrefGate"/> and <see cref="DoiEnricher"/>.</summary>
    private static IServiceCollection AddCiteWebDois(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new CrossrefGate(sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<DoiEnricher>();
        services.AddHttpClient<DoiService>((sp, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler bounds the time
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = true, // doi.org sends content negotiation on to the registration agency
                MaxAutomaticRedirections = 5,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = Network(sp).PerAttemptTimeout,
            })
            .AddStandardResilienceHandler()
            .Configure((o, sp) => ConfigureForLinks(o, Network(sp)));
        return services;
    }

    /// <summary>Retries only what a retry can change (429, 503, dropped connections, timed-out attempts), honouring
    /// Retry-After, with jittered exponential backoff.</summary>
    internal static void ConfigureForLinks(HttpStandardResilienceOptions o, NetworkOptions n)
    {
        o.AttemptTimeout.Timeout = n.PerAttemptTimeout;
        o.TotalRequestTimeout.Timeout = n.PerLinkTimeout;
        o.Retry.MaxRetryAttempts = Math.Max(1, n.MaxRetries);
        o.Retry.Delay = n.RetryDelay;
        o.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
        o.Retry.UseJitter = true;
        o.Retry.ShouldRetryAfterHeader = true;
        var retries = n.MaxRetries;
        o.Retry.ShouldHandle = args => ValueTask.FromResult(retries > 0 && args.Outcome switch
        {
            { Result: { } r } => (int)r.StatusCode is 429 or 503,
            { Exception: { } e } => LinkFailures.IsTransient(e),
            _ => false,
        });
        var sampling = 2 * n.PerAttemptTimeout;
        if (o.CircuitBreaker.SamplingDuration < sampling) o.CircuitBreaker.SamplingDuration = sampling;
    }

    private static NetworkOptions Network(IServiceProvider sp) => sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Network;
}
