using static CiteWeb.Index.Tests.Corpus;

namespace CiteWeb.Index.Tests;

public sealed class ReindexTests
{
    [Fact]
    public void A_changed_bibliography_replaces_its_references_and_others_stay()
    {
        using var temp = new TempIndex();
        using (var index = temp.Open())
        {
            index.AddBatch([Bib("one", Ref("a", "Noble", "Safiya", 2018, "Algorithms of Oppression")), Bib("two", Ref("b", "Noble", "Safiya", 2018, "Algorithms of Oppression"))]);
            index.RebuildWorks();
            index.AddBatch([Bib("one", Ref("c", "Benjamin", "Ruha", 2019, "Race After Technology"))]);
            index.RebuildWorks();
        }
        using var reopened = temp.Open();
        Assert.Equal(["two"], reopened.FindWork("b")!.CitedBy);
        Assert.Equal(["one"], reopened.FindWork("c")!.CitedBy);
        Assert.Null(reopened.FindWork("a"));
        Assert.Equal(2, reopened.IndexedHashes().Count);
        Assert.False(reopened.WorksStale);
    }

    [Fact]
    public void A_commit_without_its_work_rebuild_is_readable_and_says_its_works_are_stale()
    {
        using var temp = new TempIndex();
        using (var index = temp.Open())
        {
            index.AddBatch([Bib("one", Ref("a", "Noble", "Safiya", 2018, "Algorithms of Oppression"))]);
            index.RebuildWorks();
            index.AddBatch([Bib("two", Ref("b", "Benjamin", "Ruha", 2019, "Race After Technology"))]);
        }
        using var reopened = temp.Open();
        Assert.True(reopened.WorksStale);
        Assert.Equal(["one", "two"], reopened.IndexedHashes().Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(reopened.FindWork("a"));
    }
}
