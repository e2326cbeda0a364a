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

/// <summary>
/// Fruchterman–Reingold force-directed layout (1991): every pair of nodes repels with k²/d, every edge attracts with
/// d²/k scaled by 1 + ln(weight), a weak pull to the centre keeps components together, and a linearly cooling
/// temperature caps each step. O(n² + m) per iteration, so the graph is first capped to
/// <see cref="ForceLayoutOptions.MaxNodes"/>. Start positions come from a seeded SplitMix64 generator and the loop
/// order is fixed, so the same graph and seed give the same positions.
/// </summary>
public static class ForceLayout
{
    /// <summary>Lays out the heaviest <see cref="ForceLayoutOptions.MaxNodes"/> nodes of <paramref name="graph"/>.</summary>
    public static GraphLayout Compute(Graph graph, ForceLayoutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new ForceLayoutOptions();
        var g = graph.Top(Math.Max(0, options.MaxNodes));
        int n = g.Nodes.Count;
        var x = new double[n];
        var y = new double[n];
        double side = Math.Sqrt(Math.Max(1, n)); // area n, so the ideal edge length k is 1
        ulong state = unchecked((ulong)options.Seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);
        for (int i = 0; i < n; i++)
        {
            x[i] = (Next(ref state) - 0.5) * side;
            y[i] = (Next(ref state) - 0.5) * side;
        }

        var edges = new (int A, int B, double Pull)[g.Edges.Count];
        for (int e = 0; e < edges.Length; e++)
        {
            var edge = g.Edges[e];
            edges[e] = (g.IndexOf(edge.Source), g.IndexOf(edge.Target), 1 + Math.Log(Math.Max(1, edge.Weight)));
        }

        const double k = 1.0, gravity = 0.05, minDistance = 0.01;
        var dx = new double[n];
        var dy = new double[n];
        int iterations = Math.Max(0, options.Iterations);
        double start = side / 10;
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            for (int i = 0; i < n; i++)
            {
                double xi = x[i], yi = y[i];
                for (int j = i + 1; j < n; j++)
                {
                    double ddx = xi - x[j], ddy = yi - y[j];
                    double d2 = Math.Max(ddx * ddx + ddy * ddy, minDistance * minDistance);
                    double f = k * k / d2; // (k²/d) along the unit vector (ddx, ddy)/d
                    dx[i] += ddx * f;
                    dy[i] += ddy * f;
                    dx[j] -= ddx * f;
                    dy[j] -= ddy * f;
                }
            }
            foreach (var (a, b, pull) in edges)
            {
                double ddx = x[a] - x[b], ddy = y[a] - y[b];
                double d = Math.Max(Math.Sqrt(ddx * ddx + ddy * ddy), minDistance);
                double f = d / k * pull; // (d²/k) along the unit vector
                dx[a] -= ddx * f;
                dy[a] -= ddy * f;
                dx[b] += ddx * f;
                dy[b] += ddy * f;
            }
            double temperature = start * (1 - it / (double)iterations) + 1e-3;
            for (int i = 0; i < n; i++)
            {
                dx[i] -= gravity * x[i];
                dy[i] -= gravity * y[i];
                double length = Math.Sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (length <= 0) continue;
                double step = Math.Min(length, temperature) / length;
                x[i] += dx[i] * step;
                y[i] += dy[i] * step;
            }
        }

        var points = new LayoutPoint[n];
        for (int i = 0; i < n; i++) points[i] = new LayoutPoint(x[i], y[i]);
        return new GraphLayout(g, points);
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014) as a double in [0, 1): small, fast, and the same on every
    /// runtime, unlike <see cref="Random"/> whose algorithm is an implementation detail.</summary>
    private static double Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
