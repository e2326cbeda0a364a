namespace CiteWeb.Core.Network;

/// <summary>A point of a layout, in layout units (the SVG scales them to its view box).</summary>
public readonly record struct LayoutPoint(double X, double Y);

/// <summary>Positions for the nodes of one <see cref="Graph"/>, in the order of <see cref="Graph.Nodes"/>.</summary>
public sealed class GraphLayout
{
    internal GraphLayout(Graph graph, LayoutPoint[] points)
    {
        Graph = graph;
        Points = points;
    }

    /// <summary>The graph laid out (after the node cap of <see cref="ForceLayoutOptions.MaxNodes"/>).</summary>
    public Graph Graph { get; }

    /// <summary>One point per node of <see cref="Graph"/>, same order.</summary>
    public IReadOnlyList<LayoutPoint> Points { get; }

    /// <summary>The point of a node, or null when the node is not in the layout.</summary>
    public LayoutPoint? this[string nodeId] => Graph.IndexOf(nodeId) is int i and >= 0 ? Points[i] : null;
}

/// <summary>Options of <see cref="ForceLayout"/>.</summary>
public sealed record ForceLayoutOptions
{
    /// <summary>Seed of the start positions; the same seed and graph give the same layout. The default is 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Iterations of the simulation. The default is 300.</summary>
    public int Iterations { get; init; } = 300;

    /// <summary>Only the heaviest nodes are laid out (see <see cref="Graph.Top"/>). The default is 500, where one
    /// O(n²) layout still takes well under a second.</summary>
    public int MaxNodes { get; init; } = 500;
}

/// <summary>Fruchterman–Reingold force-directed layout: deterministic, O(n² + m) per iteration.</summary>
public static class ForceLayout
{
    /// <summary>Lays out the heaviest <see cref="ForceLayoutOptions.MaxNodes"/> nodes of <paramref name="graph"/>.</summary>
    public static GraphLayout Compute(Graph graph, ForceLayoutOptions? options = null)
    {
        throw new NotImplementedException("API first; the simulation follows in the next commit.");
    }
}
