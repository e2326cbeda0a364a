using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CiteWeb.Enrichment.Tests;
using CiteWeb.Index;

namespace CiteWeb.Cli.Tests;

/// <summary>
/// Crash safety: <c>citeweb enrich</c>, <c>index</c> and <c>run</c> in their own processes, killed (SIGKILL) at moments
/// drawn from a fixed seed while a local web answers their links slowly, then checked: the input files are byte for
/// byte as before, every cache entry reads and the index opens, the run started again finishes with everything in its
/// output, asks the web nothing it had a cached answer to at the kill, and (index, run) skips every bibliography
/// committed before it. Six kills per command here; <c>CITEWEB_KILLS=N</c> spreads N over the three (the README's
/// figures come from <c>CITEWEB_KILLS=60</c>).
/// </summary>
/// <remarks>The three commands are three classes so that their loops, mostly waiting, run side by side.</remarks>
public sealed class EnrichKillLoopTests(ITestOutputHelper output)
{
    [Fact]
    public Task Enrich_killed_at_random_moments_loses_and_repeats_nothing() => KillLoop.RunAsync(KillLoop.Enrich, seed: 4001, output);
}

public sealed class IndexKillLoopTests(ITestOutputHelper output)
{
    [Fact]
    public Task Index_killed_at_random_moments_keeps_every_committed_batch() => KillLoop.RunAsync(KillLoop.Index, seed: 4002, output);
}

public sealed class RunKillLoopTests(ITestOutputHelper output)
{
    [Fact]
    public Task Run_killed_at_random_moments_loses_and_repeats_nothing() => KillLoop.RunAsync(KillLoop.Run, seed: 4003, output);
}

/// <summary>The loop the three kill tests share, and the three commands it runs.</summary>
internal static class KillLoop
{
    private const int Links = 16, PageMs = 100, Bibliographies = 36;

    private static int KillsPerCommand =>
        int.TryParse(Environment.GetEnvironmentVariable("CITEWEB_KILLS"), out var n) && n > 0 ? (n + 2) / 3 : 6;

    /// <summary>One command under the loop: what it reads, how it is started, and what its complete output is.</summary>
    internal sealed record Scenario(string Name, Action<CliRunner, CountingWeb, int> Prepare, string[] Args, string[] Inputs,
        string Cache, string? Index, int Bibliographies, Action<CliRunner, string> Complete);

