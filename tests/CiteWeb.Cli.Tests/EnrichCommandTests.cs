using CiteWeb.Enrichment.Tests;

[assembly: AssemblyFixture(typeof(ScholarlyServer))]

namespace CiteWeb.Cli.Tests;

/// <summary><c>citeweb enrich</c> end to end, its endpoints pointed at the local Crossref and doi.org by
/// <c>citeweb.json</c> (the same keys as CITEWEB_ENDPOINTS__*).</summary>
public sealed class EnrichCommandTests(ScholarlyServer server)
{
    private const string List = """
        Works Cited

        Noble, Safiya Umoja. Algorithms of Oppression. New York University Press, 2018.

        O'Neil, Cathy. Weapons of Math Destruction. Crown, 2016.
        """;

    private void Configure(CliRunner cli) => cli.Write("citeweb.json", $$"""
        { "Endpoints": { "Crossref": "{{server.Origin}}", "DoiResolver": "{{server.Origin}}/resolver" } }
        """);

    [Fact]
    public void A_printed_list_gets_its_sure_doi_and_the_doubtful_one_is_reported()
    {
        using var cli = new CliRunner();
        Configure(cli);
        cli.Write("list.txt", List);
        var (exit, _, stderr) = cli.Run("enrich", "list.txt", "--format", "csl-json", "-o", "out.json");
        Assert.Equal(0, exit);
        var json = File.ReadAllText(Path.Combine(cli.Directory, "out.json"));
        Assert.Contains("\"DOI\": \"10.5555/exact.1\"", json);
        Assert.DoesNotContain("near.", json);
        Assert.Matches(@"list\.txt:5:1: info CW600: '[^']+': DOI 10\.5555/exact\.1 attached", stderr);
        Assert.Matches(@"list\.txt:3:1: info CW601: .*10\.5555/near\.author", stderr);
    }

    [Fact]
    public void Offline_writes_the_records_as_read_and_says_so()
    {
        using var cli = new CliRunner();
        Configure(cli);
        cli.Write("list.txt", List);
        var (exit, stdout, stderr) = cli.Run("enrich", "list.txt", "--offline", "--format", "bibtex");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("doi", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("enrich: offline, so no DOI was looked up.", stderr);
    }

    [Fact]
    public void The_input_file_is_never_the_output()
    {
        using var cli = new CliRunner();
        cli.Write("list.txt", List);
        var (exit, _, stderr) = cli.Run("enrich", "list.txt", "--offline", "-o", "./list.txt");
        Assert.Equal(2, exit);
        Assert.Contains("never overwrites its input", stderr);
        Assert.Equal(List, File.ReadAllText(Path.Combine(cli.Directory, "list.txt")));
    }
}
