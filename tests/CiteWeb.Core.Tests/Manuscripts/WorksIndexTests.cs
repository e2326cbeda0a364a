using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.Manuscripts;

/// <summary>The index remembers each citation's match (a manuscript cites the same work again and again); a remembered
/// answer must be the one a fresh index gives, carrying the citation that asked, not the first one.</summary>
public sealed class WorksIndexTests
{
    private static IReadOnlyList<Reference> List() => BibTexReader.Parse("""
        @book{b19, author={Benjamin, Ruha}, title={Race after Technology}, year=2019}
        @book{b22, author={Benjamin, Ruha}, title={Viral Justice}, year=2022}
        @article{os, author={Osman, Ali and Sewell, Mary}, title={Plans}, year=2020}
        """, "refs.bib").References;

    public static TheoryData<CitedWork> Citations => new(
        new CitedWork { Names = ["Benjamin"], Year = "2019", Locator = "3" },
        new CitedWork { Names = ["Benjamin"], Locator = "4" },
        new CitedWork { Names = ["Benjamin"], Title = "Viral Justice", Locator = "5" },
        new CitedWork { Names = ["Benjamn"], Locator = "6" },
        new CitedWork { Names = ["Osman", "Sewell"], Locator = "7" },
        new CitedWork { Key = "b22", Locator = "8" });

    [Theory]
    [MemberData(nameof(Citations))]
    public void A_remembered_match_is_a_fresh_one_for_the_citation_that_asks(CitedWork work)
    {
        var index = new WorksIndex(List());
        var first = index.Match(work with { Locator = "1" });
        var again = index.Match(work);
        var fresh = new WorksIndex(List()).Match(work);

        Assert.Same(work, again.Work);
        Assert.Equal("1", first.Work.Locator);
        Assert.Equal(fresh.Entries.Select(r => r.Id), again.Entries.Select(r => r.Id));
        Assert.Equal((fresh.Ambiguous, fresh.TitleDiffers, fresh.ShortOrganisationName), (again.Ambiguous, again.TitleDiffers, again.ShortOrganisationName));
        Assert.Equal(fresh.Spellings, again.Spellings);
    }

    [Fact]
    public void Co_authors_are_one_work_and_unrelated_names_are_not_asked_twice_differently()
    {
        var index = new WorksIndex(List());
        Assert.True(index.IsOneWork(["Osman", "Sewell"]));
        Assert.True(index.IsOneWork(["Osman", "Sewell"]));
        Assert.False(index.IsOneWork(["Osman", "Benjamin"]));
        Assert.False(index.IsOneWork(["Osman", "Benjamin"]));
    }
}
