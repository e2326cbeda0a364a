using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CiteWeb.Core.Export;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Benchmarks;

/// <summary>
/// One operation takes long (a whole file): few iterations, one invocation each, and the median. Two jobs: the
/// runtime's default GC, and the GC settings the CLI ships with (src/CiteWeb.Cli/CiteWeb.Cli.csproj: no
/// background GC, memory kept), so what the code gains and what the settings gain read apart.
/// </summary>
public sealed class WholeFileConfig : ManualConfig
{
    public WholeFileConfig()
    {
        var job = Job.Default.WithWarmupCount(2).WithIterationCount(7).WithLaunchCount(1).WithInvocationCount(1).WithUnrollFactor(1);
        AddJob(job.WithId("DefaultGC"));
        AddJob(job.WithGcConcurrent(false).WithGcRetainVm(true).WithId("CliGC"));
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median);
    }
}

/// <summary>
/// Parse, and parse + clean + write, of the deterministic 100,000-entry corpus (BibTexCorpus, ~700 bytes an
/// entry). One operation is the whole file; entries/s = 100,000 / mean. Few iterations: one operation takes
/// seconds, and the machine (2 shared cores) is noisy, so read the median.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WholeFileConfig))]
public class BibTexBenchmarks
{
    private string _text = "";

    [Params(100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => _text = BibTexCorpus.Generate(Entries);

    [Benchmark(Baseline = true)]
    public int Parse() => BibTexReader.Parse(_text, "bench.bib").References.Count;

    [Benchmark]
    public int ParseCleanWrite()
    {
        var references = BibTexReader.Parse(_text, "bench.bib").References;
        new Cleaner().Run(references, new TransformContext());
        // Streamed and UTF-8 encoded, as `export -o` and `run` write; the bytes go nowhere.
        Exporter.Write("bibtex", references, Stream.Null);
        return references.Count;
    }
}

/// <summary>Export of an already parsed corpus to each format (the writers alone).</summary>
[MemoryDiagnoser]
[Config(typeof(WholeFileConfig))]
public class ExportBenchmarks
{
    private List<Core.Model.Reference> _references = [];

    [GlobalSetup]
    public void Setup() => _references = BibTexReader.Parse(BibTexCorpus.Generate(20_000), "bench.bib").References;

    [Benchmark] public int BibLaTeX() => BibTexWriter.Write(_references, new BibTexWriterOptions { BibLaTeX = true }).Length;
    [Benchmark] public int CslJson() => CslJsonWriter.Write(_references).Length;
    [Benchmark] public int Ris() => RisWriter.Write(_references).Length;
}
