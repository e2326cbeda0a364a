using System.Text.Json.Nodes;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Enrichment.Tests;

namespace CiteWeb.Cli.Tests;

/// <summary><c>citeweb enrich -o OUT</c> writes each record's link and archived copy back, in the fields of its format,
/// and CiteWeb's readers keep them: reading the output and writing it again changes nothing.</summary>
public sealed class EnrichWriteBackTests(ArchiveWeb archive, ScholarlyServer scholarly) : IClassFixture<ArchiveWeb>
{
    private string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    private CliRunner Setup()
    {
        var cli = new CliRunner();
        cli.Write("citeweb.json", $$"""
            {
              "Network": { "AllowedNetworks": [ "127.0.0.1/32" ], "MaxRetries": 0, "MinIntervalPerHost": "00:00:00" },
              "Endpoints": { "Wayback": "{{archive.Origin}}", "WaybackCdx": "{{archive.Origin}}", "Memento": "{{archive.Origin}}",
                             "Crossref": "{{scholarly.Origin}}", "DoiResolver": "{{scholarly.Origin}}/resolver" }
            }
            """);
        cli.Write("refs.json", $$"""
            [
              { "id": "dead2015", "type": "webpage", "title": "A page that died", "URL": "{{archive.Origin}}/write-back-dead",
                "issued": { "date-parts": [[2015]] }, "accessed": { "date-parts": [[2019, 3, 2]] } },
              { "id": "alive2015", "type": "webpage", "title": "A page that lives", "URL": "{{archive.Origin}}/alive",
                "issued": { "date-parts": [[2015]] } },
              { "id": "book2016", "type": "book", "title": "A book without a link", "issued": { "date-parts": [[2016]] } }
            ]
            """);
        return cli;
    }

    private string Snapshot => $"{archive.Origin}/web/20190301000000/{archive.Origin}/write-back-dead";

    [Fact]
    public void Csl_json_gets_custom_link_and_custom_archive_and_reads_back_unchanged()
    {
        using var cli = Setup();
        var input = File.ReadAllBytes(Path.Combine(cli.Directory, "refs.json"));
        var (exit, stdout, stderr) = cli.Run("enrich", "refs.json", "--format", "csl-json", "-o", "out.json");
        Assert.True(exit == 1, stderr); // a dead link is a problem found
        Assert.Equal("", stdout);
        Assert.Equal(input, File.ReadAllBytes(Path.Combine(cli.Directory, "refs.json")));

        var text = File.ReadAllText(Path.Combine(cli.Directory, "out.json"));
        var items = JsonNode.Parse(text)!.AsArray();
        var dead = items.Single(i => (string?)i!["id"] == "dead2015")!;
        var link = dead["custom"]!["link"]!;
        Assert.Equal(("not-found", 404), ((string?)link["status"], (int?)link["httpStatus"]));
        Assert.Equal(archive.Origin + "/write-back-dead", (string?)link["url"]);
        Assert.NotNull((string?)link["checkedAt"]);
        Assert.Contains("404", (string?)link["detail"]);
        Assert.Equal(Snapshot, (string?)dead["custom"]!["archive"]!["url"]);
        Assert.Equal("wayback", (string?)dead["custom"]!["archive"]!["source"]);
        Assert.StartsWith("2019-03-01T00:00:00", (string?)dead["custom"]!["archive"]!["timestamp"]);
        Assert.Equal("[[2019,3,2]]", dead["accessed"]!["date-parts"]!.ToJsonString());

        var alive = items.Single(i => (string?)i!["id"] == "alive2015")!;
        Assert.Equal("ok", (string?)alive["custom"]!["link"]!["status"]);
        Assert.Null(alive["custom"]!["archive"]);
        Assert.Equal(Today, string.Join('-', alive["accessed"]!["date-parts"]![0]!.AsArray().Select(p => ((int)p!).ToString("00"))));
        Assert.Null(items.Single(i => (string?)i!["id"] == "book2016")!["custom"]?["link"]);

        var read = CslJsonReader.Read(text, "out.json");
        Assert.True(JsonNode.DeepEquals(link, JsonNode.Parse(read.References.Single(r => r.Id == "dead2015").Custom["link"]!)));
        Assert.Equal(text, CslJsonWriter.Write(read.References));
    }

    [Theory]
    [InlineData("biblatex", "@online{dead2015")]
    [InlineData("bibtex", "@misc{dead2015")]
    public void Bibtex_and_biblatex_get_robust_link_fields_and_read_back_unchanged(string format, string entry)
    {
        using var cli = Setup();
        var (exit, _, stderr) = cli.Run("enrich", "refs.json", "--format", format, "-o", "out.bib");
        Assert.True(exit == 1, stderr);
        var text = File.ReadAllText(Path.Combine(cli.Directory, "out.bib"));
        var dead = text[text.IndexOf(entry, StringComparison.Ordinal)..];
        dead = dead[..(dead.IndexOf("\n}", StringComparison.Ordinal) + 2)];
        void Field(string name, string value) => Assert.Matches($@"\n  {name}\s+= \{{{System.Text.RegularExpressions.Regex.Escape(value)}\}}", dead);
        Field("urldate", "2019-03-02");
        Field("versionurl", Snapshot);
        Field("versiondate", "2019-03-01T00:00:00+00:00");
        Field("versionsource", "wayback");
        Field("linkstatus", "not-found");
        Assert.Matches(@"linkchecked\s+= \{\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00\}", dead);
        Assert.Matches($@"urldate\s+= \{{{Today}\}}[\s\S]*linkstatus\s+= \{{ok\}}", text[text.IndexOf("{alive2015", StringComparison.Ordinal)..]);

        var read = BibTexReader.Parse(text, "out.bib");
        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == CiteWeb.Core.Diagnostics.Severity.Error);
        var back = read.References.Single(r => r.Id == "dead2015");
        Assert.Equal((Snapshot, "not-found", "wayback"), (back.Custom["versionurl"], back.Custom["linkstatus"], back.Custom["versionsource"]));
        Assert.Equal(PartialDate.FromYear(2019, 3, 2), back.Dates[Csl.Accessed]);
        Assert.Equal(text, Exporter.Write(format, read.References));
    }

    [Fact]
    public void Enriching_an_enriched_file_keeps_one_account_of_each_link()
    {
        using var cli = Setup();
        cli.Run("enrich", "refs.json", "--format", "biblatex", "-o", "once.bib");
        var (_, _, stderr) = cli.Run("enrich", "once.bib", "--format", "biblatex", "-o", "twice.bib");
        Assert.Contains("cache:", stderr);
        var twice = File.ReadAllText(Path.Combine(cli.Directory, "twice.bib"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(twice, @"versionurl\s+="));
        Assert.Equal(File.ReadAllText(Path.Combine(cli.Directory, "once.bib")), twice);
    }

    [Fact]
    public void Writing_onto_the_input_is_refused_and_the_input_untouched()
    {
        using var cli = Setup();
        var before = File.ReadAllText(Path.Combine(cli.Directory, "refs.json"));
        var (exit, _, stderr) = cli.Run("enrich", "refs.json", "--format", "csl-json", "-o", Path.Combine(cli.Directory, "refs.json"));
        Assert.Equal(2, exit);
        Assert.Contains("is an input file; CiteWeb never overwrites its input", stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(cli.Directory, "refs.json")));
    }
}
