namespace CiteWeb.Core.Parsing;

/// <summary>
/// Makes a clashing key unique as <c>key-2</c>, <c>key-3</c>, ... The next N to try is remembered per key, so a
/// file with the same key a hundred thousand times is renamed in linear time, not quadratic (trying from 2 again
/// for each duplicate is what made BibTeX and CSL-JSON files of repeated keys take minutes). Keys in use are only
/// ever added, never released, so the numbers below the remembered one stay taken.
/// </summary>
internal sealed class KeySuffixes(IEqualityComparer<string> comparer)
{
    private readonly Dictionary<string, int> _next = new(comparer);

    /// <summary><paramref name="key"/> itself if <paramref name="taken"/> says it is free, else the first free
    /// <c>key-N</c>. The caller marks the key it gets as taken.</summary>
    public string Unique(string key, Func<string, bool> taken)
    {
        if (!taken(key)) return key;
        for (int n = _next.GetValueOrDefault(key, 2); ; n++)
        {
            var candidate = $"{key}-{n}";
            if (taken(candidate)) continue;
            _next[key] = n + 1;
            return candidate;
        }
    }
}
