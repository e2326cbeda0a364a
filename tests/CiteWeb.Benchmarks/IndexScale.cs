using System.Diagnostics;
using System.Globalization;
using CiteWeb.Core.Network;
using CiteWeb.Index;

namespace CiteWeb.Benchmarks;

/// <summary>
/// <c>index-scale BIBLIOGRAPHIES [PER_BIB] [DIR]</c>: indexes a synthetic Zipf corpus (see
/// <see cref="SyntheticCitations"/>) with the library the CLI uses, then times co-citation and search queries.
/// Prints indexing wall and CPU time (batches + work rebuild), the load average, peak working set, and median / p95 query times.
/// </summary>
public static class IndexScale
{
    public static int Run(string[] args)
    {
        int bibliographies = int.Parse(args[1], CultureInfo.InvariantCulture);
        int perBib = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        var dir = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), "citeweb-scale-" + bibliographies);
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        int references = bibliographies * perBib;
        // A pool a fifth the size of the references: with Zipf's law about half of it is ever cited.
        var corpus = new SyntheticCitations(Math.Max(100, references / 5));

        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var index = CitationIndex.Open(dir);
        const int batchSize = 1000;
        var batch = new List<BibliographyInput>(batchSize);
        // Bibliographies are generated on a second core while the writer works: generation is the benchmark's, not the index's.
        var generated = new System.Collections.Concurrent.BlockingCollection<BibliographyInput>(4 * batchSize);
        var producer = Task.Run(() =>
        {
            for (int b = 0; b < bibliographies; b++) generated.Add(corpus.Bibliography(b, perBib));
            generated.CompleteAdding();
        });
        foreach (var input in generated.GetConsumingEnumerable())
        {
            batch.Add(input);
            if (batch.Count == batchSize) { index.AddBatch(batch); batch.Clear(); }
        }
        if (batch.Count > 0) index.AddBatch(batch);
        producer.Wait();
        var added = clock.Elapsed;
        process.Refresh();
        var cpuAdded = process.TotalProcessorTime - cpuStart;
        var stats = index.RebuildWorks();
        var total = clock.Elapsed;
        process.Refresh();
        var cpuTotal = process.TotalProcessorTime - cpuStart;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var random = new Random(99);
        var targets = Enumerable.Range(0, 200).Select(_ => corpus.SampleRank(random)).ToList();
        var works = targets.Select(k => index.FindWork($"{corpus.Work(k).Family.ToLowerInvariant()}{corpus.Work(k).Year}w{k}")).Where(w => w is not null).Select(w => w!).ToList();
        // Warm-up: the first query opens the reader and loads the terms index.
        index.CoCite(works[0], CoCitationOptions.Default);
        var cocite = works.Select(w => Time(() => index.CoCite(w, CoCitationOptions.Default))).ToList();
        var queries = targets.Select((k, i) => i % 3 == 0 ? "author:" + corpus.Work(k).Family.ToLowerInvariant() : i % 3 == 1
            ? "title:" + corpus.Work(k).Title.Split(' ')[0].ToLowerInvariant() : $"author:{corpus.Work(k).Family.ToLowerInvariant()} AND year:[1960 TO 2000]").ToList();
        index.Search(queries[0], 20);
        var search = queries.Select(q => Time(() => index.Search(q, 20))).ToList();
        var popular = index.FindWork($"{corpus.Work(0).Family.ToLowerInvariant()}{corpus.Work(0).Year}w0")!;
        var top = Time(() => index.CoCite(popular, CoCitationOptions.Default));

        long size = new DirectoryInfo(dir).EnumerateFiles().Sum(f => f.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{references} references in {bibliographies} bibliographies of {perBib}: {stats.Works} works ({stats.YearsDiffer} joined across years); " +
            $"index {total.TotalSeconds:F1} s (batches {added.TotalSeconds:F1} s, works {(total - added).TotalSeconds:F1} s); " +
            $"CPU {cpuTotal.TotalSeconds:F1} s (batches {cpuAdded.TotalSeconds:F1} s, works {(cpuTotal - cpuAdded).TotalSeconds:F1} s; includes the generator thread); load {Load()}; peak working set {peak / (1024 * 1024)} MB, {size / (1024 * 1024)} MB on disk"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cocite ({cocite.Count} Zipf-drawn targets): median {Percentile(cocite, 0.5):F2} ms, p95 {Percentile(cocite, 0.95):F2} ms, max {cocite.Max():F2} ms; " +
            $"most-cited work ({popular.CitedBy.Count} citing bibliographies) {top:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search ({search.Count} queries): median {Percentile(search, 0.5):F2} ms, p95 {Percentile(search, 0.95):F2} ms, max {search.Max():F2} ms"));
        return 0;
    }

    /// <summary>The one-minute load average, or "?" off Linux.</summary>
    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
