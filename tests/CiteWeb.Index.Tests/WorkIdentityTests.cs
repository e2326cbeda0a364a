using CiteWeb.Core.Model;
using CiteWeb.Core.Works;
using static CiteWeb.Index.Tests.Corpus;

namespace CiteWeb.Index.Tests;

public sealed class WorkIdentityTests
{
    [Theory]
    [InlineData("Discriminating Systems: Gender, Race and Power in AI")]
    [InlineData("Discriminating Systems. Gender, Race, and Power in AI")]
    [InlineData("Discriminating Systems")]
    [InlineData("DISCRIMINATING SYSTEMS: GENDER, RACE AND POWER IN AI")]
    [InlineData("The Discriminating Systems — Gender, Race and Power in AI")]
    public void Variants_of_discriminating_systems_share_the_title_key(string title) =>
        Assert.Equal("discriminating systems", WorkIdentity.TitleKey(title));

    [Theory]
    [InlineData("Dr. Strangelove", "dr strangelove")]
    [InlineData("Atlas of AI", "atlas of ai")]
    [InlineData("Ça va: un essai", "ca va")]
    public void Title_keys_fold_case_diacritics_and_subtitles_only(string title, string key) =>
        Assert.Equal(key, WorkIdentity.TitleKey(title));

    [Theory]
    [InlineData("https://doi.org/10.1145/ABC", "10.1145/abc")]
    [InlineData("doi:10.1145/abc", "10.1145/abc")]
    [InlineData("not a doi", null)]
    public void Dois_are_normalised(string doi, string? expected) => Assert.Equal(expected, WorkIdentity.NormaliseDoi(doi));

    private static readonly Reference[] Sample =
    [
        Ref("west-mla", "West", "Sarah Myers", 2019, "Discriminating Systems. Gender, Race, and Power in AI", "report"),
        Ref("west-chicago", "West", "Sarah Myers", 2019, "Discriminating Systems: Gender, Race and Power in AI", "report"),
        Ref("WEST2020", "WEST", "SARAH MYERS", 2020, "DISCRIMINATING SYSTEMS", "report"),
        Ref("west-other", "West", "Sarah Myers", 2015, "Discriminating Systems", "report"),
        Ref("noble-book", "Noble", "Safiya Umoja", 2018, "Algorithms of Oppression", "book"),
        Ref("noble-chapter", "Noble", "Safiya Umoja", 2018, "Algorithms of Oppression", "chapter", container: "Algorithms of Oppression"),
        Ref("a-doi", "Buolamwini", "Joy", 2018, "Gender Shades", "paper-conference", doi: "10.1000/shades"),
        Ref("b-doi", "Buolamwini", "J.", 2018, "Intersectional accuracy disparities", "paper-conference", doi: "https://doi.org/10.1000/SHADES"),
    ];

    private static List<HashSet<string>> Clusters(IReadOnlyList<Reference> refs, out List<WorkCluster> clusters)
    {
        clusters = WorkClusterer.Cluster(refs.Select(WorkIdentity.Of).ToList());
        return clusters.Select(c => c.Members.Select(i => refs[i].Id).ToHashSet()).ToList();
    }

    [Fact]
    public void Spellings_and_years_one_apart_are_one_work_and_a_chapter_is_not_its_book()
    {
        var sets = Clusters(Sample, out var clusters);
        Assert.Contains(sets, s => s.SetEquals(["west-mla", "west-chicago", "WEST2020"]));
        Assert.Contains(sets, s => s.SetEquals(["west-other"]));
        Assert.Contains(sets, s => s.SetEquals(["noble-book"]));
        Assert.Contains(sets, s => s.SetEquals(["noble-chapter"]));
        Assert.Contains(sets, s => s.SetEquals(["a-doi", "b-doi"]));
        Assert.Equal(5, sets.Count);
        var west = clusters.Single(c => c.Members.Count == 3);
        Assert.True(west.YearsDiffer);
        Assert.StartsWith("west2019discriminating-", west.Id);
    }

    [Fact]
    public void Untitled_anonymous_pages_keep_their_subtitles()
    {
        var tay = new Reference("tay", "webpage") { Title = "Wikipedia: Tay (bot)" };
        var unicode = new Reference("unicode", "webpage") { Title = "Wikipedia: Unicode" };
        var sets = Clusters([tay, unicode], out _);
        Assert.Equal(2, sets.Count);
    }

    [Fact]
    public void Ids_do_not_depend_on_the_order_of_the_references()
    {
        var forward = WorkClusterer.Cluster(Sample.Select(WorkIdentity.Of).ToList());
        var reversed = Sample.Reverse().ToArray();
        var backward = WorkClusterer.Cluster(reversed.Select(WorkIdentity.Of).ToList());
        Assert.Equal(forward.Select(c => c.Id), backward.Select(c => c.Id));
        Assert.Equal(
            forward.Select(c => string.Join(",", c.Members.Select(i => Sample[i].Id).Order(StringComparer.Ordinal))),
            backward.Select(c => string.Join(",", c.Members.Select(i => reversed[i].Id).Order(StringComparer.Ordinal))));
    }
}
