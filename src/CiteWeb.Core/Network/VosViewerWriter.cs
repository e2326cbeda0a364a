using System.Text.Json;

namespace CiteWeb.Core.Network;

/// <summary>
/// VOSviewer's files, as its manual describes them. Items are numbered 1..N in <see cref="Graph.Nodes"/> order.
/// The map file is tab-separated with a header row: <c>id label [x y] [cluster] weight&lt;Links&gt;
/// weight&lt;Total link strength&gt; weight&lt;Citations&gt; [score&lt;Year&gt;]</c>; x and y only when laid out (else
/// VOSviewer lays the map out itself), cluster only when clustered, the year score only when every node has a
/// year (a score column needs a number on every row). The network file has no header: <c>id1 id2 strength</c>.
/// VOSviewer Online's JSON holds the same: <c>{"network": {"items": [{"id", "label", "x", "y", "cluster",
/// "weights": {...}, "scores": {...}}], "links": [{"source_id", "target_id", "strength"}]}}</c>.
/// </summary>
internal static class VosViewerWriter
{
    public static void WriteMap(Graph graph, TextWriter output, GraphLayout? layout)
    {
        var columns = Columns.Of(graph, layout);
        var header = new List<string> { "id", "label" };
        if (columns.Positions) header.AddRange(["x", "y"]);
        if (columns.Clusters) header.Add("cluster");
        header.AddRange(["weight<Links>", "weight<Total link strength>", "weight<" + columns.WeightName + ">"]);
        if (columns.Years) header.Add("score<Year>");
        output.Write(string.Join('\t', header) + "\n");

        var (links, strength) = Degrees(graph);
        for (int i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            var row = new List<string> { NetworkText.Number(i + 1), NetworkText.Label(node.Label) };
            if (columns.Positions)
            {
                var p = layout![node.Id]!.Value;
                row.AddRange([NetworkText.Number(p.X), NetworkText.Number(-p.Y)]); // VOSviewer's y axis points up
            }
            if (columns.Clusters) row.Add(NetworkText.Number(node.Cluster!.Value));
            row.AddRange([NetworkText.Number(links[i]), NetworkText.Number(strength[i]), NetworkText.Number(node.Weight)]);
            if (columns.Years) row.Add(NetworkText.Number(node.Year!.Value));
            output.Write(string.Join('\t', row) + "\n");
        }
    }

    public static void WriteNetwork(Graph graph, TextWriter output)
    {
        foreach (var edge in graph.Edges)
            output.Write(NetworkText.Number(graph.IndexOf(edge.Source) + 1) + "\t" + NetworkText.Number(graph.IndexOf(edge.Target) + 1)
                + "\t" + NetworkText.Number(edge.Weight) + "\n");
    }

    public static void WriteOnlineJson(Graph graph, Stream output, GraphLayout? layout)
    {
        var columns = Columns.Of(graph, layout);
        var (links, strength) = Degrees(graph);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("network");
        json.WriteStartArray("items");
        for (int i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            json.WriteStartObject();
            json.WriteNumber("id", i + 1);
            json.WriteString("label", NetworkText.Label(node.Label));
            if (columns.Positions)
            {
                var p = layout![node.Id]!.Value;
                json.WriteNumber("x", Math.Round(p.X, 4));
                json.WriteNumber("y", Math.Round(-p.Y, 4));
            }
            if (columns.Clusters) json.WriteNumber("cluster", node.Cluster!.Value);
            json.WriteStartObject("weights");
            json.WriteNumber("Links", links[i]);
            json.WriteNumber("Total link strength", strength[i]);
            json.WriteNumber(columns.WeightName, node.Weight);
            json.WriteEndObject();
            if (columns.Years)
            {
                json.WriteStartObject("scores");
                json.WriteNumber("Year", node.Year!.Value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("links");
        foreach (var edge in graph.Edges)
        {
            json.WriteStartObject();
            json.WriteNumber("source_id", graph.IndexOf(edge.Source) + 1);
            json.WriteNumber("target_id", graph.IndexOf(edge.Target) + 1);
            json.WriteNumber("strength", edge.Weight);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Per node: how many links it has and the sum of their strengths (VOSviewer's two standard weights).</summary>
    private static (int[] Links, int[] Strength) Degrees(Graph graph)
    {
        var links = new int[graph.Nodes.Count];
        var strength = new int[graph.Nodes.Count];
        foreach (var edge in graph.Edges)
        {
            foreach (int i in (ReadOnlySpan<int>)[graph.IndexOf(edge.Source), graph.IndexOf(edge.Target)])
            {
                links[i]++;
                strength[i] += edge.Weight;
            }
        }
        return (links, strength);
    }

    private sealed record Columns(bool Positions, bool Clusters, bool Years, string WeightName)
    {
        public static Columns Of(Graph graph, GraphLayout? layout) => new(
            layout is not null && graph.Nodes.All(n => layout[n.Id] is not null),
            graph.Nodes.Count > 0 && graph.Nodes.All(n => n.Cluster is not null),
            graph.Nodes.Count > 0 && graph.Nodes.All(n => n.Year is not null),
            graph.Kind == GraphKind.Coupling ? "References" : "Citations");
    }
}
