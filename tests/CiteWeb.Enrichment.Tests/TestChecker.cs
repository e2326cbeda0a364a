using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// A checker and an archive lookup wired exactly as the CLI wires it (<c>AddCiteWebEnrichment</c> over configuration keys), with short
/// timeouts. Private addresses stay refused; only 127.0.0.1/32 is let through, so a redirect from the test server
/// to 10.0.0.1 or 169.254.169.254 meets the real guard.
/// </summary>
internal sealed class TestChecker : IDisposable
{
    private readonly ServiceProvider _services;
    public LinkChecker Checker { get; }
    public ArchiveLookup Archive { get; }

    public TestChecker(Dictionary<string, string?>? settings = null, IHostResolver? resolver = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Network:AllowPrivateAddresses"] = "false",
            ["Network:AllowedNetworks:0"] = "127.0.0.1/32",
            ["Network:PerAttemptTimeout"] = "00:00:02",
            ["Network:PerLinkTimeout"] = "00:00:04",
            ["Network:MaxRetries"] = "1",
            ["Network:RetryDelay"] = "00:00:00.010",
            ["Network:MinIntervalPerHost"] = "00:00:00",
            ["Network:MaxBodyBytes"] = "65536",
            ["Contact:Email"] = "tests@citeweb.invalid",
        };
        foreach (var (k, v) in settings ?? []) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (resolver is not null) services.AddSingleton(resolver);
        configure?.Invoke(services);
        services.AddCiteWebEnrichment(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Checker = _services.GetRequiredService<LinkChecker>();
        Archive = _services.GetRequiredService<ArchiveLookup>();
    }

    public static async Task<CiteWeb.Core.Model.LinkCheck> CheckAsync(string url, Dictionary<string, string?>? settings = null)
    {
        using var t = new TestChecker(settings);
        return await t.Checker.CheckAsync(url, TestContext.Current.CancellationToken);
    }

    /// <summary>A checker whose Wayback, CDX and Memento endpoints are the local archive server at <paramref name="archive"/>.</summary>
    public static TestChecker WithArchives(string archive, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:Wayback"] = archive,
            ["Endpoints:WaybackCdx"] = archive + "/",
            ["Endpoints:Memento"] = archive,
        };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return new TestChecker(settings);
    }

    /// <summary>Any other service of the same container (DoiService, DoiEnricher, ...).</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
