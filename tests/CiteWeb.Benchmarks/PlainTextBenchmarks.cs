using System.Text;
using BenchmarkDotNet.Attributes;
using CiteWeb.Core.Parsing.PlainText;

namespace CiteWeb.Benchmarks;

/// <summary>
/// The plain-text reader on the real lists shipped in bib/ (MLA, APA, Chicago notes and author-date, Harvard: 879
/// references), each list repeated until there are about 10,000 references, so one operation reads every style
/// in proportion. References/s = references / median. Style detection, markup, names, dates and keys included.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WholeFileConfig))]
public class PlainTextBenchmarks
{
    private readonly List<string> _lists = [];

    /// <summary>How many references one operation reads.</summary>
    public int References { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CiteWeb.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("CiteWeb.sln not found");
        foreach (var file in Directory.GetFiles(Path.Combine(root, "bib"), "*.txt").Order(StringComparer.Ordinal))
        {
            // The list without its heading, repeated as one file so every style weighs by its share, ~10,000 in all.
            var text = File.ReadAllText(file).Replace("Works cited\n", "", StringComparison.Ordinal);
            var sb = new StringBuilder();
            for (int i = 0; i < 10_000 / 879; i++) sb.Append(text).Append("\n\n");
            _lists.Add(sb.ToString());
        }
        References = ReadLists();
        Console.WriteLine($"// {References} references an operation");
    }

    [Benchmark]
    public int ReadLists()
    {
        int n = 0;
        foreach (var list in _lists) n += PlainTextReader.Read(list, "bench.txt").References.Count;
        return n;
    }
}
