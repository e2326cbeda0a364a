using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiteWeb.Enrichment.Tests;

public sealed class OptionsTests
{
    private static EnrichmentOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddCiteWebEnrichment(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
    }

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var n = Bind([]).Network;
        Assert.Equal((false, 10, 10L * 1024 * 1024, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), 16, 2, TimeSpan.FromMilliseconds(250)),
            (n.AllowPrivateAddresses, n.MaxRedirects, n.MaxBodyBytes, n.PerLinkTimeout, n.PerAttemptTimeout, n.GlobalConcurrency, n.PerHostConcurrency, n.MinIntervalPerHost));
    }

    [Fact]
    public void The_endpoints_default_to_the_public_archives()
    {
        var e = Bind([]).Endpoints;
        Assert.Equal(("https://archive.org", "https://web.archive.org", "http://timetravel.mementoweb.org"), (e.Wayback, e.WaybackCdx, e.Memento));
    }

    [Fact]
    public void CITEWEB_ENDPOINTS_variables_bind_to_the_endpoints() =>
        Assert.Equal("http://127.0.0.1:8080", Bind(new() { ["ENDPOINTS:WAYBACK"] = "http://127.0.0.1:8080" }).Endpoints.Wayback);

    [Fact]
    public void CITEWEB_variables_bind_to_their_keys()
    {
        // CITEWEB_NETWORK__ALLOWPRIVATEADDRESSES=true reaches the binder as Network:AllowPrivateAddresses once the prefix is dropped.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NETWORK:ALLOWPRIVATEADDRESSES"] = "true",
            ["NETWORK:MAXREDIRECTS"] = "5",
            ["CONTACT:EMAIL"] = "scholar@example.org",
        }).Build();
        using var services = new ServiceCollection().AddCiteWebEnrichment(configuration).BuildServiceProvider();
        var o = services.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
        Assert.Equal((true, 5), (o.Network.AllowPrivateAddresses, o.Network.MaxRedirects));
        Assert.Equal("CiteWeb/0.1 (+https://github.com/citeweb; mailto:scholar@example.org)", o.UserAgent);
    }

    [Fact]
    public void Without_a_contact_the_user_agent_has_no_mailto() =>
        Assert.Equal("CiteWeb/0.1 (+https://github.com/citeweb)", new EnrichmentOptions().UserAgent);

    [Theory]
    [InlineData("Network:MaxRedirects", "-1")]
    [InlineData("Network:MaxBodyBytes", "10")]
    [InlineData("Network:GlobalConcurrency", "0")]
    [InlineData("Network:PerHostConcurrency", "99")]
    [InlineData("Network:PerLinkTimeout", "00:00:01")]
    [InlineData("Network:AllowedNetworks:0", "not-a-network")]
    [InlineData("Network:DriftThreshold", "1.5")]
    [InlineData("Contact:Email", "no address")]
    [InlineData("Endpoints:Wayback", "archive.org")]
    [InlineData("Endpoints:Memento", "ftp://timetravel.mementoweb.org")]
    public void A_bad_value_is_refused_by_name(string key, string value)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));
        Assert.Contains(key.Split(':')[0] + ":" + key.Split(':')[1], e.Message);
    }

    [Fact]
    public async Task The_user_agent_is_sent()
    {
        var ua = "";
        var handler = new Capture(r => ua = r.Headers.UserAgent.ToString());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Contact:Email"] = "a@b.org" }).Build();
        var services = new ServiceCollection().AddCiteWebEnrichment(configuration);
        services.AddHttpClient<LinkChecker>().ConfigurePrimaryHttpMessageHandler(() => handler);
        using var sp = services.BuildServiceProvider();
        await sp.GetRequiredService<LinkChecker>().CheckAsync("http://example.org/x.pdf", TestContext.Current.CancellationToken);
        Assert.Equal("CiteWeb/0.1 (+https://github.com/citeweb; mailto:a@b.org)", ua);
    }

    private sealed class Capture(Action<HttpRequestMessage> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            seen(request);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([]) { Headers = { ContentType = new("application/pdf") } } });
        }
    }
}