    public static readonly Scenario Enrich = new("enrich",
        (cli, web, round) =>
        {
            Configure(cli, web);
            cli.Write("refs.json", Webpages(web, $"e{round}", Links));
        },
        ["enrich", "refs.json", "--format", "csl-json", "-o", "out.json"], ["refs.json", "citeweb.json"],
        Path.Combine("index", "cache"), null, 0,
        (cli, _) =>
        {
            var records = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Directory, "out.json")))!.AsArray();
            Assert.Equal(Enumerable.Range(1, Links).Select(i => $"p{i}"), records.Select(r => (string?)r!["id"]));
            Assert.All(records, r => Assert.Equal("ok", (string?)r!["custom"]!["link"]!["status"]));
        });

    public static readonly Scenario Index = new("index",
        (cli, _, _) =>
        {
            for (int i = 1; i <= Bibliographies; i++)
                cli.Write($"lists/b{i:00}.bib", $$"""
                    @book{df, author = {D'Ignazio, Catherine and Klein, Lauren F.}, title = {Data Feminism}, publisher = {MIT Press}, year = {2020} }
                    @article{own{{i}}, author = {Author{{i}}, Ada}, title = {A study numbered {{i}}}, journal = {Journal {{i}}}, year = {{{2000 + i}}} }
                    @book{more{{i}}, author = {Writer{{i}}, Bea}, title = {Another book {{i}}}, publisher = {Press {{i}}}, year = {{{1990 + i}}} }
                    """);
        },
        ["index", "lists", "--batch", "2"], ["lists"], Path.Combine("index", "cache"), Path.Combine("index", "lucene"), Bibliographies,
        (cli, _) =>
        {
            var (exit, json, error) = cli.Run("search", "feminism", "--format", "json");
            Assert.True(exit == 0, error);
            var hit = JsonNode.Parse(json)!["hits"]![0]!;
            Assert.Equal(Enumerable.Range(1, Bibliographies).Select(i => $"b{i:00}"), hit["citedBy"]!.AsArray().Select(b => (string?)b));
            using var index = CitationIndex.Open(Path.Combine(cli.Directory, "index", "lucene"));
            Assert.False(index.WorksStale);
        });

    public static readonly Scenario Run = new("run",
        (cli, web, round) =>
        {
            Configure(cli, web);
            for (int f = 0; f < 4; f++) cli.Write($"bib/part{f}.json", Webpages(web, $"r{round}-{f}", Links / 4, first: f * (Links / 4) + 1));
        },
        ["run", "bib"], ["bib", "citeweb.json"], Path.Combine("index", "cache"), Path.Combine("index", "lucene"), 4,
        (cli, stdout) =>
        {
            Assert.Contains($"{Links} references in 4 bibliographies, 0 inconsistencies, 0 of {Links} links dead", stdout);
            var links = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Directory, "index", "reports", "linkrot.json")))!["links"]!.AsArray();
            Assert.Equal(Links, links.Count);
            Assert.All(links, l => Assert.Equal("ok", (string?)l!["status"]));
            Assert.True(File.Exists(Path.Combine(cli.Directory, "index", "reports", "index.html")));
        });

    private static void Configure(CliRunner cli, CountingWeb web) => CliProcess.ConfigureLocalNetwork(cli, endpoints: $$"""
        { "Crossref": "{{web.Origin}}", "DoiResolver": "{{web.Origin}}/resolver", "Wayback": "{{web.Origin}}",
          "WaybackCdx": "{{web.Origin}}", "Memento": "{{web.Origin}}", "SavePageNow": "{{web.Origin}}" }
        """);

    /// <summary>Web pages that answer after <see cref="PageMs"/>, each a URL of its own in this round.</summary>
    private static string Webpages(CountingWeb web, string round, int count, int first = 1) => "[\n" + string.Join(",\n",
        Enumerable.Range(first, count).Select(i => $$"""
          { "id": "p{{i}}", "type": "webpage", "title": "Page {{i}}", "URL": "{{web.Url($"/slow/{PageMs}/{round}-{i}")}}",
            "author": [{ "family": "Writer{{i}}", "given": "Ann" }], "issued": { "date-parts": [[2015]] }, "accessed": { "date-parts": [[2024, 1, 2]] } }
        """)) + "\n]\n";

    public static async Task RunAsync(Scenario s, int seed, ITestOutputHelper output)
    {
        var timeout = TimeSpan.FromMinutes(3);
        await using var web = await CountingWeb.StartAsync();
        var random = new Random(seed);

        // One run left alone: its length is the span the kill moments are drawn from, and its output the whole one.
        TimeSpan full;
        using (var cli = new CliRunner())
        {
            s.Prepare(cli, web, 0);
            var clock = Stopwatch.StartNew();
            var (exit, stdout, stderr) = await CliProcess.RunToEndAsync(cli, timeout, s.Args);
            full = clock.Elapsed;
            Assert.True(exit == 0, stderr);
            s.Complete(cli, stdout);
        }

        var landed = new List<string>();
        int kills = 0, round = 0, finishedFirst = 0;
        while (kills < KillsPerCommand)
        {
            round++;
            Assert.True(round <= 3 * KillsPerCommand, $"{s.Name}: only {kills} of {round - 1} runs were still going at their kill moment");
            using var cli = new CliRunner();
            s.Prepare(cli, web, round);
            var inputs = Fingerprint(cli, s.Inputs);
            var moment = full * (0.1 + 0.9 * random.NextDouble());
            var started = Stopwatch.StartNew();
            using (var victim = CliProcess.Start(cli, s.Args))
            {
                _ = victim.StandardOutput.ReadToEndAsync(); // drained, so a full pipe never holds the process up
                _ = victim.StandardError.ReadToEndAsync();
                if (victim.WaitForExit(moment))
                {
                    // The first run was slower than this one (a loaded machine, a cold start): draw later moments from
                    // the shorter span, so they fall inside a run again.
                    finishedFirst++;
                    if (started.Elapsed < full) full = started.Elapsed;
                    continue;
                }
                victim.Kill(entireProcessTree: true);
                Assert.True(victim.WaitForExit(TimeSpan.FromSeconds(60)), "the killed process did not go");
            }
            kills++;
            var where = $"{s.Name} kill {kills} (round {round}, {moment.TotalMilliseconds:0} ms of {full.TotalMilliseconds:0})";

            Assert.True(inputs.SequenceEqual(Fingerprint(cli, s.Inputs)), where + ": an input file changed");
            var (cachedLinks, temporaries) = ReadableCache(Path.Combine(cli.Directory, s.Cache), where);
            var asked = cachedLinks.ToDictionary(u => u, u => web.Hits(new Uri(u).AbsolutePath));
            var committed = s.Index is null ? 0 : CommittedBibliographies(Path.Combine(cli.Directory, s.Index), where);
            // An output is written to a temporary file renamed over it: there is the whole file or none.
            foreach (var written in new[] { "out.json", Path.Combine("index", "reports", "linkrot.json") }.Select(f => Path.Combine(cli.Directory, f)).Where(File.Exists))
                Assert.True(JsonNode.Parse(File.ReadAllText(written)) is not null, $"{where}: {written} is empty");
            var leftOver = Directory.GetFiles(cli.Directory, "*.tmp-*", SearchOption.AllDirectories).Length - temporaries;

            var (exit, stdout, stderr) = await CliProcess.RunToEndAsync(cli, timeout, s.Args);
            Assert.True(exit == 0, $"{where}: the run started again failed ({exit}): {stderr}");
            foreach (var (url, hits) in asked)
                Assert.True(hits == web.Hits(new Uri(url).AbsolutePath), $"{where}: {url} was cached at the kill and asked again");
            if (s.Index is not null)
                Assert.True(stdout.Contains($"indexed {s.Bibliographies - committed} bibliographies", StringComparison.Ordinal)
                    && stdout.Contains($", {committed} unchanged;", StringComparison.Ordinal), $"{where}: {committed} were committed at the kill, but: {stdout}");
            s.Complete(cli, stdout);
            // What the killed run was writing when it died is cleared by the run after it, in the cache and beside the outputs.
            var stale = Directory.GetFiles(cli.Directory, "*.tmp-*", SearchOption.AllDirectories);
            Assert.True(stale.Length == 0, $"{where}: temporary files left after the rerun: {string.Join(", ", stale)}");
            Assert.True(inputs.SequenceEqual(Fingerprint(cli, s.Inputs)), where + ": an input file changed in the run after");
            landed.Add($"{moment.TotalMilliseconds:0}ms: {asked.Count} cached, {committed} committed, {temporaries} cache temp, {leftOver} output temp");
        }
        output.WriteLine($"{s.Name}: {kills} kills survived ({finishedFirst} runs finished before their moment; the shortest uninterrupted run took {full.TotalMilliseconds:0} ms)");
        foreach (var l in landed) output.WriteLine("  " + l);
    }

    /// <summary>Every input file's path and SHA-256, in order.</summary>
    private static List<string> Fingerprint(CliRunner cli, string[] inputs) => inputs
        .Select(i => Path.Combine(cli.Directory, i))
        .SelectMany(IEnumerable<string> (p) => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [p])
        .Select(f => Path.GetRelativePath(cli.Directory, f) + " " + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))))
        .ToList();

    /// <summary>The URLs the cache holds a link answer for; every entry must read as a whole JSON entry, and anything
    /// else be a temporary file the cache ignores.</summary>
    private static (List<string> Links, int Temporaries) ReadableCache(string dir, string where)
    {
        var links = new List<string>();
        int temporaries = 0;
        if (!Directory.Exists(dir)) return (links, 0);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).Contains(".tmp-", StringComparison.Ordinal)) { temporaries++; continue; }
            Assert.True(file.EndsWith(".json", StringComparison.Ordinal), $"{where}: {file} is neither an entry nor a temporary file");
            JsonNode? entry = null;
            try { entry = JsonNode.Parse(File.ReadAllBytes(file)); }
            catch (System.Text.Json.JsonException e) { Assert.Fail($"{where}: {file} is torn: {e.Message}"); }
            Assert.True(entry?["key"] is not null && entry["fetchedAt"] is not null, $"{where}: {file} is not an entry");
            if ((string?)entry["kind"] == "links") links.Add((string)entry["key"]!);
        }
        return (links, temporaries);
    }

    /// <summary>How many bibliographies the index's last commit holds (0 when nothing was committed yet).</summary>
    private static int CommittedBibliographies(string dir, string where)
    {
        if (!CitationIndex.Exists(dir)) return 0;
        try
        {
            using var index = CitationIndex.Open(dir);
            _ = index.WorksStale;
            return index.IndexedHashes().Count;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{where}: the index does not open: {e}");
            return -1;
        }
    }
}
