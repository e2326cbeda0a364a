using System.Text.Json.Nodes;
using CiteWeb.Enrichment.Tests;

namespace CiteWeb.Cli.Tests;

/// <summary><c>--archive save</c> and <c>--archive local</c> end to end, against a local Save Page Now and pages; the
/// endpoints and keys come from <c>citeweb.json</c>.</summary>
public sealed class ArchiveModeTests(ArchivingServer web) : IClassFixture<ArchivingServer>
{
    private string Config(bool keys) => $$"""
        {
          "Network": { "AllowedNetworks": [ "127.0.0.1/32" ], "MaxRetries": 0, "MinIntervalPerHost": "00:00:00" },
          "Endpoints": { "Wayback": "{{web.Origin}}", "WaybackCdx": "{{web.Origin}}", "Memento": "{{web.Origin}}",
                         "SavePageNow": "{{web.Origin}}", "Crossref": "{{web.Origin}}", "DoiResolver": "{{web.Origin}}" },
          "SavePageNow": { {{(keys ? $"\"AccessKey\": \"{ArchivingServer.AccessKey}\", \"SecretKey\": \"{ArchivingServer.SecretKey}\"," : "")}}
                           "PollInterval": "00:00:00.050", "MaxWait": "00:00:05", "MinInterval": "00:00:00" }
        }
        """;

    private string Refs(string id, string path) => $$"""
        [ { "id": "{{id}}", "type": "webpage", "title": "A cited page", "URL": "{{web.Origin}}{{path}}", "accessed": { "date-parts": [[2019, 3, 2]] } } ]
        """;

    [Fact]
    public void Save_without_keys_is_bad_usage_that_says_which_keys_and_checks_nothing()
    {
        using var cli = new CliRunner();
        cli.Write("citeweb.json", Config(keys: false));
        cli.Write("refs.json", Refs("nokeys", "/spn-ok/cli-nokeys"));
        var (exit, _, stderr) = cli.Run("linkrot", "refs.json", "--archive", "save");
        Assert.Equal(2, exit);
        Assert.Contains("--archive save needs Save Page Now keys: set SavePageNow:AccessKey and SavePageNow:SecretKey", stderr);
        Assert.Contains("CITEWEB_SAVEPAGENOW__ACCESSKEY", stderr);
        Assert.Empty(web.For("cli-nokeys"));
    }

    [Fact]
    public void Save_records_the_capture_of_a_dead_link_without_a_copy_and_never_shows_the_keys()
    {
        using var cli = new CliRunner();
        cli.Write("citeweb.json", Config(keys: true));
        cli.Write("refs.json", Refs("dead", "/spn-ok/cli-dead"));
        var (exit, stdout, stderr) = cli.Run("linkrot", "refs.json", "--archive", "save", "--format", "json", "-o", "report.json");
        Assert.True(exit == 1, stderr);
        var report = File.ReadAllText(Path.Combine(cli.Directory, "report.json"));
        var link = JsonNode.Parse(report)!["links"]![0]!;
        Assert.Equal("not-found", (string?)link["status"]);
        Assert.Equal(("savepagenow", $"{web.Origin}/web/{ArchivingServer.Stamp}/{web.Origin}/spn-ok/cli-dead"),
            ((string?)link["archive"]!["source"], (string?)link["archive"]!["url"]));
        Assert.Contains("Save Page Now captured it", (string?)link["detail"]);
        Assert.Equal($"LOW {ArchivingServer.AccessKey}:{ArchivingServer.SecretKey}", Assert.Single(web.For("cli-dead"), r => r.Path == "/save").Authorization);

        var (_, text, textErr) = cli.Run("linkrot", "refs.json", "--archive", "save", "--format", "html");
        foreach (var shown in new[] { stdout, stderr, report, text, textErr })
        {
            Assert.DoesNotContain(ArchivingServer.SecretKey, shown);
            Assert.DoesNotContain(ArchivingServer.AccessKey, shown);
        }
    }

    [Fact]
    public void Local_stores_the_live_page_as_a_warc_file_under_the_workspace_and_enrich_writes_it_to_the_record()
    {
        using var cli = new CliRunner();
        cli.Write("citeweb.json", Config(keys: false));
        cli.Write("refs.json", Refs("live", "/page"));
        var (exit, stdout, stderr) = cli.Run("linkrot", "refs.json", "--archive", "local", "--format", "json");
        Assert.True(exit == 0, stderr);
        var archive = JsonNode.Parse(stdout)!["links"]![0]!["archive"]!;
        Assert.Equal("local", (string?)archive["source"]);
        var file = new Uri((string)archive["url"]!).LocalPath;
        Assert.Equal(Path.GetFullPath(Path.Combine(cli.Directory, "index", "archive")), Path.GetDirectoryName(file));
        Assert.True(File.Exists(file), file);

        var (enrichExit, records, enrichErr) = cli.Run("enrich", "refs.json", "--archive", "local");
        Assert.True(enrichExit == 0, enrichErr);
        var custom = JsonNode.Parse(records)![0]!["custom"]!["archive"]!;
        Assert.Equal("local", (string?)custom["source"]);
        Assert.StartsWith("file:", (string?)custom["url"]);
        Assert.Contains("1 of 1 link(s) have an archived copy, 1 made in this run", enrichErr);
        // Its own fetch (a capture of the same page in the same second replaces the file of the same name).
        Assert.True(File.Exists(new Uri((string)custom["url"]!).LocalPath));
    }
}
