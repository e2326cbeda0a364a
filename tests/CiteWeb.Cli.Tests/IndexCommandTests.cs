using System.Text.Json;

namespace CiteWeb.Cli.Tests;

/// <summary>citeweb index, search, cocite and works end to end, through their JSON contracts.</summary>
public sealed class IndexCommandTests
{
    // Three bibliographies, hand-counted: Discriminating Systems is cited by "essay" and "course" (spelled
    // differently); Data Feminism by all three; Design Justice by "essay" only.
    private static void WriteCorpus(CliRunner cli)
    {
        cli.Write("lists/essay.txt", """
            Works Cited

            Costanza-Chock, Sasha. Design Justice: Community-Led Practices to Build the Worlds We Need. MIT Press, 2020.
            D'Ignazio, Catherine, and Lauren F. Klein. Data Feminism. MIT Press, 2020.
            West, Sarah Myers, Meredith Whittaker, and Kate Crawford. Discriminating Systems: Gender, Race and Power in AI. AI Now Institute, 2019.
            """);
        cli.Write("lists/course.bib", """
            @techreport{west2019,
              author = {WEST, SARAH MYERS and WHITTAKER, MEREDITH and CRAWFORD, KATE},
              title = {DISCRIMINATING SYSTEMS},
              institution = {AI Now Institute},
              year = {2019}
            }
            @book{dignazio2020,
              author = {D'Ignazio, Catherine and Klein, Lauren F.},
              title = {Data Feminism},
              publisher = {MIT Press},
              year = {2020}
            }
            """);
        cli.Write("lists/other.bib", """
            @book{df,
              author = {D{\textquoteright}Ignazio, Catherine and Klein, Lauren},
              title = {Data feminism},
              year = {2020}
            }
            """);
    }

    [Fact]
    public void Index_then_cocite_gives_the_hand_counted_ranking_in_json()
    {
        using var cli = new CliRunner();
        WriteCorpus(cli);
        var (exit, output, error) = cli.Run("index", "lists");
        Assert.True(exit == 0, error);
        Assert.StartsWith("indexed 3 bibliographies", output);

        (exit, output, error) = cli.Run("cocite", "--title", "discriminating systems", "--format", "json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetProperty("citingBibliographies").GetInt32());
        var rows = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        // Data Feminism: 2 of the 2 bibliographies citing the target; c_j = 3, N = 3: 2*3/(2*3) = 1.
        // Design Justice: 1; c_j = 1: 1*3/(2*1) = 1.5.
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("dignazio2020data-", rows[0].GetProperty("id").GetString());
        Assert.Equal(2, rows[0].GetProperty("count").GetInt32());
        Assert.Equal(1.0, rows[0].GetProperty("strength").GetDouble());
        Assert.Equal(1, rows[1].GetProperty("count").GetInt32());
        Assert.Equal(1.5, rows[1].GetProperty("strength").GetDouble());
    }

    [Fact]
    public void Search_json_has_the_contract_fields_and_lists_the_citing_bibliographies()
    {
        using var cli = new CliRunner();
        WriteCorpus(cli);
        Assert.Equal(0, cli.Run("index", "lists").Exit);
        var (exit, output, error) = cli.Run("search", "dignazio", "--format", "json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var hit = Assert.Single(doc.RootElement.GetProperty("hits").EnumerateArray());
        foreach (var field in new[] { "work", "key", "title", "authors", "year", "score", "citedBy" }) Assert.True(hit.TryGetProperty(field, out _), field);
        Assert.Equal(["course", "essay", "other"], hit.GetProperty("citedBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2020, hit.GetProperty("year").GetInt32());
    }

    [Fact]
    public void A_second_run_skips_unchanged_files_and_a_changed_file_is_replaced()
    {
        using var cli = new CliRunner();
        WriteCorpus(cli);
        Assert.Equal(0, cli.Run("index", "lists").Exit);
        var (_, output, _) = cli.Run("index", "lists");
        Assert.StartsWith("indexed 0 bibliographies (0 references), 3 unchanged; works unchanged", output);
        cli.Write("lists/other.bib", "@book{x, author = {Benjamin, Ruha}, title = {Race After Technology}, year = {2019}}\n");
        (_, output, _) = cli.Run("index", "lists");
        Assert.StartsWith("indexed 1 bibliographies (1 references), 2 unchanged", output);
        (_, output, _) = cli.Run("search", "dignazio", "--format", "json");
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["course", "essay"], doc.RootElement.GetProperty("hits")[0].GetProperty("citedBy").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Querying_without_an_index_or_with_a_bad_query_is_a_usage_error()
    {
        using var cli = new CliRunner();
        var (exit, _, error) = cli.Run("search", "x");
        Assert.Equal(2, exit);
        Assert.Contains("no index here", error);
        WriteCorpus(cli);
        cli.Run("index", "lists");
        (exit, _, error) = cli.Run("search", "title:(unclosed");
        Assert.Equal(2, exit);
        Assert.Contains("cannot parse the query", error);
    }

    /// <summary>Found by the kill loop: a run killed during the index's first commit left an empty <c>segments_1</c>,
    /// and search then failed with a stack trace and every later index run with "read past EOF".</summary>
    [Fact]
    public void An_index_whose_first_commit_was_torn_by_a_kill_is_no_index_and_is_built_again()
    {
        using var cli = new CliRunner();
        WriteCorpus(cli);
        cli.Write("index/lucene/segments_1", "");
        var (exit, _, error) = cli.Run("search", "dignazio");
        Assert.Equal(2, exit);
        Assert.Contains("no index here", error);
        (exit, var output, error) = cli.Run("index", "lists");
        Assert.True(exit == 0, error);
        Assert.StartsWith("indexed 3 bibliographies", output);
        Assert.Equal(0, cli.Run("search", "dignazio").Exit);
    }
}
