using System.Text.Json;
using System.Xml.Linq;
using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

/// <summary>The network files: valid against their schemas, escaped, and in the shapes the tools read.</summary>
public sealed class GraphWriterTests
{
    /// <summary>Every hostile character a label can carry: markup, both quotes, a backslash, a tab, line breaks,
    /// a NUL and a vertical tab (forbidden in XML 1.0), an unpaired surrogate, and a character outside the BMP.</summary>
    private const string Hostile = "<b>Tsing & \"Friends\"</b> 'x' \\ a\tb\r\nc\0d\ve\uD800f 𝔸";

    private static Graph Sample() => new(GraphKind.Works,
        [
            new GraphNode("10.1000/x y", Hostile, 2015, 5, 1),
            new GraphNode("w2", "Noble 2018", null, 3, 2),
            new GraphNode("w3", "Benjamin 2019", 2019, 1, 2),
        ],
        [new GraphEdge("10.1000/x y", "w2", 2), new GraphEdge("w2", "w3", 1)]);

    private static readonly string Clean = "<b>Tsing & \"Friends\"</b> 'x' \\ a b cdef 𝔸";

    [Fact]
    public void Hostile_labels_are_cleaned_to_one_legal_line() => Assert.Equal(Clean, NetworkText.Label(Hostile));

    [Theory]
    [InlineData(null, "")]
    [InlineData("  two   spaces  ", "two spaces")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("bell\u0007", "bell")]
    [InlineData("c1\u0085control", "c1 control")]
    [InlineData("\uFFFEnon\uFFFF", "non")]
    public void Label_rows(string? input, string expected) => Assert.Equal(expected, NetworkText.Label(input));

    [Fact]
    public void Unpaired_surrogates_are_dropped_and_pairs_kept()
    {
        // Not [InlineData]: test-case serialisation would turn a lone surrogate into U+FFFD before the call.
        Assert.Equal("lowalone", NetworkText.Label("low" + '\uDC00' + "alone"));
        Assert.Equal("highalone", NetworkText.Label("high" + '\uD800' + "alone"));
        Assert.Equal("end", NetworkText.Label("end" + '\uD800'));
        Assert.Equal("\uD835\uDD38", NetworkText.Label("\uD835\uDD38"));
    }

    [Fact]
    public void GraphMl_is_valid_and_keeps_ids_and_labels()
    {
        var graph = Sample();
        var xml = GraphWriters.GraphMl(graph, ForceLayout.Compute(graph));
        Assert.Empty(SchemaValidation.GraphMl(xml));
        var doc = XDocument.Parse(xml);
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var first = doc.Descendants(g + "node").First();
        Assert.Equal("n0", first.Attribute("id")!.Value);
        Assert.Equal(Clean, first.Elements(g + "data").Single(d => (string?)d.Attribute("key") == "label").Value);
        Assert.Equal("10.1000/x y", first.Elements(g + "data").Single(d => (string?)d.Attribute("key") == "ref").Value);
        Assert.Equal(["2", "1"], doc.Descendants(g + "edge").Select(e => e.Element(g + "data")!.Value));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
    }

    [Fact]
    public void The_graphml_schema_rejects_what_it_should()
    {
        // The validator is live: a node without an id and an edge to nowhere in a wrong element order must fail.
        var bad = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"undirected\"><node/></graph></graphml>";
        Assert.NotEmpty(SchemaValidation.GraphMl(bad));
    }

