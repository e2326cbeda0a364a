namespace CiteWeb.Core.Network;

/// <summary>
/// Bibliographies and the works they cite, held as integer postings so co-citation, author co-citation and
/// coupling run in memory without a search engine. Immutable once built.
/// </summary>
/// <remarks>
/// A work id that a bibliography cites but <c>works</c> does not describe becomes a work labelled by its id with
/// no year and no authors, so a corpus with partial metadata still counts correctly. Repeated work ids inside one
/// bibliography count once. Duplicate bibliography ids or duplicate work ids are a programming error
/// (<see cref="ArgumentException"/>): the index guarantees unique ids.
/// </remarks>
public sealed class CitationCorpus
{
    private readonly Dictionary<string, int> _workIndex;
    private readonly Dictionary<string, int> _bibliographyIndex;
    private readonly int[][] _cites;   // bibliography -> sorted work indices
    private readonly int[][] _citedBy; // work -> sorted bibliography indices

    public CitationCorpus(IEnumerable<CitingDocument> bibliographies, IEnumerable<WorkNode> works)
    {
        ArgumentNullException.ThrowIfNull(bibliographies);
        ArgumentNullException.ThrowIfNull(works);
        var workList = new List<WorkNode>();
        _workIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var work in works)
        {
            ArgumentNullException.ThrowIfNull(work);
            if (!_workIndex.TryAdd(work.Id, workList.Count)) throw new ArgumentException($"Duplicate work id '{work.Id}'.", nameof(works));
            workList.Add(work);
        }

        var bibliographyList = new List<CitingDocument>();
        _bibliographyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cites = new List<int[]>();
        foreach (var bibliography in bibliographies)
        {
            ArgumentNullException.ThrowIfNull(bibliography);
            if (!_bibliographyIndex.TryAdd(bibliography.Id, bibliographyList.Count))
                throw new ArgumentException($"Duplicate bibliography id '{bibliography.Id}'.", nameof(bibliographies));
            var distinct = new HashSet<int>();
            foreach (var workId in bibliography.WorkIds)
            {
                if (!_workIndex.TryGetValue(workId, out int w))
                {
                    w = workList.Count;
                    _workIndex.Add(workId, w);
                    workList.Add(new WorkNode(workId, workId, null, []));
                }
                distinct.Add(w);
            }
            var sorted = distinct.ToArray();
            Array.Sort(sorted);
            cites.Add(sorted);
            bibliographyList.Add(bibliography with { WorkIds = sorted.Select(i => workList[i].Id).ToArray() });
        }

        Works = workList;
        Bibliographies = bibliographyList;
        _cites = cites.ToArray();
        var counts = new int[workList.Count];
        foreach (var list in _cites) foreach (int w in list) counts[w]++;
        _citedBy = new int[workList.Count][];
        for (int w = 0; w < counts.Length; w++) _citedBy[w] = new int[counts[w]];
        var fill = new int[workList.Count];
        for (int b = 0; b < _cites.Length; b++) foreach (int w in _cites[b]) _citedBy[w][fill[w]++] = b;
    }

    /// <summary>The bibliographies in the order given, each with its distinct work ids in corpus order.</summary>
    public IReadOnlyList<CitingDocument> Bibliographies { get; }

    /// <summary>Every work: those given, then those only cited (labelled by their id).</summary>
    public IReadOnlyList<WorkNode> Works { get; }

    /// <summary>The work with this id, or null.</summary>
    public WorkNode? FindWork(string id) => _workIndex.TryGetValue(id, out int i) ? Works[i] : null;

    /// <summary>The bibliography with this id, or null.</summary>
    public CitingDocument? FindBibliography(string id) => _bibliographyIndex.TryGetValue(id, out int i) ? Bibliographies[i] : null;

    /// <summary>How many bibliographies cite the work (0 when the id is unknown).</summary>
    public int CitationCount(string workId) => _workIndex.TryGetValue(workId, out int i) ? _citedBy[i].Length : 0;

    internal int WorkIndexOf(string id) => _workIndex.TryGetValue(id, out int i) ? i : -1;
    internal int BibliographyIndexOf(string id) => _bibliographyIndex.TryGetValue(id, out int i) ? i : -1;
    internal ReadOnlySpan<int> WorksOf(int bibliography) => _cites[bibliography];
    internal ReadOnlySpan<int> CitersOf(int work) => _citedBy[work];

    private AuthorTable? _allAuthors;
    private AuthorTable? _firstAuthors;

    /// <summary>The author table for a counting, built on first use (the corpus is immutable, so a race only builds it twice).</summary>
    internal AuthorTable AuthorTable(AuthorCounting counting) => counting == AuthorCounting.First
        ? _firstAuthors ??= Network.AuthorTable.Build(this, counting)
        : _allAuthors ??= Network.AuthorTable.Build(this, counting);
}
