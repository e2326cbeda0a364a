using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

public sealed class ForceLayoutTests
{
    [Fact]
    public void Same_graph_and_seed_give_the_same_layout_and_another_seed_another()
    {
        var graph = Graph.Works(SmallCorpus.Build());
        var a = ForceLayout.Compute(graph);
        var b = ForceLayout.Compute(Graph.Works(SmallCorpus.Build()));
        Assert.Equal(a.Points, b.Points);
        var c = ForceLayout.Compute(graph, new ForceLayoutOptions { Seed = 2 });
        Assert.NotEqual(a.Points, c.Points);
    }

    [Fact]
    public void Linked_nodes_end_closer_than_unlinked_ones()
    {
        // Two triangles joined by nothing: within a triangle the distance must be below the distance across.
        var graph = new Graph(GraphKind.Works,
            Enumerable.Range(0, 6).Select(i => new GraphNode("n" + i, "n" + i, null, 1)),
            [new("n0", "n1", 3), new("n1", "n2", 3), new("n0", "n2", 3), new("n3", "n4", 3), new("n4", "n5", 3), new("n3", "n5", 3)]);
        var layout = ForceLayout.Compute(graph);
        double D(string p, string q)
        {
            var (u, v) = (layout[p]!.Value, layout[q]!.Value);
            return Math.Sqrt((u.X - v.X) * (u.X - v.X) + (u.Y - v.Y) * (u.Y - v.Y));
        }
        double within = new[] { D("n0", "n1"), D("n1", "n2"), D("n3", "n4"), D("n4", "n5") }.Max();
        double across = new[] { D("n0", "n3"), D("n1", "n4"), D("n2", "n5") }.Min();
        Assert.True(within < across, $"within {within:0.###} should be below across {across:0.###}");
    }

    [Fact]
    public void The_node_cap_keeps_the_heaviest()
    {
        var layout = ForceLayout.Compute(Graph.Works(SmallCorpus.Build()), new ForceLayoutOptions { MaxNodes = 3 });
        Assert.Equal(["A", "B", "C"], layout.Graph.Nodes.Select(n => n.Id));
        Assert.Equal(3, layout.Points.Count);
        Assert.Null(layout["D"]);
    }

    [Fact]
    public void Degenerate_graphs_lay_out_to_finite_points()
    {
        Assert.Empty(ForceLayout.Compute(new Graph(GraphKind.Works, [], [])).Points);
        var one = ForceLayout.Compute(new Graph(GraphKind.Works, [new GraphNode("x", "x", null, 1)], []));
        Assert.True(double.IsFinite(one.Points[0].X) && double.IsFinite(one.Points[0].Y));
    }
}
