using System.Xml;

namespace CiteWeb.Core.Network;

/// <summary>GraphML for yEd, Cytoscape, igraph and networkx. GraphML ids must be XML name tokens, which work
/// ids (DOIs with slashes) are not, so nodes are n0, n1, … and the original id is the data key "id".</summary>
internal static class GraphMlWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(Graph graph, Stream output, GraphLayout? layout)
    {
        using var xml = XmlWriter.Create(output, XmlOutput.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        bool clusters = graph.Nodes.Any(n => n.Cluster is not null);
        Key(xml, "label", "node", "label", "string");
        Key(xml, "ref", "node", "id", "string");
        Key(xml, "year", "node", "year", "int");
        Key(xml, "citations", "node", GraphText.WeightName(graph.Kind), "int");
        if (clusters) Key(xml, "cluster", "node", "cluster", "int");
        if (layout is not null)
        {
            Key(xml, "x", "node", "x", "double");
            Key(xml, "y", "node", "y", "double");
        }
        Key(xml, "weight", "edge", "weight", "double");

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", "G");
        xml.WriteAttributeString("edgedefault", "undirected");
        for (int i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", "n" + NetworkText.Number(i));
            Data(xml, "label", NetworkText.Label(node.Label));
            Data(xml, "ref", NetworkText.Label(node.Id));
            if (node.Year is int year) Data(xml, "year", NetworkText.Number(year));
            Data(xml, "citations", NetworkText.Number(node.Weight));
            if (node.Cluster is int cluster) Data(xml, "cluster", NetworkText.Number(cluster));
            if (layout?[node.Id] is LayoutPoint p)
            {
                Data(xml, "x", NetworkText.Number(p.X));
                Data(xml, "y", NetworkText.Number(p.Y));
            }
            xml.WriteEndElement();
        }
        for (int i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + NetworkText.Number(i));
            xml.WriteAttributeString("source", "n" + NetworkText.Number(graph.IndexOf(edge.Source)));
            xml.WriteAttributeString("target", "n" + NetworkText.Number(graph.IndexOf(edge.Target)));
            Data(xml, "weight", NetworkText.Number(edge.Weight));
            xml.WriteEndElement();
        }
        xml.WriteEndElement(); // graph
        xml.WriteEndElement(); // graphml
        xml.WriteEndDocument();
    }

    private static void Key(XmlWriter xml, string id, string domain, string name, string type)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
