using System.Diagnostics;
using System.Text.Json.Nodes;
using CiteWeb.Enrichment.Tests;

namespace CiteWeb.Cli.Tests;

/// <summary>The answer cache through the command line: <c>--cache</c>, <c>--refresh</c>, the workspace default, and a
/// real <c>citeweb</c> process killed in the middle of a run and started again.</summary>
public sealed class CacheCommandTests
{
    private static void Configure(CliRunner cli) => CliProcess.ConfigureLocalNetwork(cli);

    private static string Refs(CountingWeb web, int count, string path) => "[\n" + string.Join(",\n", Enumerable.Range(1, count).Select(i =>
        $$"""  { "id": "p{{i}}", "type": "webpage", "title": "Page {{i}}", "URL": "{{web.Url(string.Format(path, i))}}" }""")) + "\n]\n";

    [Fact]
    public async Task A_second_linkrot_asks_nothing_and_refresh_asks_again()
    {
        await using var web = await CountingWeb.StartAsync();
        using var cli = new CliRunner();
        Configure(cli);
        cli.Write("refs.json", Refs(web, 3, "/page/{0}"));

        var (exit, first, stderr) = cli.Run("linkrot", "refs.json", "--format", "json");
        Assert.True(exit == 0, stderr);
        Assert.Contains("cache: 0 answer(s) reused, 3 stored in " + Path.Combine("index", "cache"), stderr);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(cli.Directory, "index", "cache", "links"), "*.json", SearchOption.AllDirectories).Length);
        var asked = web.Total;

        var (exit2, second, stderr2) = cli.Run("linkrot", "refs.json", "--format", "json");
        Assert.True(exit2 == 0, stderr2);
        Assert.Equal(asked, web.Total);
        Assert.Contains("cache: 3 answer(s) reused, 0 stored", stderr2);
        static JsonNode? Links(string json) => JsonNode.Parse(json)!["links"];
        Assert.True(JsonNode.DeepEquals(Links(first), Links(second)), second);

        var (exit3, _, stderr3) = cli.Run("linkrot", "refs.json", "--format", "json", "--refresh");
        Assert.True(exit3 == 0, stderr3);
        Assert.True(web.Total >= asked + 3);

        var elsewhere = web.Total;
        var (exit4, _, stderr4) = cli.Run("linkrot", "refs.json", "--cache", "other-cache");
        Assert.True(exit4 == 0, stderr4);
        Assert.True(web.Total >= elsewhere + 3, "a cache of its own starts empty");
        Assert.True(Directory.Exists(Path.Combine(cli.Directory, "other-cache", "links")));
    }

    [Fact]
    public async Task A_killed_run_started_again_repeats_no_finished_link_and_loses_nothing()
    {
        const int Count = 24, Done = 6;
        await using var web = await CountingWeb.StartAsync();
        web.HoldAfter(Done); // the server answers six pages and keeps the rest waiting: the run cannot finish before the kill
        using var cli = new CliRunner();
        Configure(cli);
        cli.Write("refs.json", Refs(web, Count, "/held/k{0}"));
        var links = Path.Combine(cli.Directory, "index", "cache", "links");
        string[] Entries() => Directory.Exists(links) ? Directory.GetFiles(links, "*.json", SearchOption.AllDirectories) : [];

        using (var run = Start(cli, "linkrot", "refs.json", "--format", "json"))
        {
            // Polled on this thread, not by timer continuations: other tests running in-process may keep the pool busy.
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while (Entries().Length < Done && !run.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(10);
            Thread.Sleep(200); // a seventh entry, were one (wrongly) coming, would have time to appear
            if (run.HasExited) Assert.Fail("the run ended before it could be killed: " + run.StandardError.ReadToEnd());
            run.Kill(); // SIGKILL on Unix: nothing is flushed or tidied
            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)));
        }
        web.Release();
        var finished = Entries().Select(f => (string)JsonNode.Parse(File.ReadAllText(f))!["key"]!).ToList();
        Assert.Equal(Done, finished.Count);
        var hits = finished.ToDictionary(u => u, u => web.Hits(new Uri(u).AbsolutePath));
        Assert.All(hits.Values, h => Assert.True(h >= 1));

        using var again = Start(cli, "linkrot", "refs.json", "--format", "json");
        var stdout = again.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = again.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(again.WaitForExit(TimeSpan.FromMinutes(3)));
        Assert.True(again.ExitCode == 0, await stderr);

        Assert.All(hits, h => Assert.Equal(h.Value, web.Hits(new Uri(h.Key).AbsolutePath)));
        var report = JsonNode.Parse(await stdout)!["links"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, Count).Select(i => $"p{i}"), report.Select(l => (string?)l!["reference"]));
        Assert.All(report, l => Assert.Equal("ok", (string?)l!["status"]));
        Assert.Contains($"cache: {Done} answer(s) reused, {Count - Done} stored", await stderr);
        Assert.Equal(Count, Entries().Length);
    }

    private static Process Start(CliRunner cli, params string[] args) => CliProcess.Start(cli, args);
}
