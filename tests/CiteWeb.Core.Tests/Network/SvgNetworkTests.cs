using System.Xml.Linq;
using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

public sealed class SvgNetworkTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Svg_is_well_formed_self_contained_and_escaped()
    {
        var graph = new Graph(GraphKind.Works,
            [new GraphNode("a", "<script>alert(1)</script> & \"q\"\u0001", 2020, 4), new GraphNode("b", "Noble 2018", 2018, 1)],
            [new GraphEdge("a", "b", 2)]);
        var svg = SvgNetwork.Render(ForceLayout.Compute(graph), new SvgOptions { Title = "Co-citation <network>" });
        var doc = XDocument.Parse(svg); // throws if the escaping let markup through
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal("0 0 960 720", doc.Root.Attribute("viewBox")!.Value);
        Assert.Empty(doc.Descendants(Svg + "script"));
        Assert.DoesNotContain("<script>", svg);
        Assert.DoesNotContain("href", svg);
        Assert.Equal("Co-citation <network>", doc.Root.Element(Svg + "title")!.Value);
        var circles = doc.Descendants(Svg + "circle").ToArray();
        Assert.Equal("<script>alert(1)</script> & \"q\" (2020): 4 citations", circles[0].Element(Svg + "title")!.Value);
        Assert.Equal("24", circles[0].Attribute("r")!.Value);       // 4 + 20 * sqrt(4/4)
        Assert.Equal("14", circles[1].Attribute("r")!.Value);       // 4 + 20 * sqrt(1/4)
        Assert.Equal("<script>alert(1)</script> & \"q\" — Noble 2018: 2", doc.Descendants(Svg + "line").Single().Element(Svg + "title")!.Value);
        Assert.Equal(["<script>alert(1)</script> & \"q\"", "Noble 2018"], doc.Descendants(Svg + "text").Select(t => t.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nodes_stay_inside_the_view_box()
    {
        var graph = Graph.Works(SmallCorpus.Build());
        var doc = XDocument.Parse(SvgNetwork.Render(ForceLayout.Compute(graph)));
        foreach (var c in doc.Descendants(Svg + "circle"))
        {
            double x = double.Parse(c.Attribute("cx")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            double y = double.Parse(c.Attribute("cy")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            double r = double.Parse(c.Attribute("r")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(x - r, 0, 960);
            Assert.InRange(x + r, 0, 960);
            Assert.InRange(y - r, 0, 720);
            Assert.InRange(y + r, 0, 720);
        }
        Assert.Equal(9, doc.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public void Labels_are_capped_heaviest_first_and_do_not_overlap()
    {
        var graph = new Graph(GraphKind.Works,
            Enumerable.Range(0, 200).Select(i => new GraphNode("n" + i, "A rather long work label number " + i, null, 200 - i)),
            Enumerable.Range(1, 199).Select(i => new GraphEdge("n0", "n" + i, 1)));
        var doc = XDocument.Parse(SvgNetwork.Render(ForceLayout.Compute(graph), new SvgOptions { MaxLabels = 25 }));
        var texts = doc.Descendants(Svg + "text").ToArray();
        Assert.InRange(texts.Length, 1, 25);
        Assert.Equal("A rather long work label number 0", texts[0].Value); // the heaviest node is labelled first
        Assert.Equal(200, doc.Descendants(Svg + "circle").Count(c => c.Element(Svg + "title") is not null)); // every node keeps its tooltip
    }
}
