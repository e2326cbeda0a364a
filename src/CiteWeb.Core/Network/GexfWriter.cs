using System.Xml;

namespace CiteWeb.Core.Network;

/// <summary>GEXF 1.3 for Gephi: one undirected static graph, node attributes year, citations and (when set)
/// cluster, edge weights, and viz:size / viz:position when a layout is given.</summary>
internal static class GexfWriter
{
    public const string Namespace = "http://gexf.net/1.3";
    public const string VizNamespace = "http://gexf.net/1.3/viz";

    public static void Write(Graph graph, Stream output, GraphLayout? layout)
    {
        using var xml = XmlWriter.Create(output, XmlOutput.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("xmlns", "viz", null, VizNamespace);
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteElementString("creator", Namespace, "CiteWeb");
        xml.WriteElementString("description", Namespace, GraphText.Description(graph.Kind));
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("defaultedgetype", "undirected");
        xml.WriteAttributeString("mode", "static");
        bool clusters = graph.Nodes.Any(n => n.Cluster is not null);
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", "node");
        xml.WriteAttributeString("mode", "static");
        Attribute(xml, "year", "year");
        Attribute(xml, "citations", GraphText.WeightName(graph.Kind));
        if (clusters) Attribute(xml, "cluster", "cluster");
        xml.WriteEndElement();

        xml.WriteStartElement("nodes", Namespace);
        xml.WriteAttributeString("count", NetworkText.Number(graph.Nodes.Count));
        int maxWeight = graph.Nodes.Count == 0 ? 1 : Math.Max(1, graph.Nodes.Max(n => n.Weight));
        for (int i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", NetworkText.Label(node.Id));
            xml.WriteAttributeString("label", NetworkText.Label(node.Label));
            xml.WriteStartElement("attvalues", Namespace);
            if (node.Year is int year) AttValue(xml, "year", NetworkText.Number(year));
            AttValue(xml, "citations", NetworkText.Number(node.Weight));
            if (node.Cluster is int cluster) AttValue(xml, "cluster", NetworkText.Number(cluster));
            xml.WriteEndElement();
            if (layout?[node.Id] is LayoutPoint p)
            {
                xml.WriteStartElement("viz", "size", VizNamespace);
                xml.WriteAttributeString("value", NetworkText.Number(GraphText.Radius(node.Weight, maxWeight)));
                xml.WriteEndElement();
                xml.WriteStartElement("viz", "position", VizNamespace);
                xml.WriteAttributeString("x", NetworkText.Number(p.X));
                xml.WriteAttributeString("y", NetworkText.Number(p.Y));
                xml.WriteAttributeString("z", "0");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("edges", Namespace);
        xml.WriteAttributeString("count", NetworkText.Number(graph.Edges.Count));
        for (int i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", NetworkText.Number(i));
            xml.WriteAttributeString("source", NetworkText.Label(edge.Source));
            xml.WriteAttributeString("target", NetworkText.Label(edge.Target));
            xml.WriteAttributeString("weight", NetworkText.Number(edge.Weight));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement(); // graph
        xml.WriteEndElement(); // gexf
        xml.WriteEndDocument();
    }

    private static void Attribute(XmlWriter xml, string id, string title)
    {
        xml.WriteStartElement("attribute", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("title", title);
        xml.WriteAttributeString("type", "integer");
        xml.WriteEndElement();
    }

    private static void AttValue(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("attvalue", Namespace);
        xml.WriteAttributeString("for", key);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
