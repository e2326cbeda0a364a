using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

public sealed class ClusteringTests
{
    [Fact]
    public void Two_triangles_joined_by_a_weak_edge_are_two_clusters()
    {
        var graph = new Graph(GraphKind.Works,
            Enumerable.Range(0, 7).Select(i => new GraphNode("n" + i, "n" + i, null, 1)),
            [new("n0", "n1", 3), new("n1", "n2", 3), new("n0", "n2", 3), new("n2", "n3", 1),
             new("n3", "n4", 3), new("n4", "n5", 3), new("n3", "n5", 3)]);
        var clusters = Clustering.LabelPropagation(graph);
        // Equal sizes: the cluster holding the first node (n0) is number 1; the isolated n6 is a cluster of its own.
        Assert.Equal([1, 1, 1, 2, 2, 2, 3], graph.Nodes.Select(n => clusters[n.Id]));
        Assert.Equal([1, 1, 1, 2, 2, 2, 3], graph.WithClusters(clusters).Nodes.Select(n => n.Cluster!.Value));
    }

    [Fact]
    public void The_largest_cluster_is_number_one()
    {
        // A star of four around h, and a separate pair: the star (5 nodes) is cluster 1 although the pair is heavier.
        var graph = new Graph(GraphKind.Works,
            [new("p", "p", null, 9), new("q", "q", null, 9), new("h", "h", null, 2),
             new("s1", "s1", null, 1), new("s2", "s2", null, 1), new("s3", "s3", null, 1), new("s4", "s4", null, 1)],
            [new("p", "q", 5), new("h", "s1", 1), new("h", "s2", 1), new("h", "s3", 1), new("h", "s4", 1)]);
        var clusters = Clustering.LabelPropagation(graph);
        Assert.Equal(1, clusters["h"]);
        Assert.All(["s1", "s2", "s3", "s4"], id => Assert.Equal(1, clusters[id]));
        Assert.Equal(2, clusters["p"]);
        Assert.Equal(2, clusters["q"]);
    }

    [Fact]
    public void Clustering_is_deterministic_and_writes_the_vosviewer_cluster_column()
    {
        var graph = Graph.Works(SmallCorpus.Build());
        Assert.Equal(Clustering.LabelPropagation(graph), Clustering.LabelPropagation(Graph.Works(SmallCorpus.Build())));
        var map = GraphWriters.VosViewerMap(graph.WithClusters(Clustering.LabelPropagation(graph)));
        Assert.StartsWith("id\tlabel\tcluster\t", map);
    }
}
