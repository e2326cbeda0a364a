using CiteWeb.Core.Model;

namespace CiteWeb.Enrichment.Tests;

/// <summary>Content drift end to end: the live pages of <see cref="SmallWeb"/> checked, their snapshots found and
/// fetched from <see cref="ArchiveWeb"/>, the visible texts compared.</summary>
public sealed class DriftTests(ArchiveWeb archive, SmallWeb web) : IClassFixture<ArchiveWeb>
{
    private static readonly DateTimeOffset Accessed = new(2019, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private TestChecker Wired(Dictionary<string, string?>? more = null) => TestChecker.WithArchives(archive.Origin, more);

    private async Task<IReadOnlyList<LinkCheck>> RunAsync(TestChecker t, bool drift, params string[] paths)
    {
        var ct = TestContext.Current.CancellationToken;
        var checks = await t.Checker.CheckAllAsync(paths.Select(p => (web.Url(p), (string?)null, (string?)null, (int?)null)), null, ct);
        return await t.Archive.AttachAllAsync(checks, checks.Select(_ => (DateTimeOffset?)Accessed).ToList(), null, ct, drift);
    }

    [Fact]
    public async Task A_page_rewritten_since_its_snapshot_is_drifted_and_one_rethemed_is_not()
    {
        using var t = Wired();
        var results = await RunAsync(t, drift: true, "/drift/changed", "/drift/same");
        var (changed, same) = (results[0], results[1]);

        Assert.Equal((LinkStatus.Ok, "wayback"), (changed.Status, changed.Archive?.Source));
        Assert.True(changed.Drifted);
        Assert.InRange(changed.DriftSimilarity!.Value, 0.0, 0.1);

        Assert.Equal((LinkStatus.Ok, "wayback"), (same.Status, same.Archive?.Source));
        Assert.False(same.Drifted);
        Assert.Equal(1.0, same.DriftSimilarity);

        // The snapshot page was asked for as captured (id_), not through the archive's toolbar.
        Assert.NotEmpty(archive.RequestsFor("/web/20190301000000id_/" + web.Url("/drift/changed")));
    }

    [Fact]
    public async Task The_threshold_comes_from_configuration()
    {
        using var t = Wired(new() { ["Network:DriftThreshold"] = "0" });
        var changed = Assert.Single(await RunAsync(t, drift: true, "/drift/changed"));
        Assert.NotNull(changed.DriftSimilarity);
        Assert.False(changed.Drifted);
    }

    [Fact]
    public async Task Without_drift_ok_links_are_neither_looked_up_nor_compared()
    {
        using var t = Wired();
        var ok = Assert.Single(await RunAsync(t, drift: false, "/drift/changed?nodrift"));
        Assert.Equal(LinkStatus.Ok, ok.Status);
        Assert.Null(ok.Archive);
        Assert.Null(ok.DriftSimilarity);
        Assert.False(ok.Drifted);
        Assert.Empty(archive.RequestsFor("nodrift"));
    }

    [Fact]
    public async Task A_snapshot_that_cannot_be_fetched_leaves_the_drift_unknown()
    {
        using var t = Wired();
        // /ok has a snapshot in the availability API, but its page is a 404 at the archive.
        var ok = Assert.Single(await RunAsync(t, drift: true, "/ok"));
        Assert.Equal((LinkStatus.Ok, "wayback"), (ok.Status, ok.Archive?.Source));
        Assert.Null(ok.DriftSimilarity);
        Assert.False(ok.Drifted);
    }
}
