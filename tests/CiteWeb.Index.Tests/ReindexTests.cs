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

    [Fact]
    public void A_later_run_joins_the_references_already_indexed_with_the_new_ones_as_one_run_would()
    {
        BibliographyInput One() => Bib("one", Ref("a", "Noble", "Safiya", 2018, "Algorithms of Oppression"), Ref("x", "Benjamin", "Ruha", 2019, "Race After Technology"));
        BibliographyInput Two() => Bib("two", Ref("b", "Noble", "Safiya", 2019, "Algorithms of oppression: how search engines reinforce racism"), Ref("y", "Benjamin", "Ruha", 2019, "Race after technology"));
        using var once = new TempIndex();
        using (var index = once.Open())
        {
            index.AddBatch([One(), Two()]);
            index.RebuildWorks();
        }
        using var twice = new TempIndex();
        using (var index = twice.Open())
        {
            index.AddBatch([One()]);
            index.RebuildWorks();
        }
        using var second = twice.Open();
        var before = Assert.Single(second.CoCite(second.FindWork("a")!, CiteWeb.Core.Network.CoCitationOptions.Default).Results);
        Assert.Equal(1, before.Count);
        second.AddBatch([Two()]);
        var stats = second.RebuildWorks();
        using var whole = once.Open();

        Assert.Equal(new CitationIndex.WorkStats(4, 2, 1, 2), stats);
        Assert.Equal(whole.Works().Select(w => (w.Id, string.Join(",", w.CitedBy))), second.Works().Select(w => (w.Id, string.Join(",", w.CitedBy))));
        // The co-citation table read before the batch is not reused: each of the two works is co-cited with the other by both.
        var noble = second.FindWork("a")!;
        Assert.Equal(["one", "two"], noble.CitedBy);
        var row = Assert.Single(second.CoCite(noble, CiteWeb.Core.Network.CoCitationOptions.Default).Results);
        Assert.Equal((second.FindWork("y")!.Id, 2), (row.Id, row.Count));
    }

    [Fact]
    public void A_rebuild_writes_only_the_works_whose_members_changed_and_ends_as_a_fresh_index_would()
    {
        var noble = Ref("a", "Noble", "Safiya", 2018, "Algorithms of Oppression");
        var benjamin = Ref("b", "Benjamin", "Ruha", 2019, "Race After Technology");
        var eubanks = Ref("c", "Eubanks", "Virginia", 2018, "Automating Inequality");
        var west = Ref("d", "West", "Sarah Myers", 2019, "Discriminating Systems", "report");
        var crawford = Ref("e", "Crawford", "Kate", 2021, "Atlas of AI");
        using var temp = new TempIndex();
        using (var index = temp.Open())
        {
            index.AddBatch([Bib("one", noble, benjamin), Bib("two", noble, eubanks), Bib("three", eubanks, west)]);
            // Noble {one, two}, Benjamin {one}, Eubanks {two, three}, West {three}: all new.
            Assert.Equal(new CitationIndex.WorkStats(6, 4, 0, 4), index.RebuildWorks());
        }
        using (var index = temp.Open())
        {
            // "three" now cites West and Crawford: Eubanks loses a citing bibliography, Crawford is new; Noble,
            // Benjamin and West (same bibliography, same reference) are left as they were.
            index.AddBatch([Bib("three", west, crawford)]);
            Assert.Equal(new CitationIndex.WorkStats(6, 5, 0, 2), index.RebuildWorks());
            index.AddBatch([]);
            Assert.Equal(0, index.RebuildWorks().Written);
        }
        using var fresh = new TempIndex();
        using (var index = fresh.Open())
        {
            index.AddBatch([Bib("one", noble, benjamin), Bib("two", noble, eubanks), Bib("three", west, crawford)]);
            index.RebuildWorks();
        }
        using var updated = temp.Open();
        using var whole = fresh.Open();
        static object Shown(WorkRecord w) => (w.Id, w.Key, w.Title, w.Year, string.Join(",", w.Authors), string.Join(",", w.CitedBy), w.Variants.Count);
        Assert.Equal(whole.Works().Select(Shown), updated.Works().Select(Shown));
        Assert.Equal(["two"], updated.FindWork("c")!.CitedBy);
        foreach (var work in whole.Works())
            Assert.Equal(whole.CoCite(work, CiteWeb.Core.Network.CoCitationOptions.Default).Results, updated.CoCite(updated.FindWork(work.Id)!, CiteWeb.Core.Network.CoCitationOptions.Default).Results);
        // The same hits (scores count deleted documents until segments merge, and equal scores go in document order,
        // so the order is compared apart from the hits).
        static IEnumerable<object> Hits(CitationIndex index, string query) =>
            index.Search(query, 10).Select(h => (h.Work, string.Join(",", h.CitedBy), h.Snippet)).OrderBy(h => h.Work, StringComparer.Ordinal).Cast<object>();
        foreach (var query in new[] { "author:noble", "title:inequality", "year:[2018 TO 2019]", "crawford" })
            Assert.Equal(Hits(whole, query), Hits(updated, query));
    }

    /// <summary>Found by the kill loop (<c>IndexKillLoopTests</c>): <c>citeweb index</c> killed during its first commit
    /// left a torn <c>segments_1</c>, and every later run failed on it ("read past EOF") instead of indexing.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_first_commit_torn_by_a_kill_is_no_index_and_the_next_run_indexes_afresh(int keepOneIn)
    {
        using var temp = new TempIndex();
        using (var index = temp.Open()) index.AddBatch([Bib("one", Ref("a", "Noble", "Safiya", 2018, "Algorithms of Oppression"))]);
        var segments = Path.Combine(temp.Dir, "segments_1");
        var bytes = File.ReadAllBytes(segments);
        File.WriteAllBytes(segments, keepOneIn == 0 ? [] : bytes[..(bytes.Length / keepOneIn)]);

        Assert.False(CitationIndex.Exists(temp.Dir));
        using (var index = temp.Open())
        {
            Assert.Empty(index.IndexedHashes());
            Assert.False(index.WorksStale);
            index.AddBatch([Bib("two", Ref("b", "Benjamin", "Ruha", 2019, "Race After Technology"))]);
            index.RebuildWorks();
        }
        Assert.True(CitationIndex.Exists(temp.Dir));
        using var reopened = temp.Open();
        Assert.Equal(["two"], reopened.IndexedHashes().Keys);
        Assert.Equal(["two"], reopened.FindWork("b")!.CitedBy);
        Assert.False(reopened.WorksStale);
    }

    /// <summary>A kill while a later commit's <c>segments_N</c> is being written leaves it torn beside the whole
    /// <c>segments_N-1</c> (Lucene deletes the old commit only after the new one is complete): the reader falls back.</summary>
    [Fact]
    public void A_later_commit_torn_by_a_kill_falls_back_to_the_one_before()
    {
        using var temp = new TempIndex();
        using (var index = temp.Open()) index.AddBatch([Bib("one", Ref("a", "Noble", "Safiya", 2018, "Algorithms of Oppression"))]);
        var whole = File.ReadAllBytes(Path.Combine(temp.Dir, "segments_1"));
        File.WriteAllBytes(Path.Combine(temp.Dir, "segments_2"), whole[..(whole.Length / 2)]);

        Assert.True(CitationIndex.Exists(temp.Dir));
        using (var index = temp.Open())
        {
            Assert.Equal(["one"], index.IndexedHashes().Keys);
            index.AddBatch([Bib("two", Ref("b", "Benjamin", "Ruha", 2019, "Race After Technology"))]);
        }
        using var reopened = temp.Open();
        Assert.Equal(["one", "two"], reopened.IndexedHashes().Keys.Order(StringComparer.Ordinal));
    }
}
