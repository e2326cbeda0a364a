using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

/// <summary>Author co-citation against the hand count of <see cref="SmallCorpus"/>.</summary>
public sealed class AuthorCoCitationTests
{
    private readonly CitationCorpus _corpus = SmallCorpus.Build();

    // Authors per bibliography, all authors counted ("Crawford, Kate" and "CRAWFORD, K." are one author, key crawford,k;
    // "Kjøsen, Atle Mikkola" and "Kjosen, A." are one, key kjosen,a):
    //   b1 {A,B,C}: Crawford Joler Noble,S        b5 {F}: Kjosen
    //   b2 {A,B,D}: Crawford Joler Noble,S Benjamin b6 {A,B,E}: Crawford Joler Noble,S Kjosen
    //   b3 {A,C,D}: Crawford Joler Benjamin       b7 {G,H,I}: Tsing Zuboff Noble,D Crawford
    //   b4 {B,C,E}: Noble,S Crawford Kjosen
    // Crawford: b1 b2 b3 b4 b6 b7 -> 6. Joler 4 (b1 b2 b3 b6), Noble,S 4 (b1 b2 b4 b6), Benjamin 2 (b2 b3),
    // Kjosen 3 (b4 b5 b6), Tsing 1, Zuboff 1, Noble,D 1 (all b7).

    [Fact]
    public void Authors_co_cited_with_Crawford()
    {
        var result = CoCitation.Authors(_corpus, "crawford", new CoCitationOptions { Top = null });
        // Joler    b1 b2 b3 b6 -> 4, s = 4*7/(6*4) = 1.1667
        // Noble,S  b1 b2 b4 b6 -> 4, s = 4*7/(6*4) = 1.1667   (full tie with Joler: "Joler, Vladan" < "Noble, Safiya Umoja")
        // Benjamin b2 b3       -> 2, s = 2*7/(6*2) = 1.1667
        // Kjosen   b4 b6       -> 2, s = 2*7/(6*3) = 0.7778
        // Noble,D, Tsing, Zuboff: b7 -> 1, s = 1*7/(6*1) = 1.1667 each, ordered by label
        Assert.Equal(TargetStatus.Found, result.Status);
        Assert.Equal("Crawford, Kate", result.TargetLabel); // printed twice (A, I) against "CRAWFORD, K." once
        Assert.Equal(6, result.CitingBibliographies);
        Assert.Equal(
            [("Joler, Vladan", 4, 1.1667), ("Noble, Safiya Umoja", 4, 1.1667), ("Benjamin, Ruha", 2, 1.1667),
             ("Kjøsen, Atle Mikkola", 2, 0.7778), ("Noble, David", 1, 1.1667), ("Tsing, Anna", 1, 1.1667), ("Zuboff, Shoshana", 1, 1.1667)],
            result.Results.Select(r => (r.Label, r.Count, Math.Round(r.Strength, 4))).ToArray());
        Assert.Equal("joler,v", result.Results[0].Id);
    }

    [Theory]
    [InlineData("Crawford")]
    [InlineData("CRAWFORD, Kate")]
    [InlineData("Kate Crawford")]
    [InlineData("crawford, k.")]
    public void Name_forms_find_the_same_author(string query) =>
        Assert.Equal(6, CoCitation.Authors(_corpus, query).CitingBibliographies);

    [Fact]
    public void Diacritics_do_not_matter()
    {
        var result = CoCitation.Authors(_corpus, "Kjosen");
        // Kjosen: b4 b5 b6 -> 3. Noble,S b4 b6 -> 2, s = 2*7/(3*4) = 1.1667; Crawford b4 b6 -> 2, s = 2*7/(3*6) = 0.7778;
        // Joler b6 -> 1, s = 1*7/(3*4) = 0.5833.
        Assert.Equal(3, result.CitingBibliographies);
        Assert.Equal([("noble,s", 2, 1.1667), ("crawford,k", 2, 0.7778), ("joler,v", 1, 0.5833)], SmallCorpus.Rows(result.Results));
    }

    [Fact]
    public void A_family_name_shared_by_two_authors_is_ambiguous()
    {
        var result = CoCitation.Authors(_corpus, "Noble");
        Assert.Equal(TargetStatus.Ambiguous, result.Status);
        Assert.Equal(["Noble, David", "Noble, Safiya Umoja"], result.Candidates);
        Assert.Empty(result.Results);
        Assert.Equal(TargetStatus.Found, CoCitation.Authors(_corpus, "Safiya Noble").Status);
    }

    [Fact]
    public void First_author_counting_leaves_co_authors_out()
    {
        var options = new CoCitationOptions { Authors = AuthorCounting.First };
        Assert.Equal(TargetStatus.Unknown, CoCitation.Authors(_corpus, "Joler", options).Status); // second author of A only
        var result = CoCitation.Authors(_corpus, "Crawford", options);
        // First authors: b1 Crawford Noble,S; b2 Crawford Noble,S Benjamin; b3 Crawford Benjamin; b4 Noble,S Crawford Kjosen;
        // b6 Crawford Noble,S Kjosen; b7 Tsing Zuboff Crawford (Noble,D is H's second author).
        // Noble,S b1 b2 b4 b6 -> 4; Benjamin b2 b3 -> 2; Kjosen b4 b6 -> 2; Tsing, Zuboff b7 -> 1.
        Assert.Equal([("noble,s", 4), ("benjamin,r", 2), ("kjosen,a", 2), ("tsing,a", 1), ("zuboff,s", 1)],
            result.Results.Select(r => (r.Id, r.Count)).ToArray());
    }

    [Theory]
    [InlineData("Nobody")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Crawford, Zed")]
    public void Unknown_authors_are_reported_not_thrown(string query) =>
        Assert.Equal(TargetStatus.Unknown, CoCitation.Authors(_corpus, query).Status);
}
