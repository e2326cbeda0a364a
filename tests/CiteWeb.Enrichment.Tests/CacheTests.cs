using System.Text.Json.Nodes;
using CiteWeb.Core.Model;

namespace CiteWeb.Enrichment.Tests;

/// <summary>The answer cache on disk, counted on the servers: what is stored is not asked again, what is old, damaged
/// or refreshed is; and a run's time limit leaves unchecked links, not lost ones.</summary>
public sealed class CacheTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "citeweb-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private TestChecker Checker(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Cache:Directory"] = _dir };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return new TestChecker(settings);
    }

    private static (string, string?, string?, int?)[] Links(CountingWeb web, params string[] paths) =>
        paths.Select(p => (web.Url(p), (string?)p, (string?)"refs.bib", (int?)1)).ToArray();

    private async Task<IReadOnlyList<LinkCheck>> CheckAsync(CountingWeb web, Dictionary<string, string?>? more, params string[] paths)
    {
        using var t = Checker(more);
        return await t.Checker.CheckAllAsync(Links(web, paths), null, Ct);
    }

    private string[] Entries(string kind) =>
        Directory.Exists(Path.Combine(_dir, kind)) ? Directory.GetFiles(Path.Combine(_dir, kind), "*.json", SearchOption.AllDirectories) : [];

    private string EntryFor(string kind, string key)
    {
        var services = new TestChecker(new() { ["Cache:Directory"] = _dir });
        using (services) return services.Get<AnswerCache>().PathOf(kind, key);
    }

    [Fact]
    public async Task A_second_run_asks_nothing_and_keeps_what_was_found_then()
    {
        await using var web = await CountingWeb.StartAsync();
        string[] paths = ["/page/a", "/missing/b", "/moved/c"];
        var first = await CheckAsync(web, null, paths);
        Assert.Equal([LinkStatus.Ok, LinkStatus.NotFound, LinkStatus.Redirected], first.Select(l => l.Status));
        var asked = web.Total;
        Assert.True(asked >= 3);
        Assert.Equal(3, Entries(AnswerCache.Links).Length);

        var second = await CheckAsync(web, null, paths);
        Assert.Equal(asked, web.Total);
        Assert.Equal(first.Select(l => (l.Url, l.Reference, l.Status, l.HttpStatus, l.FinalUrl, l.CheckedAt, l.Detail)),
                     second.Select(l => (l.Url, l.Reference, l.Status, l.HttpStatus, l.FinalUrl, l.CheckedAt, l.Detail)));
        Assert.Equal(["/page/c"], second[2].Redirects.Select(r => new Uri(r).AbsolutePath));
    }

    [Fact]
    public async Task An_entry_older_than_its_time_to_live_is_asked_again()
    {
        await using var web = await CountingWeb.StartAsync();
        await CheckAsync(web, null, "/page/old", "/page/young");
        Backdate(EntryFor(AnswerCache.Links, web.Url("/page/old")), TimeSpan.FromDays(31));   // the default LinkTtl is 30 days
        Backdate(EntryFor(AnswerCache.Links, web.Url("/page/young")), TimeSpan.FromDays(29));
        var (old, young) = (web.Hits("/page/old"), web.Hits("/page/young"));

        var again = await CheckAsync(web, null, "/page/old", "/page/young");
        Assert.True(web.Hits("/page/old") > old);
        Assert.Equal(young, web.Hits("/page/young"));
        Assert.All(again, l => Assert.Equal(LinkStatus.Ok, l.Status));
        Assert.True(DateTimeOffset.UtcNow - again[0].CheckedAt < TimeSpan.FromMinutes(5), "the renewed entry has the new time");

    }

    [Fact]
    public async Task A_failure_that_may_pass_holds_for_a_day_a_dead_page_for_the_link_ttl()
    {
        await using var web = await CountingWeb.StartAsync();
        var first = await CheckAsync(web, null, "/error/e", "/missing/m");
        Assert.Equal([LinkStatus.ServerError, LinkStatus.NotFound], first.Select(l => l.Status));
        Backdate(EntryFor(AnswerCache.Links, web.Url("/error/e")), TimeSpan.FromDays(2));   // the default FailureTtl is 1 day
        Backdate(EntryFor(AnswerCache.Links, web.Url("/missing/m")), TimeSpan.FromDays(2));
        var (error, missing) = (web.Hits("/error/e"), web.Hits("/missing/m"));
        await CheckAsync(web, null, "/error/e", "/missing/m");
        Assert.Equal((error + 1, missing), (web.Hits("/error/e"), web.Hits("/missing/m")));
    }

    [Fact]
    public async Task Refresh_asks_everything_again_and_renews_the_entries()
    {
        await using var web = await CountingWeb.StartAsync();
        await CheckAsync(web, null, "/page/r", "/missing/r");
        var asked = web.Total;
        var before = File.ReadAllText(EntryFor(AnswerCache.Links, web.Url("/missing/r")));

        var again = await CheckAsync(web, new() { ["Cache:Refresh"] = "true" }, "/page/r", "/missing/r");
        Assert.True(web.Hits("/page/r") >= 2 && web.Hits("/missing/r") == 2, $"{web.Hits("/page/r")} {web.Hits("/missing/r")}");
        Assert.True(web.Total > asked);
        Assert.Equal([LinkStatus.Ok, LinkStatus.NotFound], again.Select(l => l.Status));
        Assert.NotEqual(before, File.ReadAllText(EntryFor(AnswerCache.Links, web.Url("/missing/r"))));

        var third = web.Total;
        await CheckAsync(web, null, "/page/r", "/missing/r");
        Assert.Equal(third, web.Total);
    }

    [Fact]
    public async Task A_torn_or_foreign_entry_is_asked_again_never_fatal()
    {
        await using var web = await CountingWeb.StartAsync();
        string[] paths = ["/page/t1", "/page/t2", "/page/t3", "/page/t4"];
        await CheckAsync(web, null, paths);
        var torn = EntryFor(AnswerCache.Links, web.Url("/page/t1"));
        File.WriteAllBytes(torn, File.ReadAllBytes(torn)[..(int)(new FileInfo(torn).Length / 2)]);  // a write cut off half-way
        File.WriteAllText(EntryFor(AnswerCache.Links, web.Url("/page/t2")), "\0\0garbage{");
        var other = File.ReadAllText(EntryFor(AnswerCache.Links, web.Url("/page/t4")));
        File.WriteAllText(EntryFor(AnswerCache.Links, web.Url("/page/t3")), other);                 // another URL's answer
        File.WriteAllText(torn + ".0123.tmp", "{");                                                 // a temporary file a kill left
        var hits = paths.Select(web.Hits).ToArray();

        var again = await CheckAsync(web, null, paths);
        Assert.All(again, l => Assert.Equal(LinkStatus.Ok, l.Status));
        Assert.Equal(paths.Select(p => p == "/page/t4" ? 0 : 1), paths.Select((p, i) => web.Hits(p) > hits[i] ? 1 : 0));
        Assert.Equal(web.Url("/page/t3"), (string?)JsonNode.Parse(File.ReadAllText(EntryFor(AnswerCache.Links, web.Url("/page/t3"))))!["key"]);
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(torn)));
    }

    [Fact]
    public async Task Unchecked_and_blocked_links_are_not_stored()
    {
        await using var web = await CountingWeb.StartAsync();
        using (var t = new TestChecker(new() { ["Cache:Directory"] = _dir, ["Network:AllowedNetworks:0"] = "10.0.0.0/32" }))
            Assert.Equal(LinkStatus.Blocked, (await t.Checker.CheckAllAsync(Links(web, "/page/blocked"), null, Ct)).Single().Status);
        using (var t = new TestChecker(new() { ["Cache:Directory"] = _dir, ["Network:Offline"] = "true" }))
            Assert.Equal(LinkStatus.Unchecked, (await t.Checker.CheckAllAsync(Links(web, "/page/blocked"), null, Ct)).Single().Status);
        Assert.Empty(Entries(AnswerCache.Links));
        Assert.Equal(LinkStatus.Ok, (await CheckAsync(web, null, "/page/blocked")).Single().Status);
    }

    [Fact]
    public async Task The_run_time_limit_leaves_the_rest_unchecked_and_keeps_what_was_done()
    {
        await using var web = await CountingWeb.StartAsync();
        string[] paths = ["/page/fast", "/slow/3000/s1", "/slow/3000/s2", "/slow/3000/s3", "/slow/3000/s4"];
        var settings = new Dictionary<string, string?>
        {
            ["Network:RunTimeout"] = "00:00:01.5", ["Network:GlobalConcurrency"] = "2", ["Network:PerHostConcurrency"] = "2",
            ["Network:PerAttemptTimeout"] = "00:00:10", ["Network:PerLinkTimeout"] = "00:00:10",
        };
        var started = DateTimeOffset.UtcNow;
        var results = await CheckAsync(web, settings, paths);
        var took = DateTimeOffset.UtcNow - started;

        Assert.Equal(LinkStatus.Ok, results[0].Status);
        Assert.All(results.Skip(1), l =>
        {
            Assert.Equal(LinkStatus.Unchecked, l.Status);
            Assert.Contains("time limit (1.5 s, Network:RunTimeout) was reached", l.Detail);
            Assert.Null(l.HttpStatus);
        });
        Assert.True(took < TimeSpan.FromSeconds(3), $"the run took {took}, past its 1.5 s limit plus slack");
        Assert.Equal([web.Url("/page/fast")], Entries(AnswerCache.Links).Select(f => (string?)JsonNode.Parse(File.ReadAllText(f))!["key"]));
        Assert.Equal(0, web.Hits("/slow/3000/s3") + web.Hits("/slow/3000/s4"));
    }

    [Fact]
    public async Task Archive_answers_are_kept_snapshot_or_none()
    {
        await using var archive = new ArchiveWeb();
        await archive.InitializeAsync();
        var marker = Guid.NewGuid().ToString("N");
        LinkCheck Dead(string path) => new() { Url = $"http://cited.example/{marker}/{path}", Status = LinkStatus.NotFound };
        LinkCheck[] dead = [Dead("has-a-copy"), Dead("nowhere")];
        DateTimeOffset?[] near = [new DateTimeOffset(2019, 3, 2, 0, 0, 0, TimeSpan.Zero), null];

        using (var t = TestChecker.WithArchives(archive.Origin, new() { ["Cache:Directory"] = _dir }))
        {
            var first = await t.Archive.AttachAllAsync(dead, near, null, Ct);
            Assert.Equal("wayback", first[0].Archive!.Source);
            Assert.Null(first[1].Archive);
        }
        var asked = archive.RequestsFor(marker).Count;
        Assert.True(asked >= 4, $"{asked}"); // the copy from Wayback; no copy after Wayback, CDX and Memento
        using (var t = TestChecker.WithArchives(archive.Origin, new() { ["Cache:Directory"] = _dir }))
        {
            var second = await t.Archive.AttachAllAsync(dead, near, null, Ct);
            Assert.Equal($"{archive.Origin}/web/20190301000000/http://cited.example/{marker}/has-a-copy", second[0].Archive!.Url);
            Assert.Equal(new DateTimeOffset(2019, 3, 1, 0, 0, 0, TimeSpan.Zero), second[0].Archive!.Timestamp);
            Assert.Null(second[1].Archive);
        }
        Assert.Equal(asked, archive.RequestsFor(marker).Count);
        await archive.DisposeAsync();
    }

    [Fact]
    public async Task Doi_answers_are_kept_crossref_and_resolver()
    {
        await using var server = new ScholarlyServer();
        await server.InitializeAsync();
        var settings = server.Settings();
        settings["Cache:Directory"] = _dir;
        // Matching asks Crossref and then the resolver for the winner; validating asks the resolver.
        Reference[] refs =
        [
            DoiTests.Ref("oneil", "Weapons of math destruction: how big data increases inequality", "O’Neil", 2016, line: 1),
            DoiTests.Ref("known", "A registered work", "Author", 2001, doi: "10.5555/registered", line: 2),
            DoiTests.Ref("unknown", "Not registered", "Author", 2002, doi: "10.5555/never.registered", line: 3),
        ];
        async Task<DoiEnrichment> Enrich()
        {
            using var t = new TestChecker(settings);
            return await t.Get<DoiEnricher>().EnrichAsync(refs.Select(r => r.Clone()).ToList(), null, Ct);
        }
        var first = await Enrich();
        var asked = server.Requests.Count;
        Assert.True(asked >= 4, string.Join("\n", server.Requests));
        var second = await Enrich();
        Assert.Equal(asked, server.Requests.Count);
        Assert.Equal(first.Changes.Select(c => c.After), second.Changes.Select(c => c.After));
        Assert.Equal(["10.5555/exact.1"], second.Changes.Select(c => c.After));
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(second.Diagnostics, d => d.Code == "CW602");
        await server.DisposeAsync();
    }

    private static void Backdate(string entry, TimeSpan age)
    {
        var json = JsonNode.Parse(File.ReadAllText(entry))!;
        json["fetchedAt"] = DateTimeOffset.UtcNow - age;
        File.WriteAllText(entry, json.ToJsonString());
    }
}
