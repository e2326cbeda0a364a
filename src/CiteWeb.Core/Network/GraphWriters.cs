namespace CiteWeb.Core.Network;

/// <summary>
/// Network files for Gephi, yEd/Cytoscape, Pajek and VOSviewer. Every writer takes a <see cref="Graph"/> and,
/// where the format holds coordinates, an optional <see cref="GraphLayout"/>; labels are escaped for their format
/// and characters XML 1.0 forbids are dropped.
/// </summary>
public static class GraphWriters
{
    /// <summary>GEXF 1.3 (namespace <c>http://gexf.net/1.3</c>), undirected, with node attributes year and citations,
    /// edge weights, and viz:size/viz:position when laid out. Valid against the official gexf.xsd.</summary>
    public static void Gexf13(Graph graph, TextWriter output, GraphLayout? layout = null) => throw new NotImplementedException();

    /// <summary>GraphML (namespace <c>http://graphml.graphdrawing.org/xmlns</c>) with keys label, year, citations
    /// (nodes) and weight (edges). Valid against graphml.xsd.</summary>
    public static void GraphMl(Graph graph, TextWriter output, GraphLayout? layout = null) => throw new NotImplementedException();

    /// <summary>Pajek .net: <c>*Vertices N</c> with quoted labels, then <c>*Edges</c> with weights.</summary>
    public static void Pajek(Graph graph, TextWriter output, GraphLayout? layout = null) => throw new NotImplementedException();

    /// <summary>VOSviewer map file: tab-separated with header <c>id label x y cluster weight&lt;...&gt;</c>.</summary>
    public static void VosViewerMap(Graph graph, TextWriter output, GraphLayout? layout = null) => throw new NotImplementedException();

    /// <summary>VOSviewer network file: tab-separated lines <c>id1 id2 strength</c>, ids as in the map file.</summary>
    public static void VosViewerNetwork(Graph graph, TextWriter output) => throw new NotImplementedException();

    /// <summary>VOSviewer Online JSON: <c>{"network": {"items": [...], "links": [...]}}</c>.</summary>
    public static void VosViewerOnlineJson(Graph graph, Stream output, GraphLayout? layout = null) => throw new NotImplementedException();
}
