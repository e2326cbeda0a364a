namespace CiteWeb.Core.Network;

/// <summary>The authors of a corpus under one <see cref="AuthorCounting"/>: keys, display labels, and which
/// bibliographies cite each author, built once per corpus and counting.</summary>
internal sealed class AuthorTable
{
    private readonly Dictionary<string, int> _index;
    private readonly int[][] _authorsOf; // bibliography -> sorted author indices
    private readonly int[][] _citers;    // author -> sorted bibliography indices

    private AuthorTable(List<string> keys, List<string> labels, Dictionary<string, int> index, int[][] authorsOf, int[][] citers)
    {
        Keys = keys;
        Labels = labels;
        _index = index;
        _authorsOf = authorsOf;
        _citers = citers;
    }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>Per author, the display name printed most often (ties: the longer, then ordinal order).</summary>
    public IReadOnlyList<string> Labels { get; }

    public int Count => Keys.Count;

    public ReadOnlySpan<int> AuthorsOf(int bibliography) => _authorsOf[bibliography];

    public ReadOnlySpan<int> CitersOf(int author) => _citers[author];

    public static AuthorTable Build(CitationCorpus corpus, AuthorCounting counting)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        var variants = new List<Dictionary<string, int>>();
        var workAuthors = new int[corpus.Works.Count][];
        for (int w = 0; w < corpus.Works.Count; w++)
        {
            var names = corpus.Works[w].Authors;
            var mine = new List<int>(names.Count);
            for (int i = 0; i < names.Count && (counting == AuthorCounting.All || i == 0); i++)
            {
                var name = names[i].Trim();
                var key = AuthorKey.Of(name);
                if (key.Length == 0) continue;
                if (!index.TryGetValue(key, out int a))
                {
                    a = keys.Count;
                    index.Add(key, a);
                    keys.Add(key);
                    variants.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                }
                variants[a][name] = variants[a].GetValueOrDefault(name) + 1;
                if (!mine.Contains(a)) mine.Add(a);
            }
            workAuthors[w] = mine.ToArray();
        }

        var labels = variants.Select(v => v.OrderByDescending(p => p.Value).ThenByDescending(p => p.Key.Length)
            .ThenBy(p => p.Key, StringComparer.Ordinal).First().Key).ToList();

        var authorsOf = new int[corpus.Bibliographies.Count][];
        var citers = new List<int>[keys.Count];
        for (int a = 0; a < citers.Length; a++) citers[a] = [];
        var seen = new HashSet<int>();
        for (int b = 0; b < authorsOf.Length; b++)
        {
            seen.Clear();
            foreach (int w in corpus.WorksOf(b)) foreach (int a in workAuthors[w]) seen.Add(a);
            var sorted = seen.ToArray();
            Array.Sort(sorted);
            authorsOf[b] = sorted;
            foreach (int a in sorted) citers[a].Add(b); // b ascends, so each list stays sorted
        }
        return new AuthorTable(keys, labels, index, authorsOf, citers.Select(l => l.ToArray()).ToArray());
    }

    /// <summary>The authors a query names: its exact key when known; otherwise, for a bare family name
    /// ("Tsing") or "Given Family" ("Anna Tsing"), every author with that family name (and initial).</summary>
    public List<int> Resolve(string query)
    {
        var result = new List<int>();
        if (string.IsNullOrWhiteSpace(query)) return result;
        var key = AuthorKey.Of(query.Trim());
        if (key.Length > 0 && _index.TryGetValue(key, out int exact))
        {
            result.Add(exact);
            return result;
        }
        if (query.Contains(',')) return result; // "Family, Given" was explicit and is unknown

        // A bare family name, or "Given Family" written in reading order.
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var familyOnly = AuthorKey.Of(query);
        var reordered = words.Length > 1 ? AuthorKey.Of(words[^1] + ", " + string.Join(' ', words[..^1])) : null;
        for (int a = 0; a < Keys.Count; a++)
        {
            var k = Keys[a];
            if (AuthorKey.FamilyOf(k) == familyOnly || k == reordered) result.Add(a);
        }
        return result;
    }
}
