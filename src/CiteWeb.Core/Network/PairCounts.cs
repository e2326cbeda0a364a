namespace CiteWeb.Core.Network;

/// <summary>Counting all pairs at once (for whole-corpus coupling and the networks): a pair (a, b) with a &lt; b is
/// one 64-bit key, so the counts live in one dictionary without tuple allocations.</summary>
internal static class PairCounts
{
    public static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    public static (int A, int B) Split(long key) => ((int)(key >> 32), (int)(key & 0xFFFFFFFF));

    /// <summary>For each set, every pair of its (distinct) members, counted over all sets.</summary>
    public static Dictionary<long, int> Of(int setCount, Func<int, ReadOnlySpan<int>> members, Func<int, bool>? include = null)
    {
        var counts = new Dictionary<long, int>();
        for (int s = 0; s < setCount; s++)
        {
            var m = members(s);
            for (int i = 0; i < m.Length; i++)
            {
                if (include is not null && !include(m[i])) continue;
                for (int j = i + 1; j < m.Length; j++)
                {
                    if (include is not null && !include(m[j])) continue;
                    var key = Key(m[i], m[j]);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }
        return counts;
    }

    /// <summary>Bibliography pairs by works cited in both.</summary>
    public static Dictionary<long, int> Coupling(CitationCorpus corpus) =>
        Of(corpus.Works.Count, w => corpus.CitersOf(w));
}
