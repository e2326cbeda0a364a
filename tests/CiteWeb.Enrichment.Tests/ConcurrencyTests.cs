using CiteWeb.Core.Model;

namespace CiteWeb.Enrichment.Tests;

/// <summary>The limits, measured where they matter: on the server.</summary>
[Collection(nameof(TimingCollection))]
public sealed class ConcurrencyTests(SmallWeb web)
{
    private static IEnumerable<(string, string?, string?, int?)> Links(SmallWeb web, string group, int n) =>
        Enumerable.Range(0, n).Select(i => (web.Url($"/c/{group}/{i}"), (string?)$"key{i}", (string?)"refs.bib", (int?)i + 1));

    [Fact]
    public async Task One_host_never_sees_more_than_two_requests_at_once()
    {
        using var t = new TestChecker(new() { ["Network:PerHostConcurrency"] = "2" });
        var progress = new List<int>();
        var results = await t.Checker.CheckAllAsync(Links(web, "perhost", 12), new SyncProgress(progress), TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.Equal(2, web.MaxInFlight("perhost"));
        Assert.Equal(12, progress.Max());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"key{i}"), results.Select(r => r.Reference));
    }

    [Fact]
    public async Task The_global_limit_holds_when_the_host_would_allow_more()
    {
        using var t = new TestChecker(new() { ["Network:GlobalConcurrency"] = "3", ["Network:PerHostConcurrency"] = "3" });
        await t.Checker.CheckAllAsync(Links(web, "global", 12), null, TestContext.Current.CancellationToken);
        Assert.Equal(3, web.MaxInFlight("global"));
    }

    [Fact]
    public async Task Requests_to_one_host_start_at_least_the_minimum_interval_apart()
    {
        using var t = new TestChecker(new() { ["Network:MinIntervalPerHost"] = "00:00:00.100", ["Network:PerHostConcurrency"] = "2" });
        // The gate spaces the starts of requests; the server sees their arrival. In a process that has made no request
        // yet, the first connection's setup (JIT of the connect path) can take longer than the interval, so the request
        // let through 100 ms later arrives with it. One request first makes arrival follow start, as it does in a run.
        await t.Checker.CheckAllAsync(Links(web, "warm-up", 1), null, TestContext.Current.CancellationToken);
        await t.Checker.CheckAllAsync(Links(web, "interval", 6), null, TestContext.Current.CancellationToken);
        var starts = web.Starts("interval").Order().ToList();
        var gaps = starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        Assert.Equal(6, starts.Count);
        Assert.All(gaps, g => Assert.True(g >= 80, $"requests {g:0} ms apart"));
    }

    private sealed class SyncProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (seen) seen.Add(value);
        }
    }
}
