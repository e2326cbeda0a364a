using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using CiteWeb.Core.Network;

namespace CiteWeb.Benchmarks;

/// <summary>Deterministic synthetic networks and corpora for the network benchmarks.</summary>
public static class NetworkSample
{
    /// <summary>A graph of <paramref name="nodes"/> nodes and exactly <paramref name="edges"/> distinct edges,
    /// weights 1..9, from a fixed linear congruential sequence.</summary>
    public static Graph Synthetic(int nodes, int edges)
    {
        ulong state = 12345;
        int Next(int bound)
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            return (int)((state >> 33) % (ulong)bound);
        }
        var nodeList = Enumerable.Range(0, nodes).Select(i => new GraphNode("w" + i, "Work number " + i, 1990 + i % 35, 1 + (nodes - i) / 10)).ToList();
        var seen = new HashSet<(int, int)>();
        var edgeList = new List<GraphEdge>(edges);
        while (edgeList.Count < edges)
        {
            int a = Next(nodes), b = Next(nodes);
            if (a == b || !seen.Add((Math.Min(a, b), Math.Max(a, b)))) continue;
            edgeList.Add(new GraphEdge("w" + a, "w" + b, 1 + Next(9)));
        }
        return new Graph(GraphKind.Works, nodeList, edgeList);
    }

    /// <summary><paramref name="bibliographies"/> bibliographies of <paramref name="perBibliography"/> distinct works
    /// drawn from <paramref name="works"/> works with Zipf(1) popularity.</summary>
    public static CitationCorpus Corpus(int bibliographies, int perBibliography, int works)
    {
        var cumulative = new double[works];
        double sum = 0;
        for (int i = 0; i < works; i++) cumulative[i] = sum += 1.0 / (i + 1);
        ulong state = 987654321;
        double Uniform()
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            return (state >> 11) * (1.0 / (1UL << 53));
        }
        var docs = new List<CitingDocument>(bibliographies);
        for (int b = 0; b < bibliographies; b++)
        {
            var cited = new HashSet<string>();
            while (cited.Count < Math.Min(perBibliography, works))
            {
                int w = Array.BinarySearch(cumulative, Uniform() * sum);
                cited.Add("w" + (w < 0 ? ~w : w));
            }
            docs.Add(new CitingDocument("b" + b, "Bibliography " + b, cited.ToArray()));
        }
        return new CitationCorpus(docs, Enumerable.Range(0, works).Select(i => new WorkNode("w" + i, "Work " + i, 1990 + i % 35, ["Author" + (i % 997) + ", A."])));
    }

    /// <summary>`network`: Stopwatch medians of 5 runs for the layout (500 nodes, 5,000 edges), the SVG, GEXF, and
    /// co-citation over a Zipf corpus; a development check, the README's figures come from BenchmarkDotNet.</summary>
    public static int Quick()
    {
        var graph = Synthetic(500, 5000);
        Time("layout 500 nodes / 5000 edges, 300 iterations", () => ForceLayout.Compute(graph));
        var layout = ForceLayout.Compute(graph);
        Time("svg 500 nodes / 5000 edges", () => SvgNetwork.Render(layout));
        Time("gexf 500 nodes / 5000 edges with layout", () => GraphWriters.Gexf13(graph, layout));
        var corpus = Corpus(2_500, 40, 20_000);
        Time("co-citation of the most cited work, 2,500 bibliographies x 40", () => CoCitation.Works(corpus, "w0"));
        Time("author co-citation (table cached after the first run)", () => CoCitation.Authors(corpus, "Author0, A."));
        Time("works network, min edge 3", () => Graph.Works(corpus, minEdge: 3));
        return 0;
    }

    private static void Time(string what, Action action)
    {
        action(); // warm-up
        var runs = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            runs.Add(sw.Elapsed.TotalMilliseconds);
        }
        runs.Sort();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: median {runs[2]:F1} ms (min {runs[0]:F1}, max {runs[4]:F1})"));
    }
}

/// <summary>BenchmarkDotNet: the force layout, SVG and GEXF at the size the HTML report draws, and co-citation.</summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    private Graph _graph = null!;
    private GraphLayout _layout = null!;
    private CitationCorpus _corpus = null!;

    [GlobalSetup]
    public void Setup()
    {
        _graph = NetworkSample.Synthetic(500, 5000);
        _layout = ForceLayout.Compute(_graph);
        _corpus = NetworkSample.Corpus(2_500, 40, 20_000);
    }

    [Benchmark] public GraphLayout Layout500x5000() => ForceLayout.Compute(_graph);
    [Benchmark] public string Svg500x5000() => SvgNetwork.Render(_layout);
    [Benchmark] public string Gexf500x5000() => GraphWriters.Gexf13(_graph, _layout);
    [Benchmark] public CoCitationResult CoCiteTopWork() => CoCitation.Works(_corpus, "w0");
}
