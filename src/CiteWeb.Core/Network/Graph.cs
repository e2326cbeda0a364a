namespace CiteWeb.Core.Network;

/// <summary>What a network's nodes are.</summary>
public enum GraphKind
{
    /// <summary>Cited works; node weight = bibliographies citing the work; edge weight = bibliographies co-citing both.</summary>
    Works,
    /// <summary>Cited authors; node weight = bibliographies citing a work by the author; edge weight = bibliographies co-citing both.</summary>
    Authors,
    /// <summary>Bibliographies; node weight = works the bibliography cites; edge weight = works cited in both.</summary>
    Coupling,
}

/// <summary>A node: <paramref name="Weight"/> is its citation count (see <see cref="GraphKind"/>).</summary>
/// <param name="Cluster">A cluster number from 1 (VOSviewer's convention), or null when not clustered.</param>
public sealed record GraphNode(string Id, string Label, int? Year, int Weight, int? Cluster = null);

/// <summary>An undirected weighted edge between two node ids.</summary>
public sealed record GraphEdge(string Source, string Target, int Weight);

/// <summary>
/// An undirected weighted network, ready for the writers, the layout and the SVG. Nodes are ordered by weight
/// (descending), then label and id; edges by their nodes' order, so equal input gives byte-equal output.
/// </summary>
public sealed class Graph
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Builds a graph; edges must join two distinct known nodes (else <see cref="ArgumentException"/>),
    /// and the same pair given twice has its weights added.</summary>
    public Graph(GraphKind kind, IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges)
    {
        Kind = kind;
        var ordered = nodes.OrderByDescending(n => n.Weight).ThenBy(n => n.Label, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ordered.Length; i++)
            if (!_index.TryAdd(ordered[i].Id, i)) throw new ArgumentException($"Duplicate node id '{ordered[i].Id}'.", nameof(nodes));
        var weights = PairCounts.NewCounts();
        foreach (var e in edges)
        {
            if (!_index.TryGetValue(e.Source, out int a)) throw new ArgumentException($"Edge source '{e.Source}' is not a node.", nameof(edges));
            if (!_index.TryGetValue(e.Target, out int b)) throw new ArgumentException($"Edge target '{e.Target}' is not a node.", nameof(edges));
            if (a == b) throw new ArgumentException($"Edge '{e.Source}' joins a node to itself.", nameof(edges));
            var key = PairCounts.Key(a, b);
            weights[key] = weights.GetValueOrDefault(key) + e.Weight;
        }
        Nodes = ordered;
        Edges = weights.OrderBy(p => p.Key).Select(p =>
        {
            var (a, b) = PairCounts.Split(p.Key);
            return new GraphEdge(ordered[a].Id, ordered[b].Id, p.Value);
        }).ToArray();
    }

    public GraphKind Kind { get; }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyList<GraphEdge> Edges { get; }

    /// <summary>The position of a node in <see cref="Nodes"/>, or -1.</summary>
    public int IndexOf(string nodeId) => _index.TryGetValue(nodeId, out int i) ? i : -1;

    /// <summary>The <paramref name="maxNodes"/> heaviest nodes (the first in <see cref="Nodes"/>) and the edges among them.</summary>
    public Graph Top(int maxNodes)
    {
        if (maxNodes >= Nodes.Count) return this;
        var kept = Nodes.Take(Math.Max(0, maxNodes)).ToArray();
        var ids = kept.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return new Graph(Kind, kept, Edges.Where(e => ids.Contains(e.Source) && ids.Contains(e.Target)));
    }

    /// <summary>The same graph with each node's cluster set from <paramref name="clusters"/> (node id → cluster).</summary>
    public Graph WithClusters(IReadOnlyDictionary<string, int> clusters) =>
        new(Kind, Nodes.Select(n => n with { Cluster = clusters.TryGetValue(n.Id, out int c) ? c : null }), Edges);

    /// <summary>The co-citation network of works: works cited by at least <paramref name="minCitations"/>
    /// bibliographies, joined when at least <paramref name="minEdge"/> bibliographies cite both.</summary>
    public static Graph Works(CitationCorpus corpus, int minEdge = 1, int minCitations = 1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var nodes = new List<GraphNode>();
        for (int w = 0; w < corpus.Works.Count; w++)
        {
            int weight = corpus.CitersOf(w).Length;
            if (weight < Math.Max(1, minCitations)) continue;
            var work = corpus.Works[w];
            nodes.Add(new GraphNode(work.Id, work.Label, work.Year, weight));
        }
        var keep = nodes.Select(n => corpus.WorkIndexOf(n.Id)).ToHashSet();
        var pairs = PairCounts.Of(corpus.Bibliographies.Count, b => corpus.WorksOf(b), keep.Contains);
        return new Graph(GraphKind.Works, nodes, Links(pairs, minEdge, i => corpus.Works[i].Id));
    }

    /// <summary>The author co-citation network (see <see cref="CoCitation.Authors"/> for what counts); nodes are
    /// labelled with each author's most printed name and carry no year.</summary>
    public static Graph Authors(CitationCorpus corpus, int minEdge = 1, int minCitations = 1, AuthorCounting counting = AuthorCounting.All)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var table = corpus.AuthorTable(counting);
        var nodes = new List<GraphNode>();
        var keep = new HashSet<int>();
        for (int a = 0; a < table.Count; a++)
        {
            int weight = table.CitersOf(a).Length;
            if (weight < Math.Max(1, minCitations)) continue;
            keep.Add(a);
            nodes.Add(new GraphNode(table.Keys[a], table.Labels[a], null, weight));
        }
        var pairs = PairCounts.Of(corpus.Bibliographies.Count, b => table.AuthorsOf(b), keep.Contains);
        return new Graph(GraphKind.Authors, nodes, Links(pairs, minEdge, i => table.Keys[i]));
    }

    /// <summary>The bibliographic coupling network: bibliographies citing at least <paramref name="minWorks"/> works,
    /// joined when they share at least <paramref name="minEdge"/>.</summary>
    public static Graph Coupling(CitationCorpus corpus, int minEdge = 1, int minWorks = 1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var nodes = new List<GraphNode>();
        var keep = new HashSet<int>();
        for (int b = 0; b < corpus.Bibliographies.Count; b++)
        {
            int weight = corpus.WorksOf(b).Length;
            if (weight < Math.Max(1, minWorks)) continue;
            keep.Add(b);
            var bibliography = corpus.Bibliographies[b];
            nodes.Add(new GraphNode(bibliography.Id, bibliography.Label, null, weight));
        }
        var pairs = PairCounts.Of(corpus.Works.Count, w => corpus.CitersOf(w), keep.Contains);
        return new Graph(GraphKind.Coupling, nodes, Links(pairs, minEdge, i => corpus.Bibliographies[i].Id));
    }

    private static IEnumerable<GraphEdge> Links(Dictionary<long, int> pairs, int minEdge, Func<int, string> id)
    {
        foreach (var (key, count) in pairs)
        {
            if (count < Math.Max(1, minEdge)) continue;
            var (a, b) = PairCounts.Split(key);
            yield return new GraphEdge(id(a), id(b), count);
        }
    }
}
