using System.Text.Json.Nodes;
using CiteWeb.Enrichment.Tests;

namespace CiteWeb.Cli.Tests;

/// <summary><c>citeweb run</c>'s link stage, report page and closing summary, end to end: the links and the archive are
/// one local server configured through <c>citeweb.json</c>.</summary>
public sealed class RunReportTests(ArchiveWeb archive) : IClassFixture<ArchiveWeb>
{
    [Fact]
    public void Run_checks_the_links_finds_an_archived_copy_and_writes_the_report_page()
    {
        using var cli = new CliRunner();
        cli.Write("citeweb.json", $$"""
            {
              "Network": { "AllowedNetworks": [ "127.0.0.1/32" ], "PerAttemptTimeout": "00:00:02", "PerLinkTimeout": "00:00:04",
                           "MaxRetries": 0, "MinIntervalPerHost": "00:00:00" },
              "Endpoints": { "Wayback": "{{archive.Origin}}", "WaybackCdx": "{{archive.Origin}}", "Memento": "{{archive.Origin}}" }
            }
            """);
        cli.Write("bib/refs.json", $$"""
            [
              { "id": "dead2015", "type": "webpage", "title": "A page that died", "URL": "{{archive.Origin}}/run-dead-page",
                "author": [{ "family": "Klein", "given": "Lauren" }], "issued": { "date-parts": [[2015]] }, "accessed": { "date-parts": [[2019, 3, 2]] } },
              { "id": "alive2015", "type": "webpage", "title": "A page that lives", "URL": "{{archive.Origin}}/alive",
                "author": [{ "family": "Noble", "given": "Safiya" }], "issued": { "date-parts": [[2015]] } }
            ]
            """);
        var (exit, stdout, stderr) = cli.Run("run", "bib");
        Assert.True(exit == 1, stderr); // a dead link is a problem found
        Assert.Contains("2 references in 1 bibliography, 0 inconsistencies, 1 of 2 links dead, 1 archived copy found.", stdout);
        Assert.Matches("│ archived copies found +│ +1 │", stdout);
        Assert.Contains("linkrot: 2/2", stderr);
        Assert.Contains("indexed 1 bibliographies (2 references), 0 unchanged", stdout);

        var html = File.ReadAllText(Path.Combine(cli.Directory, "index", "reports", "index.html"));
        Assert.Contains($"<a href=\"{archive.Origin}/web/20190301000000/{archive.Origin}/run-dead-page\" rel=\"noopener noreferrer nofollow\">2019-03-01T00:00:00+00:00</a>", html);
        Assert.Contains("<tr><td>bib/refs.json</td><td>csl-json</td><td class=\"n\">2</td><td class=\"types\">webpage 2</td><td class=\"n\">2</td>", html);
        var links = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Directory, "index", "reports", "linkrot.json")))!["links"]!.AsArray();
        Assert.Equal(["not-found", "ok"], links.Select(l => (string?)l!["status"]).Order());

        // Run again over the same files: the index skips them and every network answer comes from the cache.
        var (again, stdout2, stderr2) = cli.Run("run", "bib");
        Assert.True(again == 1, stderr2);
        Assert.Contains("indexed 0 bibliographies (0 references), 1 unchanged", stdout2);
        Assert.Matches(@"cache: [1-9]\d* answer\(s\) reused, 0 stored in index/cache", stderr2);
        Assert.Contains("1 of 2 links dead, 1 archived copy found.", stdout2);
    }

    [Fact]
    public void Offline_every_link_is_unchecked_and_nothing_is_requested()
    {
        using var cli = new CliRunner();
        cli.Write("bib/refs.json", $$"""
            [ { "id": "a", "type": "webpage", "title": "A page", "URL": "{{archive.Origin}}/run-offline-page", "issued": { "date-parts": [[2015]] } } ]
            """);
        var (exit, stdout, stderr) = cli.Run("run", "bib", "--offline");
        Assert.True(exit == 0, stderr);
        Assert.Contains("1 reference in 1 bibliography, 0 inconsistencies, 0 of 1 link dead (1 not checked), 0 archived copies found.", stdout);
        Assert.Empty(archive.RequestsFor("/run-offline-page"));
        Assert.True(File.Exists(Path.Combine(cli.Directory, "index", "reports", "index.html")));
    }
}
