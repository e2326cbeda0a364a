using System.Net;
using System.Net.Sockets;
using CiteWeb.Core.Model;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// The address guard. The test server needs 127.0.0.1, so the other tests let exactly 127.0.0.1/32 through
/// (<c>Network:AllowedNetworks</c>) while <c>AllowPrivateAddresses</c> stays false: a redirect from the server to
/// 10.0.0.1 or to the metadata address then meets the guard as in production. Without that allowance the server
/// itself is refused, by address literal and by a name that resolves to it.
/// </summary>
public sealed class GuardTests(SmallWeb web)
{
    [Theory]
    [InlineData("/to-private")]
    [InlineData("/to-metadata")]
    [InlineData("/to-ftp")]
    public async Task A_redirect_to_a_forbidden_target_is_blocked(string path)
    {
        var result = await TestChecker.CheckAsync(web.Url(path));
        Assert.Equal(LinkStatus.Blocked, result.Status);
        Assert.Single(result.Redirects);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/ok")]
    [InlineData("http://localhost:{0}/ok")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/ok")]
    [InlineData("http://[::1]:{0}/ok")]
    public async Task Loopback_is_blocked_unless_allowed(string template)
    {
        var result = await TestChecker.CheckAsync(string.Format(template, web.Port), new() { ["Network:AllowedNetworks:0"] = "203.0.113.0/24" });
        Assert.Equal(LinkStatus.Blocked, result.Status);
        Assert.Contains("not public", result.Detail);
    }

    [Fact]
    public async Task AllowPrivateAddresses_lets_loopback_through() =>
        Assert.Equal(LinkStatus.Ok, (await TestChecker.CheckAsync($"http://localhost:{web.Port}/ok", new()
        {
            ["Network:AllowPrivateAddresses"] = "true",
            ["Network:AllowedNetworks:0"] = "203.0.113.0/24",
        })).Status);

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.8.8", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.127.255.254", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    public void Public_addresses_are_told_from_the_rest(string address, bool isPublic) =>
        Assert.Equal(isPublic, AddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_name_the_resolver_does_not_know_is_a_dns_failure()
    {
        using var t = new TestChecker(resolver: new FailingResolver(SocketError.HostNotFound));
        var result = await t.Checker.CheckAsync("http://example.org/page", TestContext.Current.CancellationToken);
        Assert.Equal(LinkStatus.DnsFailure, result.Status);
    }

    [Fact]
    public async Task Without_a_network_every_link_is_unchecked_and_promptly()
    {
        var resolver = new FailingResolver(SocketError.TryAgain);
        using var t = new TestChecker(resolver: resolver);
        var links = Enumerable.Range(0, 40).Select(i => ($"http://site{i % 7}.example/page/{i}", (string?)null, (string?)null, (int?)null));
        var results = await t.Checker.CheckAllAsync(links, null, TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.Equal(LinkStatus.Unchecked, r.Status));
        Assert.True(resolver.Calls <= 16, $"{resolver.Calls} lookups after the network was found missing");
    }

    [Fact]
    public async Task A_resolver_that_knows_no_name_at_all_means_no_network_not_dead_links()
    {
        // A sandbox's resolver answers "no such host" for everything: nothing resolved in the whole run.
        using var t = new TestChecker(resolver: new FailingResolver(SocketError.HostNotFound));
        var links = new[] { "http://a.example/1", "http://b.example/2", "http://nothing.invalid/3" }.Select(u => (u, (string?)null, (string?)null, (int?)null));
        var results = await t.Checker.CheckAllAsync(links, null, TestContext.Current.CancellationToken);
        Assert.Equal([LinkStatus.Unchecked, LinkStatus.Unchecked, LinkStatus.DnsFailure], results.Select(r => r.Status));
    }

    [Fact]
    public async Task A_resolver_that_never_answers_means_no_network_not_timed_out_links_and_nothing_is_cached()
    {
        // Another sandbox: the name server never replies, so each lookup runs into the link's time limit. Nothing
        // answered in the whole run, so those time-outs say nothing about the links.
        var cache = Path.Combine(Path.GetTempPath(), "citeweb-hang-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var t = new TestChecker(new() { ["Network:PerLinkTimeout"] = "00:00:01", ["Network:PerAttemptTimeout"] = "00:00:01", ["Network:MaxRetries"] = "0", ["Cache:Directory"] = cache },
                resolver: new HangingResolver());
            var links = new[] { "http://a.example/1", "http://b.example/2" }.Select(u => (u, (string?)null, (string?)null, (int?)null));
            var results = await t.Checker.CheckAllAsync(links, null, TestContext.Current.CancellationToken);
            Assert.All(results, r => Assert.Equal(LinkStatus.Unchecked, r.Status));
            Assert.All(results, r => Assert.Contains("no network", r.Detail));
            Assert.Empty(Directory.Exists(cache) ? Directory.EnumerateFiles(cache, "*.json", SearchOption.AllDirectories) : []);
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    private sealed class HangingResolver : IHostResolver
    {
        public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
        {
            await Task.Delay(Timeout.Infinite, ct);
            return [];
        }
    }

    private sealed class FailingResolver(SocketError error) : IHostResolver
    {
        private int _calls;
        public int Calls => _calls;
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            throw new SocketException((int)error);
        }
    }
}
