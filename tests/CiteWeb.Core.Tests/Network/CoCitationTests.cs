using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

/// <summary>Co-citation of works against the hand count of <see cref="SmallCorpus"/>.</summary>
public sealed class CoCitationTests
{
    private readonly CitationCorpus _corpus = SmallCorpus.Build();

    [Fact]
    public void Works_co_cited_with_A_by_association_strength()
    {
        var result = CoCitation.Works(_corpus, "A", new CoCitationOptions { Top = null });
        // A is cited by b1 b2 b3 b6, so c_A = 4; N = 7.
        // B: b1 b2 b6 -> 3, s = 3*7/(4*4) = 21/16 = 1.3125
        // D: b2 b3    -> 2, s = 2*7/(4*2) = 14/8  = 1.75    (ties C on count, wins on strength)
        // C: b1 b3    -> 2, s = 2*7/(4*3) = 14/12 = 1.1667
        // E: b6       -> 1, s = 1*7/(4*2) = 7/8   = 0.875
        Assert.Equal(TargetStatus.Found, result.Status);
        Assert.Equal("Crawford & Joler 2018", result.TargetLabel);
        Assert.Equal(4, result.CitingBibliographies);
        Assert.Equal([("B", 3, 1.3125), ("D", 2, 1.75), ("C", 2, 1.1667), ("E", 1, 0.875)], SmallCorpus.Rows(result.Results));
    }

    [Fact]
    public void Works_co_cited_with_A_by_cosine()
    {
        var result = CoCitation.Works(_corpus, "A", new CoCitationOptions { Measure = StrengthMeasure.Cosine });
        // B: 3/sqrt(4*4) = 0.75; D: 2/sqrt(4*2) = 0.7071; C: 2/sqrt(4*3) = 0.5774; E: 1/sqrt(4*2) = 0.3536
        Assert.Equal([("B", 3, 0.75), ("D", 2, 0.7071), ("C", 2, 0.5774), ("E", 1, 0.3536)], SmallCorpus.Rows(result.Results));
    }

    [Fact]
    public void Full_ties_are_ordered_by_label()
    {
        var result = CoCitation.Works(_corpus, "G");
        // G is cited by b7 only (c_G = 1); H and I are each cited once, by b7: count 1, s = 1*7/(1*1) = 7 for both.
        // Labels decide: "Crawford 2021" (I) before "Zuboff 2019" (H).
        Assert.Equal([("I", 1, 7.0), ("H", 1, 7.0)], SmallCorpus.Rows(result.Results));
    }

    [Fact]
    public void Min_drops_rows_below_the_count_and_top_cuts_the_list()
    {
        var min = CoCitation.Works(_corpus, "A", new CoCitationOptions { Min = 2 });
        Assert.Equal(["B", "D", "C"], min.Results.Select(r => r.Id)); // E has count 1
        var top = CoCitation.Works(_corpus, "A", new CoCitationOptions { Top = 2 });
        Assert.Equal(["B", "D"], top.Results.Select(r => r.Id));
        Assert.Equal(4, top.CitingBibliographies); // the cut does not change the target's own count
        var none = CoCitation.Works(_corpus, "A", new CoCitationOptions { Min = 4 });
        Assert.Empty(none.Results);
    }

    [Fact]
    public void A_work_nobody_co_cites_is_found_with_no_rows()
    {
        var result = CoCitation.Works(_corpus, "F"); // b5 cites F alone
        Assert.Equal(TargetStatus.Found, result.Status);
        Assert.Equal(1, result.CitingBibliographies);
        Assert.Empty(result.Results);
    }

    [Fact]
    public void An_unknown_work_is_reported_not_thrown()
    {
        var result = CoCitation.Works(_corpus, "no-such-work");
        Assert.Equal(TargetStatus.Unknown, result.Status);
        Assert.Equal("no-such-work", result.Target);
        Assert.Null(result.TargetLabel);
        Assert.Equal(0, result.CitingBibliographies);
        Assert.Empty(result.Results);
    }

    [Theory]
    [InlineData(3, 4, 4, 7, 1.3125)]   // 3*7/(4*4)
    [InlineData(2, 4, 2, 7, 1.75)]     // 2*7/(4*2)
    [InlineData(1, 1, 1, 1, 1.0)]      // both always together in a corpus of one
    [InlineData(5, 0, 3, 7, 0.0)]      // a side that never occurs has no strength
    public void Association_strength_is_observed_over_expected(int cij, int ci, int cj, int n, double expected) =>
        Assert.Equal(expected, CoCitation.AssociationStrength(cij, ci, cj, n), 10);

    [Theory]
    [InlineData(3, 4, 4, 0.75)]        // 3/sqrt(16)
    [InlineData(2, 2, 8, 0.5)]         // 2/sqrt(16)
    [InlineData(1, 0, 8, 0.0)]
    public void Cosine_is_count_over_geometric_mean(int cij, int ci, int cj, double expected) =>
        Assert.Equal(expected, CoCitation.Cosine(cij, ci, cj), 10);

    [Fact]
    public void Duplicate_ids_are_rejected_and_unknown_cited_ids_become_works()
    {
        Assert.Throws<ArgumentException>(() => new CitationCorpus([new CitingDocument("b", "x", []), new CitingDocument("b", "y", [])], []));
        Assert.Throws<ArgumentException>(() => new CitationCorpus([], [new WorkNode("w", "x", null, []), new WorkNode("w", "y", null, [])]));
        var corpus = new CitationCorpus([new CitingDocument("b", "x", ["w1", "w2"])], []);
        Assert.Equal("w2", corpus.FindWork("w2")!.Label);
        Assert.Equal(1, CoCitation.Works(corpus, "w1").Results.Single().Count);
    }
}
