namespace CiteWeb.Core.Network;

/// <summary>Counting all pairs at once (for whole-corpus coupling and the networks): a pair (a, b) with a &lt; b is
/// one 64-bit key, so the counts live in one dictionary without tuple allocations.</summary>
internal static class PairCounts
{
    public static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    /// <summary>A dictionary keyed by pair keys. long.GetHashCode folds the halves together (a ^ b), which for small
    /// indices leaves only a few thousand distinct hash codes for millions of pairs; measured, a 2,500-bibliography
    /// network took a minute that way. <see cref="Mixer"/> spreads the bits first.</summary>
    public static Dictionary<long, int> NewCounts(int capacity = 0) => new(capacity, Mixer.Instance);

    private sealed class Mixer : IEqualityComparer<long>
    {
        public static readonly Mixer Instance = new();
        public bool Equals(long x, long y) => x == y;
        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }

    public static (int A, int B) Split(long key) => ((int)(key >> 32), (int)(key & 0xFFFFFFFF));

    /// <summary>For each set, every pair of its (distinct) members, counted over all sets.</summary>
    public static Dictionary<long, int> Of(int setCount, Func<int, ReadOnlySpan<int>> members, Func<int, bool>? include = null)
    {
        var counts = NewCounts();
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
