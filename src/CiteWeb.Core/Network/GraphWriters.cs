using System.Text;

namespace CiteWeb.Core.Network;

/// <summary>
/// Network files for Gephi (GEXF 1.3), yEd/Cytoscape (GraphML), Pajek and VOSviewer (map + network files,
/// VOSviewer Online JSON). Each format has a stream writer for the CLI and a string form for reports and tests.
/// Labels go through <see cref="NetworkText.Label"/> first, then through the format's own escaping.
/// </summary>
public static class GraphWriters
{
    /// <summary>GEXF 1.3 (namespace <c>http://gexf.net/1.3</c>, UTF-8): undirected, node attributes year and
    /// citations (and cluster when set), edge weights, viz:size and viz:position when laid out.</summary>
    public static void Gexf13(Graph graph, Stream output, GraphLayout? layout = null) => GexfWriter.Write(graph, output, layout);

    /// <inheritdoc cref="Gexf13(Graph, Stream, GraphLayout?)"/>
    public static string Gexf13(Graph graph, GraphLayout? layout = null) => Utf8(s => GexfWriter.Write(graph, s, layout));

    /// <summary>GraphML (namespace <c>http://graphml.graphdrawing.org/xmlns</c>, UTF-8): node keys label, id
    /// (the original id), year, citations (cluster, x, y when present), edge key weight; nodes are n0, n1, ….</summary>
    public static void GraphMl(Graph graph, Stream output, GraphLayout? layout = null) => GraphMlWriter.Write(graph, output, layout);

    /// <inheritdoc cref="GraphMl(Graph, Stream, GraphLayout?)"/>
    public static string GraphMl(Graph graph, GraphLayout? layout = null) => Utf8(s => GraphMlWriter.Write(graph, s, layout));

    /// <summary>Pajek .net: <c>*Vertices N</c> with quoted labels (<c>\"</c> and <c>\\</c> escaped), unit-square
    /// coordinates when laid out, then <c>*Edges</c> as <c>source target weight</c>.</summary>
    public static void Pajek(Graph graph, TextWriter output, GraphLayout? layout = null) => PajekWriter.Write(graph, output, layout);

    /// <inheritdoc cref="Pajek(Graph, TextWriter, GraphLayout?)"/>
    public static string Pajek(Graph graph, GraphLayout? layout = null) => Text(w => PajekWriter.Write(graph, w, layout));

    /// <summary>VOSviewer map file (tab-separated, header <c>id label [x y] [cluster] weight&lt;Links&gt;
    /// weight&lt;Total link strength&gt; weight&lt;Citations&gt; [score&lt;Year&gt;]</c>); ids 1..N as in
    /// <see cref="VosViewerNetwork(Graph, TextWriter)"/>.</summary>
    public static void VosViewerMap(Graph graph, TextWriter output, GraphLayout? layout = null) => VosViewerWriter.WriteMap(graph, output, layout);

    /// <inheritdoc cref="VosViewerMap(Graph, TextWriter, GraphLayout?)"/>
    public static string VosViewerMap(Graph graph, GraphLayout? layout = null) => Text(w => VosViewerWriter.WriteMap(graph, w, layout));

    /// <summary>VOSviewer network file: no header, one tab-separated line <c>id1 id2 strength</c> per edge.</summary>
    public static void VosViewerNetwork(Graph graph, TextWriter output) => VosViewerWriter.WriteNetwork(graph, output);

    /// <inheritdoc cref="VosViewerNetwork(Graph, TextWriter)"/>
    public static string VosViewerNetwork(Graph graph) => Text(w => VosViewerWriter.WriteNetwork(graph, w));

    /// <summary>VOSviewer Online JSON: <c>{"network": {"items": [{"id", "label", "x", "y", "cluster", "weights",
    /// "scores"}], "links": [{"source_id", "target_id", "strength"}]}}</c>.</summary>
    public static void VosViewerOnlineJson(Graph graph, Stream output, GraphLayout? layout = null) => VosViewerWriter.WriteOnlineJson(graph, output, layout);

    /// <inheritdoc cref="VosViewerOnlineJson(Graph, Stream, GraphLayout?)"/>
    public static string VosViewerOnlineJson(Graph graph, GraphLayout? layout = null) => Utf8(s => VosViewerWriter.WriteOnlineJson(graph, s, layout));

    private static string Utf8(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Text(Action<TextWriter> write)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }
}
