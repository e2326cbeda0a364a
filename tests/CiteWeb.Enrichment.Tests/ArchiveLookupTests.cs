using CiteWeb.Core.Model;

namespace CiteWeb.Enrichment.Tests;

public sealed class ArchiveLookupTests(ArchiveWeb archive) : IClassFixture<ArchiveWeb>
{
    private static readonly DateTimeOffset Accessed = new(2019, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private TestChecker Wired(Dictionary<string, string?>? more = null) => TestChecker.WithArchives(archive.Origin, more);

    private async Task<ArchivedCopy?> FindAsync(string url, DateTimeOffset? near = null)
    {
        using var t = Wired();
        return await t.Archive.FindAsync(url, near ?? Accessed, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_availability_api_is_asked_for_the_access_date()
    {
        var copy = await FindAsync("http://cited.example/has-snapshot");
        Assert.Equal(new ArchivedCopy($"{archive.Origin}/web/20190301000000/http://cited.example/has-snapshot", new(2019, 3, 1, 0, 0, 0, TimeSpan.Zero), "wayback"), copy);
        Assert.Equal(["/wayback/available?url=http%3A%2F%2Fcited.example%2Fhas-snapshot&timestamp=20190302000000"], archive.RequestsFor("has-snapshot"));
    }

    [Fact]
    public async Task Without_a_snapshot_there_the_cdx_api_gives_the_closest_one()
    {
        var copy = await FindAsync("http://cited.example/cdx-only");
        Assert.Equal(new ArchivedCopy($"{archive.Origin}/web/20190305000000/http://cited.example/cdx-only", new(2019, 3, 5, 0, 0, 0, TimeSpan.Zero), "wayback-cdx"), copy);
        // Exactly this page: "cdx-only-undated", another test's page, must not count.
        var cdx = Assert.Single(archive.RequestsFor("/cdx/search/cdx?url=http%3A%2F%2Fcited.example%2Fcdx-only&"));
        Assert.Contains("&closest=20190302000000&", cdx);
        Assert.Contains("&filter=statuscode:200", cdx);
    }

    [Fact]
    public async Task Without_a_wayback_snapshot_memento_finds_one_across_archives()
    {
        var copy = await FindAsync("http://cited.example/memento-only?page=2");
        Assert.Equal(new ArchivedCopy($"{archive.Origin}/memento/20190304100000", new(2019, 3, 4, 10, 0, 0, TimeSpan.Zero), "memento"), copy);
        Assert.Equal(["/api/json/20190302000000/http://cited.example/memento-only?page=2"], archive.RequestsFor("/api/json/").Where(r => r.Contains("memento-only")));
    }

    [Fact]
    public async Task Nothing_anywhere_is_null_after_asking_all_three()
    {
        Assert.Null(await FindAsync("http://cited.example/nowhere"));
        // Exactly this page: "cached-nowhere", another test's page, must not count.
        Assert.Equal(3, archive.Requests.Count(r => System.Text.RegularExpressions.Regex.IsMatch(r, @"(?:%2F|/)nowhere(?:&|$)")));
    }

    [Theory]
    [InlineData("http://cited.example/malformed-availability", "wayback-cdx")]
    [InlineData("http://cited.example/malformed-cdx", "memento")]
    public async Task A_malformed_answer_passes_to_the_next_source(string url, string source) =>
        Assert.Equal(source, (await FindAsync(url))?.Source);

    [Fact]
    public async Task A_slow_archive_is_given_up_within_the_link_time()
    {
        using var t = Wired(new() { ["Network:PerAttemptTimeout"] = "00:00:00.500", ["Network:PerLinkTimeout"] = "00:00:01", ["Network:MaxRetries"] = "0" });
        var started = DateTimeOffset.UtcNow;
        var copy = await t.Archive.FindAsync("http://cited.example/slow-availability", Accessed, TestContext.Current.CancellationToken);
        Assert.Equal("wayback-cdx", copy?.Source);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Every_answer_is_kept_for_the_run()
    {
        using var t = Wired();
        var ct = TestContext.Current.CancellationToken;
        var first = await t.Archive.FindAsync("http://cited.example/cached-nowhere", Accessed, ct);
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => t.Archive.FindAsync("http://cited.example/cached-nowhere", Accessed, ct)));
        Assert.Equal((null, 3), (first, archive.RequestsFor("cached-nowhere").Count));
        Assert.All(again, Assert.Null);
    }

    [Fact]
    public async Task Without_a_date_the_latest_snapshot_is_asked_for()
    {
        using var t = Wired();
        var copy = await t.Archive.FindAsync("http://cited.example/cdx-only-undated", null, TestContext.Current.CancellationToken);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), copy?.Timestamp);
        Assert.DoesNotContain("timestamp=", Assert.Single(archive.RequestsFor("/wayback/available?url=http%3A%2F%2Fcited.example%2Fcdx-only-undated")));
    }

    [Fact]
    public async Task Only_links_that_are_not_ok_are_looked_up()
    {
        using var t = Wired();
        LinkCheck Check(string path, LinkStatus status) => new() { Url = "http://cited.example/attach-" + path, Status = status };
        var checks = new[] { Check("ok", LinkStatus.Ok), Check("dead", LinkStatus.NotFound), Check("offline", LinkStatus.Unchecked), Check("moved", LinkStatus.Redirected) };
        var done = await t.Archive.AttachAllAsync(checks, [Accessed, Accessed, Accessed, null], null, TestContext.Current.CancellationToken);
        Assert.Equal([null, "wayback", null, "wayback"], done.Select(c => c.Archive?.Source));
        Assert.Empty(archive.RequestsFor("attach-ok"));
        Assert.Empty(archive.RequestsFor("attach-offline"));
    }

    [Fact]
    public async Task Offline_nothing_is_asked()
    {
        using var t = Wired(new() { ["Network:Offline"] = "true" });
        Assert.Null(await t.Archive.FindAsync("http://cited.example/offline-available", Accessed, TestContext.Current.CancellationToken));
        Assert.Empty(archive.RequestsFor("offline-available"));
    }
}
