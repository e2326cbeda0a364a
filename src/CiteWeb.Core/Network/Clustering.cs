namespace CiteWeb.Core.Network;

/// <summary>
/// Clusters for colouring a network and for VOSviewer's cluster column: weighted label propagation (Raghavan,
/// Albert and Kumara 2007) made deterministic. Every node starts in its own cluster; in rounds, heaviest node
/// first, each node joins the cluster its edges weigh most towards (ties go to the lower cluster number, and a
/// node stays put unless another cluster weighs strictly more), until nothing moves or
/// <paramref name="maxRounds"/> pass. Clusters are then numbered from 1 by size (largest first), then by their
/// heaviest node, as VOSviewer numbers them. This is a quick partition for display, not VOSviewer's modularity
/// clustering; VOSviewer recomputes its own when a map file has no cluster column.
/// </summary>
public static class Clustering
{
    /// <summary>Cluster number per node id (1 = largest cluster); an isolated node is a cluster of its own.</summary>
    public static IReadOnlyDictionary<string, int> LabelPropagation(Graph graph, int maxRounds = 50)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.Nodes.Count;
        var neighbours = new List<(int Node, int Weight)>[n];
        for (int i = 0; i < n; i++) neighbours[i] = [];
        foreach (var edge in graph.Edges)
        {
            int a = graph.IndexOf(edge.Source), b = graph.IndexOf(edge.Target);
            neighbours[a].Add((b, edge.Weight));
            neighbours[b].Add((a, edge.Weight));
        }

        var label = new int[n];
        for (int i = 0; i < n; i++) label[i] = i;
        var weightTo = new Dictionary<int, long>();
        for (int round = 0; round < Math.Max(0, maxRounds); round++)
        {
            bool moved = false;
            for (int i = 0; i < n; i++) // Nodes are ordered heaviest first
            {
                if (neighbours[i].Count == 0) continue;
                weightTo.Clear();
                foreach (var (j, w) in neighbours[i]) weightTo[label[j]] = weightTo.GetValueOrDefault(label[j]) + w;
                int best = label[i];
                long bestWeight = weightTo.GetValueOrDefault(best);
                foreach (var (candidate, w) in weightTo)
                    if (w > bestWeight || (w == bestWeight && candidate < best && best != label[i]))
                        (best, bestWeight) = (candidate, w);
                if (best != label[i])
                {
                    label[i] = best;
                    moved = true;
                }
            }
            if (!moved) break;
        }

        var numbering = Enumerable.Range(0, n).GroupBy(i => label[i])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min())
            .Select((g, k) => (Members: g, Number: k + 1));
        var result = new Dictionary<string, int>(n, StringComparer.Ordinal);
        foreach (var (members, number) in numbering)
            foreach (int i in members) result[graph.Nodes[i].Id] = number;
        return result;
    }
}
