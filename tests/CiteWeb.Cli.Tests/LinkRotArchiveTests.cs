using System.Text.Json.Nodes;
using CiteWeb.Enrichment.Tests;

namespace CiteWeb.Cli.Tests;

/// <summary><c>citeweb linkrot --archive lookup</c> end to end: the dead link and the archives are one local server,
/// configured through <c>citeweb.json</c> (the same keys as <c>CITEWEB_ENDPOINTS__*</c>, without changing the test
/// process's environment under tests that run in parallel).</summary>
public sealed class LinkRotArchiveTests(ArchiveWeb archive) : IClassFixture<ArchiveWeb>
{
    [Fact]
    public void A_dead_link_gets_the_snapshot_nearest_its_access_date()
    {
        using var cli = new CliRunner();
        cli.Write("citeweb.json", $$"""
            {
              "Network": { "AllowedNetworks": [ "127.0.0.1/32" ], "PerAttemptTimeout": "00:00:02", "PerLinkTimeout": "00:00:04",
                           "MaxRetries": 0, "MinIntervalPerHost": "00:00:00" },
              "Endpoints": { "Wayback": "{{archive.Origin}}", "WaybackCdx": "{{archive.Origin}}", "Memento": "{{archive.Origin}}" }
            }
            """);
        cli.Write("refs.json", $$"""
            [
              { "id": "dead2015", "type": "webpage", "title": "A page that died", "URL": "{{archive.Origin}}/cli-dead-page",
                "issued": { "date-parts": [[2015]] }, "accessed": { "date-parts": [[2019, 3, 2]] } },
              { "id": "alive2015", "type": "webpage", "title": "A page that lives", "URL": "{{archive.Origin}}/alive",
                "issued": { "date-parts": [[2015]] } }
            ]
            """);
        var (exit, stdout, stderr) = cli.Run("linkrot", "refs.json", "--archive", "lookup", "--format", "json");
        Assert.True(exit == 1, stderr);
        var links = JsonNode.Parse(stdout)!["links"]!.AsArray();
        var dead = links.Single(l => (string?)l!["reference"] == "dead2015")!;
        Assert.Equal("not-found", (string?)dead["status"]);
        Assert.Equal($"{archive.Origin}/web/20190301000000/{archive.Origin}/cli-dead-page", (string?)dead["archive"]!["url"]);
        Assert.Equal("wayback", (string?)dead["archive"]!["source"]);
        Assert.StartsWith("2019-03-01T00:00:00", (string?)dead["archive"]!["timestamp"]);
        Assert.Contains("&timestamp=20190302000000", Assert.Single(archive.RequestsFor("/wayback/available?url=" + Uri.EscapeDataString(archive.Origin + "/cli-dead-page"))));
        var alive = links.Single(l => (string?)l!["reference"] == "alive2015")!;
        Assert.Equal(("ok", null), ((string?)alive["status"], alive["archive"]));
        Assert.Empty(archive.RequestsFor("/wayback/available?url=" + Uri.EscapeDataString(archive.Origin + "/alive")));
    }

    [Fact]
    public void Drift_compares_live_pages_with_their_snapshots()
    {
        using var cli = new CliRunner();
        cli.Write("citeweb.json", $$"""
            {
              "Network": { "AllowedNetworks": [ "127.0.0.1/32" ], "MaxRetries": 0, "MinIntervalPerHost": "00:00:00" },
              "Endpoints": { "Wayback": "{{archive.Origin}}", "WaybackCdx": "{{archive.Origin}}", "Memento": "{{archive.Origin}}" }
            }
            """);
        cli.Write("refs.json", $$"""
            [
              { "id": "changed", "type": "webpage", "title": "Rewritten", "URL": "{{archive.Origin}}/drift/changed", "accessed": { "date-parts": [[2019, 3, 2]] } },
              { "id": "same", "type": "webpage", "title": "Rethemed", "URL": "{{archive.Origin}}/drift/same", "accessed": { "date-parts": [[2019, 3, 2]] } }
            ]
            """);
        var (exit, stdout, stderr) = cli.Run("linkrot", "refs.json", "--drift", "--format", "json");
        Assert.True(exit == 0, stderr);
        var links = JsonNode.Parse(stdout)!["links"]!.AsArray();
        double Similarity(string key) => (double)links.Single(l => (string?)l!["reference"] == key)!["drift"]!["similarity"]!;
        Assert.InRange(Similarity("changed"), 0.0, 0.1);
        Assert.Equal(1.0, Similarity("same"));
        Assert.Contains("has changed since it was cited", stderr);
    }

    [Fact]
    public void An_unknown_archive_mode_is_bad_usage()
    {
        using var cli = new CliRunner();
        cli.Write("list.txt", "A, B. T. P, 2019.\n");
        var (exit, _, stderr) = cli.Run("linkrot", "list.txt", "--archive", "everything");
        Assert.Equal(2, exit);
        Assert.Contains("--archive must be none, lookup, save or local", stderr);
    }
}
