using CiteWeb.Core.Model;
using static CiteWeb.Index.Tests.Corpus;

namespace CiteWeb.Index.Tests;

public sealed class SearchTests : IDisposable
{
    private readonly TempIndex _temp = new();
    private readonly CitationIndex _index;

    public SearchTests()
    {
        _index = _temp.Open();
        var inhuman = Ref("dyer", "Dyer-Witheford", "Nick", 2019, "Inhuman Power. Artificial Intelligence and the Future of Capitalism");
        inhuman.SetNames("author", [new PersonName { Family = "Dyer-Witheford", Given = "Nick" }, new PersonName { Family = "Kjøsen", Given = "Atle Mikkola" }]);
        _index.AddBatch([
            Bib("essay", inhuman, Ref("dignazio", "D’Ignazio", "Catherine", 2020, "Data Feminism"),
                Ref("chock", "Costanza-Chock", "Sasha", 2020, "Design Justice"), Ref("atlas", "Crawford", "Kate", 2021, "Atlas of AI")),
            Bib("list", Ref("atlas2", "Crawford", "K.", 2021, "Atlas of AI: Power, Politics and the Planetary Costs of Artificial Intelligence"),
                Ref("old", "Crawford", "Kate", 2013, "The Hidden Biases in Big Data")),
        ]);
        _index.RebuildWorks();
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData("kjosen", "dyer")]
    [InlineData("Kjøsen", "dyer")]
    [InlineData("dignazio", "dignazio")]
    [InlineData("D'Ignazio", "dignazio")]
    [InlineData("ignazio", "dignazio")]
    [InlineData("costanza chock", "chock")]
    [InlineData("costanzachock", "chock")]
    [InlineData("author:crawfrd~ AND year:2021", "atlas")]
    [InlineData("title:\"planetary costs\"", "atlas")]
    public void Folded_and_fuzzy_queries_find_the_work(string query, string key)
    {
        var hits = _index.Search(query, 10);
        Assert.Single(hits);
        Assert.Equal(_index.FindWork(key)!.Id, hits[0].Work);
    }

    [Fact]
    public void Year_ranges_are_numeric()
    {
        Assert.Equal(2, _index.Search("author:crawford AND year:[2010 TO 2021]", 10).Count);
        Assert.Single(_index.Search("author:crawford AND year:[2014 TO 2030]", 10));
        Assert.Empty(_index.Search("year:[1990 TO 2000]", 10));
    }

    [Fact]
    public void A_hit_lists_every_bibliography_citing_it_and_a_highlighted_snippet()
    {
        var hit = Assert.Single(_index.Search("atlas", 10));
        Assert.Equal(["essay", "list"], hit.CitedBy);
        Assert.Contains("[Atlas]", hit.Snippet);
    }

    [Fact]
    public void A_malformed_query_is_a_syntax_error_not_a_crash() =>
        Assert.Throws<QuerySyntaxException>(() => _index.Search("title:(unclosed", 10));
}
