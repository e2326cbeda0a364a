using System.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Parsing;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Benchmarks;

/// <summary>`stages N`: time and allocation of each stage of parse + clean + write (parse, every cleanup, the
/// writer), to see where ParseCleanWrite spends; Stopwatch, 3 runs. `stages N clean` times the cleanups as
/// <see cref="Cleaner.Run"/> runs them (the per-reference ones in one pass), as one stage; `stages N write` parses and
/// cleans once and times the writer alone, 8 runs, to compare writers on a busy machine.</summary>
public static class StageTiming
{
    public static int Run(int entries, bool parseOnly = false, bool scanOnly = false, bool cleanTogether = false, bool writeOnly = false)
    {
        var text = BibTexCorpus.Generate(entries);
        if (scanOnly) return ScanAndMap(text);
        if (writeOnly) return WriteOnly(text);
        for (int run = 0; run < (parseOnly ? 10 : 3); run++)
        {
            var refs = Measure("parse", () => BibTexReader.Parse(text, "bench.bib").References);
            if (parseOnly) { Console.Error.WriteLine(); continue; }
            var context = new TransformContext();
            if (cleanTogether) Measure("clean", () => new Cleaner().Run(refs, context).Count);
            else foreach (var t in Cleaner.All) Measure(t.Name, () => t.Apply(refs, context).Count());
            Measure("write", () => { Exporter.Write("bibtex", refs, Stream.Null); return 0; });
            Console.Error.WriteLine();
        }
        return 0;
    }

    private static int WriteOnly(string text)
    {
        var refs = BibTexReader.Parse(text, "bench.bib").References;
        var context = new TransformContext();
        new Cleaner().Run(refs, context);
        for (int run = 0; run < 8; run++)
        {
            Measure("write", () => { Exporter.Write("bibtex", refs, Stream.Null); return 0; });
            Console.Error.WriteLine();
        }
        return 0;
    }

    /// <summary>The reader's two phases apart, each on one thread: scanning, and mapping the scanned entries.</summary>
    private static int ScanAndMap(string text)
    {
        for (int run = 0; run < 8; run++)
        {
            var entries = Measure("scan", () =>
            {
                var scanner = new BibTexScanner(text, new LineMap(text, "bench.bib"), BibTexReaderOptions.Default, []);
                scanner.Scan();
                return scanner.Entries;
            });
            Measure("map", () =>
            {
                var mapper = new BibTexMapper(text, new LineMap(text, "bench.bib"), []);
                var references = new List<Core.Model.Reference>(entries.Count);
                foreach (var e in entries) references.Add(mapper.Map(e));
                return references;
            });
            Console.Error.WriteLine();
        }
        return 0;
    }

    private static T Measure<T>(string stage, Func<T> action)
    {
        long before = GC.GetTotalAllocatedBytes(true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        int collections = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var sw = Stopwatch.StartNew();
        var result = action();
        // CPU time as well as wall time: on a shared machine the wall clock says as much about the neighbours.
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        paused = GC.GetTotalPauseDuration() - paused;
        Console.Error.Write($"{stage} {sw.Elapsed.TotalMilliseconds:F0}ms(cpu {cpu.TotalMilliseconds:F0}, gc {paused.TotalMilliseconds:F0} in {GC.CollectionCount(0) - collections}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2})/{(GC.GetTotalAllocatedBytes(true) - before) / 1e6:F0}MB  ");
        return result;
    }
}