    [Fact]
    public void Gexf_is_valid_without_and_with_a_layout()
    {
        var graph = Sample();
        Assert.Empty(SchemaValidation.Gexf(GraphWriters.Gexf13(graph)));
        var laidOut = GraphWriters.Gexf13(graph, ForceLayout.Compute(graph));
        Assert.Empty(SchemaValidation.Gexf(laidOut));

        var doc = XDocument.Parse(laidOut);
        XNamespace gexf = "http://gexf.net/1.3", viz = "http://gexf.net/1.3/viz";
        Assert.Equal("1.3", doc.Root!.Attribute("version")!.Value);
        Assert.Equal(gexf + "gexf", doc.Root.Name);
        var node = doc.Descendants(gexf + "node").First();
        Assert.Equal("10.1000/x y", node.Attribute("id")!.Value);
        Assert.Equal(Clean, node.Attribute("label")!.Value);
        Assert.Equal(["2015", "5", "1"], node.Descendants(gexf + "attvalue").Select(a => a.Attribute("value")!.Value));
        var position = node.Element(viz + "position")!;
        Assert.True(double.TryParse(position.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("24", node.Element(viz + "size")!.Attribute("value")!.Value); // the heaviest node: 4 + 20 * sqrt(5/5)
        Assert.Equal(["2", "1"], doc.Descendants(gexf + "edge").Select(e => e.Attribute("weight")!.Value));
    }

    [Fact]
    public void The_gexf_schema_rejects_what_it_should()
    {
        var edgeWithoutSource = GraphWriters.Gexf13(Sample()).Replace("source=\"w2\"", "");
        Assert.NotEmpty(SchemaValidation.Gexf(edgeWithoutSource));
    }

    [Fact]
    public void Pajek_numbers_vertices_and_escapes_quotes()
    {
        var text = GraphWriters.Pajek(Sample());
        Assert.Equal(
            "*Vertices 3\n" +
            "1 \"<b>Tsing & \\\"Friends\\\"</b> 'x' \\\\ a b cdef 𝔸\"\n" +
            "2 \"Noble 2018\"\n" +
            "3 \"Benjamin 2019\"\n" +
            "*Edges\n" +
            "1 2 2\n" +
            "2 3 1\n", text);
    }

    [Fact]
    public void Pajek_coordinates_lie_in_the_unit_square()
    {
        var graph = Sample();
        var lines = GraphWriters.Pajek(graph, ForceLayout.Compute(graph)).Split('\n');
        foreach (var line in lines.Skip(1).Take(3))
        {
            var parts = line[(line.LastIndexOf('"') + 2)..].Split(' ').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(3, parts.Length);
            Assert.All(parts, p => Assert.InRange(p, 0, 1));
        }
    }

    [Fact]
    public void VosViewer_map_and_network_files()
    {
        var graph = Sample();
        var map = GraphWriters.VosViewerMap(graph).Split('\n');
        // No layout: no x and y (VOSviewer lays out itself); every node has a cluster; w2 has no year, so no score column.
        // Links / total link strength: node 1 has edge 2 -> 1, 2; node 2 has edges 2 and 1 -> 2, 3; node 3 -> 1, 1.
        Assert.Equal("id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Citations>", map[0]);
        Assert.Equal("1\t" + Clean + "\t1\t1\t2\t5", map[1]);
        Assert.Equal("2\tNoble 2018\t2\t2\t3\t3", map[2]);
        Assert.Equal("3\tBenjamin 2019\t2\t1\t1\t1", map[3]);
        Assert.Equal("1\t2\t2\n2\t3\t1\n", GraphWriters.VosViewerNetwork(graph));

        var laidOut = GraphWriters.VosViewerMap(graph, ForceLayout.Compute(graph)).Split('\n');
        Assert.StartsWith("id\tlabel\tx\ty\tcluster\t", laidOut[0]);
        Assert.Equal(8, laidOut[1].Split('\t').Length); // id label x y cluster links strength citations
    }

    [Fact]
    public void VosViewer_online_json_has_the_documented_shape()
    {
        var graph = Sample();
        using var doc = JsonDocument.Parse(GraphWriters.VosViewerOnlineJson(graph, ForceLayout.Compute(graph)));
        var network = doc.RootElement.GetProperty("network");
        var items = network.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(3, items.Length);
        Assert.Equal(1, items[0].GetProperty("id").GetInt32());
        Assert.Equal(Clean, items[0].GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Number, items[0].GetProperty("x").ValueKind);
        Assert.Equal(JsonValueKind.Number, items[0].GetProperty("y").ValueKind);
        Assert.Equal(1, items[0].GetProperty("cluster").GetInt32());
        Assert.Equal(5, items[0].GetProperty("weights").GetProperty("Citations").GetInt32());
        Assert.Equal(2, items[0].GetProperty("weights").GetProperty("Total link strength").GetInt32());
        Assert.False(items[0].TryGetProperty("scores", out _)); // w2 has no year
        var links = network.GetProperty("links").EnumerateArray()
            .Select(l => (l.GetProperty("source_id").GetInt32(), l.GetProperty("target_id").GetInt32(), l.GetProperty("strength").GetInt32())).ToArray();
        Assert.Equal([(1, 2, 2), (2, 3, 1)], links);
    }

    [Fact]
    public void Equal_input_gives_equal_bytes()
    {
        var a = GraphWriters.Gexf13(Graph.Works(SmallCorpus.Build()), ForceLayout.Compute(Graph.Works(SmallCorpus.Build())));
        var b = GraphWriters.Gexf13(Graph.Works(SmallCorpus.Build()), ForceLayout.Compute(Graph.Works(SmallCorpus.Build())));
        Assert.Equal(a, b);
    }

    [Fact]
    public void An_empty_graph_writes_valid_files()
    {
        var empty = new Graph(GraphKind.Coupling, [], []);
        Assert.Empty(SchemaValidation.GraphMl(GraphWriters.GraphMl(empty)));
        Assert.Empty(SchemaValidation.Gexf(GraphWriters.Gexf13(empty, ForceLayout.Compute(empty))));
        Assert.Equal("*Vertices 0\n*Edges\n", GraphWriters.Pajek(empty));
        Assert.Equal("", GraphWriters.VosViewerNetwork(empty));
    }
}
