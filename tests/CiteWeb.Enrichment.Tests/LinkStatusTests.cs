using CiteWeb.Core.Model;

namespace CiteWeb.Enrichment.Tests;

/// <summary>One page of the small web per status, checked the way a run checks it.</summary>
public sealed class LinkStatusTests(SmallWeb web)
{
    [Theory]
    [InlineData("/ok", LinkStatus.Ok, 200)]
    [InlineData("/plain", LinkStatus.Ok, 200)]
    [InlineData("/temp", LinkStatus.Ok, 200)]
    [InlineData("/chain/10", LinkStatus.Ok, 200)]
    [InlineData("/head-refused", LinkStatus.Ok, 200)]
    [InlineData("/moved", LinkStatus.Redirected, 200)]
    [InlineData("/missing", LinkStatus.NotFound, 404)]
    [InlineData("/gone", LinkStatus.Gone, 410)]
    [InlineData("/forbidden", LinkStatus.Forbidden, 403)]
    [InlineData("/error", LinkStatus.ServerError, 500)]
    [InlineData("/unavailable", LinkStatus.ServerError, 503)]
    [InlineData("/loop/a", LinkStatus.RedirectLoop, 307)]
    [InlineData("/chain/11", LinkStatus.RedirectLoop, 302)]
    [InlineData("/soft/title", LinkStatus.Soft404, 200)]
    [InlineData("/soft/deep/article", LinkStatus.Soft404, 200)]
    [InlineData("/no/such/article", LinkStatus.Soft404, 200)]
    public async Task A_page_gets_its_status(string path, LinkStatus status, int http)
    {
        var result = await TestChecker.CheckAsync(web.Url(path));
        Assert.Equal((status, (int?)http), (result.Status, result.HttpStatus));
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Fact]
    public async Task A_permanent_redirect_chain_is_recorded_with_its_final_url()
    {
        var result = await TestChecker.CheckAsync(web.Url("/moved"));
        Assert.Equal([web.Url("/moved-again"), web.Url("/ok")], result.Redirects);
        Assert.Equal(web.Url("/ok"), result.FinalUrl);
        Assert.Contains("moved permanently", result.Detail);
    }

    [Fact]
    public async Task A_temporary_redirect_is_followed_and_judged_by_the_final_answer()
    {
        var result = await TestChecker.CheckAsync(web.Url("/temp"));
        Assert.Equal((LinkStatus.Ok, web.Url("/ok")), (result.Status, result.FinalUrl));
    }

    [Fact]
    public async Task More_than_ten_redirects_stop_at_the_eleventh()
    {
        var result = await TestChecker.CheckAsync(web.Url("/chain/30"));
        Assert.Equal((LinkStatus.RedirectLoop, 11), (result.Status, result.Redirects.Count));
        Assert.Equal((1, 0), (web.Hits("/chain/20"), web.Hits("/chain/19")));
    }

    [Fact]
    public async Task A_refused_head_falls_back_to_get()
    {
        var result = await TestChecker.CheckAsync(web.Url("/head-refused"));
        Assert.Contains("GET", result.Detail);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_Retry_After_asks_and_then_reported_rate_limited()
    {
        var before = web.Hits("/rate");
        var result = await TestChecker.CheckAsync(web.Url("/rate"));
        Assert.Equal((LinkStatus.RateLimited, (int?)429), (result.Status, result.HttpStatus));
        Assert.Equal(2, web.Hits("/rate") - before);
        Assert.True(result.ElapsedMs >= 900, $"retried after {result.ElapsedMs} ms, before Retry-After: 1 had passed");
    }

    [Fact]
    public async Task A_page_slower_than_the_timeouts_is_a_timeout()
    {
        var result = await TestChecker.CheckAsync(web.Url("/slow"), new()
        {
            ["Network:PerAttemptTimeout"] = "00:00:00.200",
            ["Network:PerLinkTimeout"] = "00:00:00.600",
        });
        Assert.Equal(LinkStatus.Timeout, result.Status);
        Assert.True(result.ElapsedMs < 2000, $"took {result.ElapsedMs} ms");
    }

    [Fact]
    public async Task An_aborted_connection_is_a_connection_failure() =>
        Assert.Equal(LinkStatus.ConnectionFailed, (await TestChecker.CheckAsync(web.Url("/reset"))).Status);

    [Fact]
    public async Task A_refused_connection_is_a_connection_failure()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var result = await TestChecker.CheckAsync($"http://127.0.0.1:{port}/");
        Assert.Equal(LinkStatus.ConnectionFailed, result.Status);
        Assert.Contains("refused", result.Detail);
    }

    [Fact]
    public async Task An_endless_body_is_read_only_up_to_the_cap()
    {
        var result = await TestChecker.CheckAsync(web.Url("/endless"));
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Contains("only the first 64 KB", result.Detail);
    }

    [Fact]
    public async Task A_name_that_cannot_exist_is_a_dns_failure() =>
        Assert.Equal(LinkStatus.DnsFailure, (await TestChecker.CheckAsync("http://no-such-host.invalid/page")).Status);

    [Fact]
    public async Task Https_to_a_plain_http_port_is_a_tls_error() =>
        Assert.Equal(LinkStatus.TlsError, (await TestChecker.CheckAsync($"https://127.0.0.1:{web.Port}/ok")).Status);

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.org/file.txt")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("http://")]
    [InlineData("http://user:secret@example.org/")]
    public async Task A_malformed_url_is_not_requested(string url) =>
        Assert.Equal(LinkStatus.Malformed, (await TestChecker.CheckAsync(url)).Status);

    [Fact]
    public async Task Offline_checks_nothing()
    {
        var result = await TestChecker.CheckAsync(web.Url("/offline/only"), new() { ["Network:Offline"] = "true" });
        Assert.Equal(LinkStatus.Unchecked, result.Status);
        Assert.Equal(0, web.Hits("/offline/only"));
    }
}
