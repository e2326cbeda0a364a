using CiteWeb.Core.Network;
using static CiteWeb.Index.Tests.Corpus;

namespace CiteWeb.Index.Tests;

/// <summary>
/// The index ranks only the rows it can show (the best <c>--top</c> by count and strength, and every row tied with
/// the last of them, whose order is then decided by label and id). On a corpus full of ties, every cut must give
/// the rows the in-memory engine gives, which sorts everything; and so must the count from the postings of the
/// target's citing bibliographies alone, which the index uses for rarely cited works before it has built its table.
/// </summary>
public sealed class CoCitationRankingTests : IDisposable
{
    private readonly TempIndex _temp = new();
    private readonly CitationIndex _index;

    public CoCitationRankingTests()
    {
        _index = _temp.Open();
        // 40 bibliographies citing 3 to 6 of 12 works: few distinct counts, so many cuts fall inside a tie; works 3
        // and 7 are always cited together, so around any other work they tie on count and strength.
        var random = new Random(11);
        var bibliographies = new List<BibliographyInput>();
        for (int b = 0; b < 40; b++)
        {
            var cited = Enumerable.Range(0, 12).OrderBy(_ => random.Next()).Take(random.Next(3, 7)).ToHashSet();
            if (cited.Contains(3) || cited.Contains(7)) cited.UnionWith([3, 7]);
            bibliographies.Add(Bib($"B{b:D2}", [.. cited.Order().Select(w => Ref($"w{w}-{b}", Family(w), "Ann", 2000 + w, $"Work number {w} on tied counts"))]));
        }
        _index.AddBatch(bibliographies);
        _index.RebuildWorks();
    }

    // Works 3 and 7 share an author, so their labels tie up to the title.
    private static string Family(int w) => w is 3 or 7 ? "Same" : "Author" + (char)('A' + w);

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    public static TheoryData<int?, int, StrengthMeasure, bool> Cuts()
    {
        var data = new TheoryData<int?, int, StrengthMeasure, bool>();
        foreach (bool table in new[] { true, false })
        {
            data.Add(1, 1, StrengthMeasure.Association, table);
            data.Add(2, 1, StrengthMeasure.Association, table);
            data.Add(3, 1, StrengthMeasure.Cosine, table);
            data.Add(5, 1, StrengthMeasure.Association, table);
            data.Add(5, 8, StrengthMeasure.Cosine, table);
            data.Add(11, 1, StrengthMeasure.Association, table);
            data.Add(20, 1, StrengthMeasure.Cosine, table);
            data.Add(null, 1, StrengthMeasure.Association, table);
            data.Add(null, 10, StrengthMeasure.Association, table);
            data.Add(0, 1, StrengthMeasure.Association, table);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public void Every_cut_of_every_work_equals_the_in_memory_ranking(int? top, int min, StrengthMeasure measure, bool table)
    {
        _index.DirectCountLimit = table ? 0 : int.MaxValue;
        var corpus = _index.ToCorpus();
        var options = new CoCitationOptions { Top = top, Min = min, Measure = measure };
        var works = _index.Works().ToList();
        Assert.Equal(12, works.Count);
        foreach (var work in works)
        {
            var fromIndex = _index.CoCite(work, options);
            var inMemory = CoCitation.Works(corpus, work.Id, options);
            Assert.Equal(inMemory.Results, fromIndex.Results);
            Assert.Equal(inMemory.CitingBibliographies, fromIndex.CitingBibliographies);
        }
    }

    [Fact]
    public void A_cut_inside_a_tie_shows_the_tied_rows_in_label_order()
    {
        _index.DirectCountLimit = 0;
        var target = _index.Works().Single(w => w.Title == "Work number 0 on tied counts");
        var all = _index.CoCite(target, new CoCitationOptions { Top = null });
        int same = all.Results.ToList().FindIndex(r => r.Label.StartsWith("Same 2003", StringComparison.Ordinal));
        Assert.True(same >= 0, "work 0 is co-cited with works 3 and 7");
        Assert.Equal("Same 2007", all.Results[same + 1].Label[..9]);
        Assert.Equal((all.Results[same].Count, all.Results[same].Strength), (all.Results[same + 1].Count, all.Results[same + 1].Strength));
        // Cut between the tied pair: the row shown is the one whose label sorts first.
        var shown = _index.CoCite(target, new CoCitationOptions { Top = same + 1 });
        Assert.Equal(all.Results.Take(same + 1), shown.Results);
        Assert.StartsWith("Same 2003", shown.Results[^1].Label, StringComparison.Ordinal);
    }
}
