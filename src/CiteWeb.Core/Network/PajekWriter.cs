using System.Text;

namespace CiteWeb.Core.Network;

/// <summary>
/// Pajek .net: <c>*Vertices N</c>, one line per vertex (<c>1 "label"</c>, with x y z in [0, 1] when laid out),
/// then <c>*Edges</c> with <c>source target weight</c>. Pajek has no quoting rule of its own; inside a label a
/// backslash becomes <c>\\</c> and a double quote <c>\"</c>, the convention igraph's reader and writer share.
/// </summary>
internal static class PajekWriter
{
    public static void Write(Graph graph, TextWriter output, GraphLayout? layout)
    {
        output.Write("*Vertices " + NetworkText.Number(graph.Nodes.Count) + "\n");
        var bounds = layout is null ? default : Bounds.Of(layout.Points);
        for (int i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            output.Write(NetworkText.Number(i + 1));
            output.Write(" \"");
            output.Write(Quote(NetworkText.Label(node.Label)));
            output.Write('"');
            if (layout?[node.Id] is LayoutPoint p)
            {
                var (x, y) = bounds.Unit(p);
                output.Write(" " + NetworkText.Number(x) + " " + NetworkText.Number(y) + " 0.5");
            }
            output.Write('\n');
        }
        output.Write("*Edges\n");
        foreach (var edge in graph.Edges)
        {
            output.Write(NetworkText.Number(graph.IndexOf(edge.Source) + 1) + " " + NetworkText.Number(graph.IndexOf(edge.Target) + 1)
                + " " + NetworkText.Number(edge.Weight) + "\n");
        }
    }

    internal static string Quote(string label)
    {
        if (label.IndexOfAny(['"', '\\']) < 0) return label;
        var sb = new StringBuilder(label.Length + 4);
        foreach (char c in label)
        {
            if (c is '"' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>The bounding box of a layout, to map points into the unit square (Pajek) or a view box (SVG).</summary>
internal readonly record struct Bounds(double MinX, double MinY, double MaxX, double MaxY)
{
    public static Bounds Of(IReadOnlyList<LayoutPoint> points)
    {
        if (points.Count == 0) return new Bounds(0, 0, 1, 1);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var p in points)
        {
            minX = Math.Min(minX, p.X);
            minY = Math.Min(minY, p.Y);
            maxX = Math.Max(maxX, p.X);
            maxY = Math.Max(maxY, p.Y);
        }
        return new Bounds(minX, minY, maxX, maxY);
    }

    /// <summary>The point scaled into [0, 1] on both axes, keeping the aspect ratio; a single point lands at the centre.</summary>
    public (double X, double Y) Unit(LayoutPoint p)
    {
        double span = Math.Max(MaxX - MinX, MaxY - MinY);
        if (span <= 0) return (0.5, 0.5);
        double offsetX = (span - (MaxX - MinX)) / 2, offsetY = (span - (MaxY - MinY)) / 2;
        return ((p.X - MinX + offsetX) / span, (p.Y - MinY + offsetY) / span);
    }
}
