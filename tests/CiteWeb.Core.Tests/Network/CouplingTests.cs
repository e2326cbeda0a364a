using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

/// <summary>Bibliographic coupling against the hand count of <see cref="SmallCorpus"/>.</summary>
public sealed class CouplingTests
{
    private readonly CitationCorpus _corpus = SmallCorpus.Build();

    // Shared works: b1-b2 {A,B} 2, b1-b3 {A,C} 2, b1-b4 {B,C} 2, b1-b6 {A,B} 2, b2-b3 {A,D} 2, b2-b6 {A,B} 2,
    // b4-b6 {B,E} 2, b2-b4 {B} 1, b3-b4 {C} 1, b3-b6 {A} 1; b5 and b7 share nothing.
    // Every coupled bibliography cites 3 works; 9 distinct works are cited, so
    // association = c * 9 / (3 * 3) = c: 2 for the pairs sharing 2, 1 for those sharing 1; cosine = c / 3.

    [Fact]
    public void Pairs_ranked_by_shared_works_then_labels()
    {
        var result = CoCitation.Coupling(_corpus, new CoCitationOptions { Top = null });
        Assert.Equal(7, result.Bibliographies);
        Assert.Equal(
            [("b1", "b2", 2, 2.0), ("b1", "b3", 2, 2.0), ("b1", "b4", 2, 2.0), ("b1", "b6", 2, 2.0), ("b2", "b3", 2, 2.0),
             ("b2", "b6", 2, 2.0), ("b4", "b6", 2, 2.0), ("b2", "b4", 1, 1.0), ("b3", "b4", 1, 1.0), ("b3", "b6", 1, 1.0)],
            result.Pairs.Select(p => (p.SourceId, p.TargetId, p.Count, Math.Round(p.Strength, 4))).ToArray());
    }

    [Fact]
    public void Min_top_and_cosine_apply_to_pairs()
    {
        var result = CoCitation.Coupling(_corpus, new CoCitationOptions { Min = 2, Top = 3, Measure = StrengthMeasure.Cosine });
        Assert.Equal([("b1", "b2", 0.6667), ("b1", "b3", 0.6667), ("b1", "b4", 0.6667)],
            result.Pairs.Select(p => (p.SourceId, p.TargetId, Math.Round(p.Strength, 4))).ToArray());
    }

    [Fact]
    public void Bibliographies_coupled_with_one()
    {
        var result = CoCitation.CoupledWith(_corpus, "b4");
        // b4 cites B C E (3). b1 {B,C} 2, b6 {B,E} 2, b2 {B} 1, b3 {C} 1; association 2*9/(3*3) = 2 and 1.
        Assert.Equal(3, result.CitingBibliographies);
        Assert.Equal([("b1", 2, 2.0), ("b6", 2, 2.0), ("b2", 1, 1.0), ("b3", 1, 1.0)], SmallCorpus.Rows(result.Results));
        Assert.Empty(CoCitation.CoupledWith(_corpus, "b5").Results); // F is cited nowhere else
        Assert.Equal(TargetStatus.Unknown, CoCitation.CoupledWith(_corpus, "b99").Status);
    }
}
