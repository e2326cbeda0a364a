using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

/// <summary>The network builders against the hand count of <see cref="SmallCorpus"/>.</summary>
public sealed class GraphTests
{
    private readonly CitationCorpus _corpus = SmallCorpus.Build();

    // Work pairs per bibliography: b1 AB AC BC; b2 AB AD BD; b3 AC AD CD; b4 BC BE CE; b6 AB AE BE; b7 GH GI HI.
    // So AB 3, AC 2, AD 2, BC 2, BE 2, and BD CD CE AE GH GI HI 1 each.

    [Fact]
    public void Works_network_with_edge_threshold()
    {
        var graph = Graph.Works(_corpus, minEdge: 2);
        Assert.Equal(GraphKind.Works, graph.Kind);
        // All nine works are nodes, heaviest first, ties by label: A 4 "Crawford & Joler 2018" < B 4 "Noble 2018"; C 3;
        // D 2 "Benjamin 2019" < E 2 "Kjøsen 2022"; then the 1s by label.
        Assert.Equal(["A", "B", "C", "D", "E", "I", "F", "G", "H"], graph.Nodes.Select(n => n.Id));
        Assert.Equal([4, 4, 3, 2, 2, 1, 1, 1, 1], graph.Nodes.Select(n => n.Weight));
        Assert.Equal(2018, graph.Nodes[0].Year);
        Assert.Equal([("A", "B", 3), ("A", "C", 2), ("A", "D", 2), ("B", "C", 2), ("B", "E", 2)],
            graph.Edges.Select(e => (e.Source, e.Target, e.Weight)).ToArray());
    }

    [Fact]
    public void Works_network_with_node_threshold()
    {
        var graph = Graph.Works(_corpus, minEdge: 1, minCitations: 2);
        // Nodes A B C D E; edges among them: AB 3, AC 2, AD 2, AE 1, BC 2, BD 1, BE 2, CD 1, CE 1.
        Assert.Equal(["A", "B", "C", "D", "E"], graph.Nodes.Select(n => n.Id));
        Assert.Equal(9, graph.Edges.Count);
        Assert.Equal(15, graph.Edges.Sum(e => e.Weight)); // 3+2+2+1+2+1+2+1+1
    }

    [Fact]
    public void Authors_and_coupling_networks()
    {
        var authors = Graph.Authors(_corpus, minEdge: 4);
        // Crawford-Joler b1 b2 b3 b6 = 4 and Crawford-Noble,S b1 b2 b4 b6 = 4 are the only pairs at 4
        // (Joler-Noble,S: b1 b2 b6 = 3).
        Assert.Equal([("crawford,k", "joler,v", 4), ("crawford,k", "noble,s", 4)],
            authors.Edges.Select(e => (e.Source, e.Target, e.Weight)).Order().ToArray());
        Assert.Equal(6, authors.Nodes.Single(n => n.Id == "crawford,k").Weight);

        var coupling = Graph.Coupling(_corpus, minEdge: 2);
        Assert.Equal(7, coupling.Edges.Count);      // the seven pairs sharing two works
        Assert.All(coupling.Nodes.Where(n => n.Id != "b5"), n => Assert.Equal(3, n.Weight)); // each cites three works
    }

    [Fact]
    public void Top_keeps_the_heaviest_nodes_and_their_edges()
    {
        var top = Graph.Works(_corpus).Top(3);
        Assert.Equal(["A", "B", "C"], top.Nodes.Select(n => n.Id));
        Assert.Equal([("A", "B", 3), ("A", "C", 2), ("B", "C", 2)], top.Edges.Select(e => (e.Source, e.Target, e.Weight)).ToArray());
    }

    [Fact]
    public void Bad_edges_are_rejected()
    {
        GraphNode[] nodes = [new("a", "a", null, 1), new("b", "b", null, 1)];
        Assert.Throws<ArgumentException>(() => new Graph(GraphKind.Works, nodes, [new GraphEdge("a", "z", 1)]));
        Assert.Throws<ArgumentException>(() => new Graph(GraphKind.Works, nodes, [new GraphEdge("a", "a", 1)]));
        var merged = new Graph(GraphKind.Works, nodes, [new GraphEdge("a", "b", 1), new GraphEdge("b", "a", 2)]);
        Assert.Equal(3, merged.Edges.Single().Weight);
    }
}
