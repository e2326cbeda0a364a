namespace CiteWeb.Core.Network;

/// <summary>
/// Rankings over a <see cref="CitationCorpus"/>: works co-cited with a work, authors co-cited with an author, and
/// bibliographic coupling. Counts are exact; <see cref="AssociationStrength"/> and <see cref="Cosine"/> are public so
/// an index that counts faster can report the same strengths.
/// </summary>
/// <remarks>
/// <para>Co-citation (Small 1973): two works are co-cited by every bibliography that cites both; c_ij counts those
/// bibliographies, c_i the bibliographies citing i, and N the bibliographies in the corpus.</para>
/// <para>N is the number of bibliographies, not the number of co-occurrences. VOSviewer's association strength is
/// c_ij / (c_i c_j) up to a constant factor (van Eck and Waltman 2009 derive it as observed over expected
/// co-occurrences); with c_i counted in bibliographies, the expected number of bibliographies citing both i and j
/// when they are cited independently is c_i c_j / N, so c_ij N / (c_i c_j) reads as "times more often than chance"
/// and is comparable across corpora of different size. Rankings around one target are the same for any constant N.</para>
/// <para>Bibliographic coupling (Kessler 1963): two bibliographies are coupled by every work both cite; there c_i is
/// the number of works bibliography i cites and N the number of distinct works cited in the corpus, by the same
/// observed-over-expected reading.</para>
/// </remarks>
public static class CoCitation
{
    /// <summary>Association strength <c>c_ij * n / (c_i * c_j)</c>; 0 when either side never occurs.</summary>
    public static double AssociationStrength(int cij, int ci, int cj, int n) =>
        ci <= 0 || cj <= 0 ? 0 : cij * (double)n / (ci * (double)cj);

    /// <summary>Salton's cosine <c>c_ij / sqrt(c_i * c_j)</c>; 0 when either side never occurs.</summary>
    public static double Cosine(int cij, int ci, int cj) =>
        ci <= 0 || cj <= 0 ? 0 : cij / Math.Sqrt(ci * (double)cj);

    /// <summary>The strength of <paramref name="measure"/>.</summary>
    public static double Strength(StrengthMeasure measure, int cij, int ci, int cj, int n) => measure switch
    {
        StrengthMeasure.Cosine => Cosine(cij, ci, cj),
        _ => AssociationStrength(cij, ci, cj, n),
    };

    /// <summary>Works cited together with <paramref name="workId"/>. An unknown id gives
    /// <see cref="TargetStatus.Unknown"/> and no rows; a work nobody co-cites gives <see cref="TargetStatus.Found"/> and no rows.</summary>
    public static CoCitationResult Works(CitationCorpus corpus, string workId, CoCitationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= CoCitationOptions.Default;
        int target = corpus.WorkIndexOf(workId);
        if (target < 0) return CoCitationResult.Unknown(workId);
        var rows = Neighbours(target, corpus.CitersOf(target), corpus.WorksOf, corpus.Works.Count, corpus.CitersOf, corpus.Bibliographies.Count, options,
            w => (corpus.Works[w].Id, corpus.Works[w].Label));
        return new CoCitationResult(workId, corpus.Works[target].Label, corpus.CitersOf(target).Length, rows, TargetStatus.Found, []);
    }

    /// <summary>Authors co-cited with the author named <paramref name="authorName"/> ("Tsing", "Tsing, Anna",
    /// "Anna Tsing"; case and diacritics do not matter, see <see cref="AuthorKey"/>). A bibliography co-cites two
    /// authors when it cites a work by each (or one work by both); which authors count is
    /// <see cref="CoCitationOptions.Authors"/>. A family name shared by several authors gives
    /// <see cref="TargetStatus.Ambiguous"/> with the candidates.</summary>
    public static CoCitationResult Authors(CitationCorpus corpus, string authorName, CoCitationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= CoCitationOptions.Default;
        var table = corpus.AuthorTable(options.Authors);
        var matches = table.Resolve(authorName);
        if (matches.Count == 0) return CoCitationResult.Unknown(authorName);
        if (matches.Count > 1)
            return new CoCitationResult(authorName, null, 0, [], TargetStatus.Ambiguous, matches.Select(a => table.Labels[a]).Order(StringComparer.Ordinal).ToArray());
        int target = matches[0];
        var rows = Neighbours(target, table.CitersOf(target), table.AuthorsOf, table.Count, table.CitersOf, corpus.Bibliographies.Count, options,
            a => (table.Keys[a], table.Labels[a]));
        return new CoCitationResult(authorName, table.Labels[target], table.CitersOf(target).Length, rows, TargetStatus.Found, []);
    }

