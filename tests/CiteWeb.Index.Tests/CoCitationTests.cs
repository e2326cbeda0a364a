using CiteWeb.Core.Network;
using static CiteWeb.Index.Tests.Corpus;

namespace CiteWeb.Index.Tests;

/// <summary>
/// Co-citation counted through the index on a corpus small enough to count by hand:
/// B1 cites A, B, C; B2 cites A, B; B3 cites A, C, D; B4 cites B, D. Work A is spelled three ways.
/// Around A (cited by B1, B2, B3; c_A = 3, N = 4): B is co-cited by B1, B2 (2; c_B = 3); C by B1, B3 (2; c_C = 2);
/// D by B3 (1; c_D = 2). Association strength c_ij N / (c_i c_j): B 2*4/9 = 0.888889, C 8/6 = 1.333333,
/// D 4/6 = 0.666667. Cosine c_ij / sqrt(c_i c_j): B 2/3 = 0.666667, C 2/sqrt(6) = 0.816497, D 1/sqrt(6) = 0.408248.
/// </summary>
public sealed class CoCitationTests : IDisposable
{
    private readonly TempIndex _temp = new();
    private readonly CitationIndex _index;

    public CoCitationTests()
    {
        _index = _temp.Open();
        _index.AddBatch([
            Bib("B1", Ref("a1", "West", "Sarah Myers", 2019, "Discriminating Systems: Gender, Race and Power in AI", "report"),
                Ref("b1", "Noble", "Safiya Umoja", 2018, "Algorithms of Oppression"), Ref("c1", "Benjamin", "Ruha", 2019, "Race After Technology")),
            Bib("B2", Ref("a2", "WEST", "SARAH MYERS", 2019, "DISCRIMINATING SYSTEMS", "report"), Ref("b2", "Noble", "S. U.", 2018, "Algorithms of oppression: How search engines reinforce racism")),
        ]);
        _index.AddBatch([
            Bib("B3", Ref("a3", "West", "Sarah Myers", 2020, "Discriminating Systems. Gender, Race, and Power in AI", "report"),
                Ref("c3", "Benjamin", "Ruha", 2019, "Race after technology: Abolitionist tools for the new Jim Code"), Ref("d3", "Eubanks", "Virginia", 2018, "Automating Inequality")),
            Bib("B4", Ref("b4", "Noble", "Safiya", 2018, "Algorithms of Oppression"), Ref("d4", "Eubanks", "Virginia", 2017, "Automating inequality")),
        ]);
        _index.RebuildWorks();
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    private CoCitationResult CoCite(string key, StrengthMeasure measure = StrengthMeasure.Association, int min = 1) =>
        _index.CoCite(_index.FindWork(key)!, new CoCitationOptions { Measure = measure, Min = min, Top = 20 });

    [Fact]
    public void Counts_and_association_strengths_are_the_hand_computed_ones()
    {
        var result = CoCite("a2");
        Assert.Equal(3, result.CitingBibliographies);
        Assert.Equal(["benjamin", "noble", "eubanks"], result.Results.Select(r => r.Id.Split('2')[0]));
        Assert.Equal([2, 2, 1], result.Results.Select(r => r.Count));
        Assert.Equal([1.333333, 0.888889, 0.666667], result.Results.Select(r => Math.Round(r.Strength, 6)));
    }

    [Fact]
    public void Cosine_strengths_are_the_hand_computed_ones()
    {
        var result = CoCite("a1", StrengthMeasure.Cosine);
        Assert.Equal([0.816497, 0.666667, 0.408248], result.Results.Select(r => Math.Round(r.Strength, 6)));
    }

    [Fact]
    public void Min_drops_works_co_cited_fewer_times()
    {
        var result = CoCite("a3", min: 2);
        Assert.Equal([2, 2], result.Results.Select(r => r.Count));
    }

    [Fact]
    public void The_index_agrees_with_the_in_memory_engine()
    {
        var corpus = _index.ToCorpus();
        var target = _index.FindWork("d4")!;
        var fromIndex = _index.CoCite(target, CoCitationOptions.Default);
        var inMemory = CoCitation.Works(corpus, target.Id, CoCitationOptions.Default);
        Assert.Equal(inMemory.Results, fromIndex.Results);
        Assert.Equal(inMemory.CitingBibliographies, fromIndex.CitingBibliographies);
    }

    [Fact]
    public void Variants_in_three_spellings_and_two_years_are_one_work()
    {
        var work = _index.FindWork("a3")!;
        Assert.Equal(["B1", "B2", "B3"], work.CitedBy);
        Assert.Equal(3, work.Variants.Count);
        Assert.True(work.YearsDiffer);
        Assert.Equal(work.Id, _index.FindWork("a1")!.Id);
    }
}
