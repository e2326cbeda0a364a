using System.Globalization;
using System.Xml;

namespace CiteWeb.Core.Network;

/// <summary>Options of <see cref="SvgNetwork"/>.</summary>
public sealed record SvgOptions
{
    /// <summary>View box width. The default is 960.</summary>
    public int Width { get; init; } = 960;
    /// <summary>View box height. The default is 720.</summary>
    public int Height { get; init; } = 720;
    /// <summary>At most this many labels, heaviest nodes first, skipping any that would overlap one already
    /// placed; every node keeps its tooltip. The default is 40.</summary>
    public int MaxLabels { get; init; } = 40;
    /// <summary>The SVG's own title (accessible name), or null.</summary>
    public string? Title { get; init; }
}

/// <summary>
/// A laid-out network as one self-contained SVG element (no scripts, no external references, no XML declaration,
/// so it can stand alone or sit inside an HTML page). Circles have area proportional to citations; edges are
/// drawn first, wider and more opaque as they are heavier; labels go to the heaviest nodes first and a label that
/// would overlap one already placed is tried on the other side of its node, then left out (its node keeps the
/// tooltip). Every text goes through <see cref="NetworkText.Label"/> and the XML writer, so nothing in a label
/// can become markup.
/// </summary>
public static class SvgNetwork
{
    private const string Ns = "http://www.w3.org/2000/svg";
    private const double Margin = 30, LabelMax = 48;
    private static readonly string[] Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>Draws <paramref name="layout"/>'s graph: circles sized by citations, edges faded by weight,
    /// labels for the heaviest nodes, a &lt;title&gt; tooltip on every node and edge.</summary>
    public static string Render(GraphLayout layout, SvgOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        options ??= new SvgOptions();
        var graph = layout.Graph;
        int width = Math.Max(100, options.Width), height = Math.Max(100, options.Height);
        var view = ViewOf(layout.Points, width, height);
        int maxWeight = graph.Nodes.Count == 0 ? 1 : Math.Max(1, graph.Nodes.Max(n => n.Weight));
        int maxEdge = graph.Edges.Count == 0 ? 1 : Math.Max(1, graph.Edges.Max(e => e.Weight));

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var xml = XmlWriter.Create(text, Settings))
        {
            xml.WriteStartElement("svg", Ns);
            xml.WriteAttributeString("viewBox", "0 0 " + width + " " + height);
            xml.WriteAttributeString("width", N(width));
            xml.WriteAttributeString("height", N(height));
            xml.WriteAttributeString("role", "img");
            xml.WriteAttributeString("font-family", "sans-serif");
            var title = NetworkText.Label(options.Title ?? GraphText.Description(graph.Kind));
            xml.WriteAttributeString("aria-label", title);
            xml.WriteElementString("title", Ns, title);

            var labels = graph.Nodes.Select(node => NetworkText.Label(node.Label)).ToArray();
            xml.WriteStartElement("g", Ns);
            xml.WriteAttributeString("class", "edges");
            xml.WriteAttributeString("stroke", "#888888");
            foreach (var edge in graph.Edges)
            {
                int a = graph.IndexOf(edge.Source), b = graph.IndexOf(edge.Target);
                var (x1, y1) = view(layout.Points[a]);
                var (x2, y2) = view(layout.Points[b]);
                double share = edge.Weight / (double)maxEdge;
                xml.WriteStartElement("line", Ns);
                xml.WriteAttributeString("x1", N(x1));
                xml.WriteAttributeString("y1", N(y1));
                xml.WriteAttributeString("x2", N(x2));
                xml.WriteAttributeString("y2", N(y2));
                xml.WriteAttributeString("stroke-width", N(0.5 + 2.5 * share));
                xml.WriteAttributeString("stroke-opacity", N(0.12 + 0.6 * share));
                xml.WriteElementString("title", Ns, labels[a] + " — " + labels[b] + ": " + edge.Weight.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteStartElement("g", Ns);
            xml.WriteAttributeString("class", "nodes");
            xml.WriteAttributeString("stroke", "#ffffff");
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                var node = graph.Nodes[i];
                var (cx, cy) = view(layout.Points[i]);
                xml.WriteStartElement("circle", Ns);
                xml.WriteAttributeString("cx", N(cx));
                xml.WriteAttributeString("cy", N(cy));
                xml.WriteAttributeString("r", N(GraphText.Radius(node.Weight, maxWeight)));
                xml.WriteAttributeString("fill", Palette[((node.Cluster ?? 1) - 1 + Palette.Length * 1000) % Palette.Length]);
                xml.WriteElementString("title", Ns, Tooltip(node, graph.Kind));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteStartElement("g", Ns);
            xml.WriteAttributeString("class", "labels");
            xml.WriteAttributeString("fill", "#222222");
            xml.WriteAttributeString("stroke", "#ffffff");
            xml.WriteAttributeString("stroke-width", "3");
            xml.WriteAttributeString("paint-order", "stroke");
            foreach (var label in SvgLabels.Place(graph, layout.Points, view, maxWeight, options.MaxLabels, width, height))
            {
                xml.WriteStartElement("text", Ns);
                xml.WriteAttributeString("x", N(label.X));
                xml.WriteAttributeString("y", N(label.Y));
                xml.WriteAttributeString("font-size", N(label.FontSize));
                if (label.AnchorEnd) xml.WriteAttributeString("text-anchor", "end");
                xml.WriteString(label.Text);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement(); // svg
        }
        return text.ToString();
    }

    private static readonly XmlWriterSettings Settings = CreateSettings();

    private static XmlWriterSettings CreateSettings()
    {
        var settings = XmlOutput.Settings.Clone();
        settings.OmitXmlDeclaration = true;
        settings.ConformanceLevel = ConformanceLevel.Fragment;
        return settings;
    }

    private static string Tooltip(GraphNode node, GraphKind kind)
    {
        var label = NetworkText.Label(node.Label);
        var year = node.Year is int y ? " (" + y.ToString(CultureInfo.InvariantCulture) + ")" : "";
        return label + year + ": " + node.Weight.ToString(CultureInfo.InvariantCulture) + " " + GraphText.WeightName(kind);
    }

    /// <summary>Scales layout units uniformly into the view box inside a margin; a lone point goes to the centre.</summary>
    private static Func<LayoutPoint, (double X, double Y)> ViewOf(IReadOnlyList<LayoutPoint> points, int width, int height)
    {
        var b = Bounds.Of(points);
        double spanX = b.MaxX - b.MinX, spanY = b.MaxY - b.MinY;
        double scale = Math.Min((width - 2 * (Margin + 24)) / Math.Max(spanX, 1e-9), (height - 2 * (Margin + 24)) / Math.Max(spanY, 1e-9));
        if (spanX <= 0 && spanY <= 0) scale = 0;
        double offsetX = width / 2.0 - (b.MinX + spanX / 2) * scale, offsetY = height / 2.0 - (b.MinY + spanY / 2) * scale;
        return p => (p.X * scale + offsetX, p.Y * scale + offsetY);
    }

    internal static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    internal static double MaxLabelLength => LabelMax;
}

/// <summary>Greedy label placement for <see cref="SvgNetwork"/>: heaviest first, right of the node, else left,
/// else left out; widths are estimated (0.56 em a character), which is enough to keep labels apart.</summary>
internal static class SvgLabels
{
    internal readonly record struct Placed(string Text, double X, double Y, double FontSize, bool AnchorEnd);

    public static List<Placed> Place(Graph graph, IReadOnlyList<LayoutPoint> points, Func<LayoutPoint, (double X, double Y)> view,
        int maxWeight, int maxLabels, int width, int height)
    {
        var placed = new List<Placed>();
        var boxes = new List<(double L, double T, double R, double B)>();
        int limit = Math.Min(graph.Nodes.Count, Math.Max(0, maxLabels));
        for (int i = 0; i < limit; i++) // Nodes are ordered heaviest first
        {
            var node = graph.Nodes[i];
            var text = Shorten(NetworkText.Label(node.Label));
            if (text.Length == 0) continue;
            var (cx, cy) = view(points[i]);
            double r = GraphText.Radius(node.Weight, maxWeight);
            double size = 10 + 4 * Math.Sqrt(node.Weight / (double)maxWeight);
            double w = 0.56 * size * text.Length, h = size * 1.2;
            foreach (bool left in (ReadOnlySpan<bool>)[false, true])
            {
                double l = left ? cx - r - 3 - w : cx + r + 3;
                var box = (L: l, T: cy - h / 2, R: l + w, B: cy + h / 2);
                if (box.L < 0 || box.R > width || box.T < 0 || box.B > height) continue;
                if (boxes.Any(o => box.L < o.R && o.L < box.R && box.T < o.B && o.T < box.B)) continue;
                boxes.Add(box);
                placed.Add(new Placed(text, left ? cx - r - 3 : cx + r + 3, cy + size / 3, size, left));
                break;
            }
        }
        return placed;
    }

    private static string Shorten(string label)
    {
        if (label.Length <= SvgNetwork.MaxLabelLength) return label;
        int cut = (int)SvgNetwork.MaxLabelLength - 1;
        if (char.IsHighSurrogate(label[cut - 1])) cut--; // never split a surrogate pair
        return label[..cut].TrimEnd() + "…";
    }
}