    /// <summary>Bibliographies coupled with <paramref name="bibliographyId"/>, by works cited in both.
    /// <see cref="CoCitationResult.CitingBibliographies"/> holds the number of works the target cites.</summary>
    public static CoCitationResult CoupledWith(CitationCorpus corpus, string bibliographyId, CoCitationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= CoCitationOptions.Default;
        int target = corpus.BibliographyIndexOf(bibliographyId);
        if (target < 0) return CoCitationResult.Unknown(bibliographyId);
        var rows = Neighbours(target, corpus.WorksOf(target), corpus.CitersOf, corpus.Bibliographies.Count, corpus.WorksOf, DistinctCitedWorks(corpus), options,
            b => (corpus.Bibliographies[b].Id, corpus.Bibliographies[b].Label));
        return new CoCitationResult(bibliographyId, corpus.Bibliographies[target].Label, corpus.WorksOf(target).Length, rows, TargetStatus.Found, []);
    }

    /// <summary>All pairs of bibliographies that share at least <see cref="CoCitationOptions.Min"/> cited works.</summary>
    public static CouplingResult Coupling(CitationCorpus corpus, CoCitationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= CoCitationOptions.Default;
        var counts = PairCounts.Coupling(corpus);
        int n = DistinctCitedWorks(corpus);
        var rows = new List<RankedPair>();
        foreach (var (key, c) in counts)
        {
            if (c < options.Min) continue;
            var (a, b) = PairCounts.Split(key);
            var x = corpus.Bibliographies[a];
            var y = corpus.Bibliographies[b];
            rows.Add(new RankedPair(x.Id, x.Label, y.Id, y.Label, c, Strength(options.Measure, c, corpus.WorksOf(a).Length, corpus.WorksOf(b).Length, n)));
        }
        rows.Sort(static (p, q) =>
        {
            int r = q.Count.CompareTo(p.Count);
            if (r == 0) r = q.Strength.CompareTo(p.Strength);
            if (r == 0) r = string.CompareOrdinal(p.SourceLabel, q.SourceLabel);
            if (r == 0) r = string.CompareOrdinal(p.TargetLabel, q.TargetLabel);
            if (r == 0) r = string.CompareOrdinal(p.SourceId, q.SourceId);
            if (r == 0) r = string.CompareOrdinal(p.TargetId, q.TargetId);
            return r;
        });
        return new CouplingResult(corpus.Bibliographies.Count, options.Top is int top && top >= 0 && rows.Count > top ? rows[..top] : rows);
    }

    /// <summary>The one counting loop behind every ranking around a target: <paramref name="sets"/> are the sets
    /// the target occurs in (bibliographies citing a work, or works a bibliography cites), <paramref name="members"/>
    /// what else each set holds (indices below <paramref name="universe"/>), <paramref name="occurrences"/> the sets
    /// each item occurs in (for c_j). Counts go to a flat array, which is several times faster than a dictionary for
    /// the most cited works, where nearly every bibliography is a set.</summary>
    private static List<RankedItem> Neighbours(int target, ReadOnlySpan<int> sets, Func<int, ReadOnlySpan<int>> members,
        int universe, Func<int, ReadOnlySpan<int>> occurrences, int n, CoCitationOptions options, Func<int, (string Id, string Label)> describe)
    {
        var counts = new int[universe];
        var touched = new List<int>();
        foreach (int set in sets)
            foreach (int item in members(set))
                if (item != target && counts[item]++ == 0) touched.Add(item);
        var rows = new List<RankedItem>(touched.Count);
        foreach (int item in touched)
        {
            int c = counts[item];
            if (c < options.Min) continue;
            var (id, label) = describe(item);
            rows.Add(new RankedItem(id, label, c, Strength(options.Measure, c, sets.Length, occurrences(item).Length, n)));
        }
        return Rank(rows, options.Top);
    }

    internal static int DistinctCitedWorks(CitationCorpus corpus)
    {
        int n = 0;
        for (int w = 0; w < corpus.Works.Count; w++) if (corpus.CitersOf(w).Length > 0) n++;
        return n;
    }

    /// <summary>Sorts <paramref name="rows"/> as every ranking is shown (count, then strength, descending; ties by label,
    /// then id) and keeps the first <paramref name="top"/> (all when null or negative).</summary>
    public static List<RankedItem> Rank(List<RankedItem> rows, int? top)
    {
        rows.Sort(static (p, q) =>
        {
            int r = q.Count.CompareTo(p.Count);
            if (r == 0) r = q.Strength.CompareTo(p.Strength);
            if (r == 0) r = string.CompareOrdinal(p.Label, q.Label);
            if (r == 0) r = string.CompareOrdinal(p.Id, q.Id);
            return r;
        });
        return top is int t && t >= 0 && rows.Count > t ? rows[..t] : rows;
    }
}
