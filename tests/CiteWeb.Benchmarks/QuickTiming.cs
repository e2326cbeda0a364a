using System.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Benchmarks;

/// <summary>`quick N`: a fast sanity timing (Stopwatch, 5 runs, median) for development; the README's figures come from BenchmarkDotNet.</summary>
public static class QuickTiming
{
    public static int Run(int entries)
    {
        var text = BibTexCorpus.Generate(entries);
        Console.Error.WriteLine($"{entries} entries, {text.Length} chars");
        var parse = new List<double>();
        var full = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            long before = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            var b = BibTexReader.Parse(text, "bench.bib");
            parse.Add(sw.Elapsed.TotalSeconds);
            long allocParse = GC.GetTotalAllocatedBytes(true) - before;
            before = GC.GetTotalAllocatedBytes(true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            var refs = BibTexReader.Parse(text, "bench.bib").References;
            new Cleaner().Run(refs, new TransformContext());
            Exporter.Write("bibtex", refs, Stream.Null);
            var output = "";
            full.Add(sw.Elapsed.TotalSeconds);
            // CPU time and allocation too: on a shared machine the wall clock says as much about the neighbours.
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            long allocFull = GC.GetTotalAllocatedBytes(true) - before;
            Console.Error.WriteLine($"parse {parse[^1]:F3}s ({entries / parse[^1]:N0}/s, alloc {allocParse / 1e6:F0} MB = {allocParse / (double)(text.Length):F2}x chars), parse+clean+write {full[^1]:F3}s ({entries / full[^1]:N0}/s, cpu {cpu.TotalSeconds:F3}s, alloc {allocFull / 1e6:F0} MB = {allocFull / (double)text.Length:F2}x chars), refs {b.References.Count}, diags {b.Diagnostics.Count}, out {output.Length}");
        }
        return 0;
    }
}
