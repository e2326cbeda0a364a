using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CiteWeb.Core.Network;
using CiteWeb.Index;

namespace CiteWeb.Benchmarks;

/// <summary>
/// <c>index-scale BIBLIOGRAPHIES [PER_BIB] [DIR]</c>: indexes a synthetic Zipf corpus (see
/// <see cref="SyntheticCitations"/>) with the library the CLI uses, then times co-citation and search queries.
/// Prints indexing wall and CPU time (batches + work rebuild), the load average, peak working set, and median / p95 query times.
/// With <c>--reuse</c> an index already built in DIR by an earlier run is opened instead (no indexing figures), so
/// query changes can be timed without re-indexing; <c>--slowest N</c> lists the N slowest queries of each kind;
/// <c>--again N</c> then indexes the first N bibliographies again, N/2 unchanged and N/2 citing one work more, and
/// times that second run (a batch and the work rebuild, which writes only the works whose members changed).
/// </summary>
public static class IndexScale
{
    public static int Run(string[] argv)
    {
        bool reuse = argv.Contains("--reuse");
        int slowestAt = Array.IndexOf(argv, "--slowest");
        int slowest = slowestAt > 0 ? int.Parse(argv[slowestAt + 1], CultureInfo.InvariantCulture) : 0;
        int againAt = Array.IndexOf(argv, "--again");
        int again = againAt > 0 ? int.Parse(argv[againAt + 1], CultureInfo.InvariantCulture) : 0;
        var args = argv.Where((a, i) => a != "--reuse" && (slowestAt < 0 || (i != slowestAt && i != slowestAt + 1))
            && (againAt < 0 || (i != againAt && i != againAt + 1))).ToArray();
        int bibliographies = int.Parse(args[1], CultureInfo.InvariantCulture);
        int perBib = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        var dir = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), "citeweb-scale-" + bibliographies);
        reuse = reuse && CitationIndex.Exists(dir);
        if (!reuse && Directory.Exists(dir)) Directory.Delete(dir, true);
        int references = bibliographies * perBib;
        // A pool a fifth the size of the references: with Zipf's law about half of it is ever cited.
        var corpus = new SyntheticCitations(Math.Max(100, references / 5));

        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var index = CitationIndex.Open(dir);
        if (reuse)
        {
            Console.WriteLine($"reusing the index in {dir} (no indexing figures); load {Load()}");
            Query(index, corpus, dir, slowest);
            return 0;
        }
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
        long size = new DirectoryInfo(dir).EnumerateFiles().Sum(f => f.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{references} references in {bibliographies} bibliographies of {perBib}: {stats.Works} works ({stats.YearsDiffer} joined across years); " +
            $"index {total.TotalSeconds:F1} s (batches {added.TotalSeconds:F1} s, works {(total - added).TotalSeconds:F1} s); " +
            $"CPU {cpuTotal.TotalSeconds:F1} s (batches {cpuAdded.TotalSeconds:F1} s, works {(cpuTotal - cpuAdded).TotalSeconds:F1} s; includes the generator thread); load {Load()}; peak working set {peak / (1024 * 1024)} MB, {size / (1024 * 1024)} MB on disk"));
        Query(index, corpus, dir, slowest);
        if (again > 0) Again(index, corpus, again, perBib);
        return 0;
    }

    /// <summary>A second run over the first <paramref name="count"/> bibliographies: half unchanged, half citing one
    /// more work each (so some works gain a citing bibliography and the rest stay as they were).</summary>
    private static void Again(CitationIndex index, SyntheticCitations corpus, int count, int perBib)
    {
        var inputs = Enumerable.Range(0, count).Select(b => corpus.Bibliography(b, b % 2 == 0 ? perBib : perBib + 1)).ToList();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        index.AddBatch(inputs);
        var batch = clock.Elapsed;
        var stats = index.RebuildWorks();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"again: {count} bibliographies indexed again ({count / 2} with one reference more): {clock.Elapsed.TotalSeconds:F1} s (batch {batch.TotalSeconds:F1} s, works {(clock.Elapsed - batch).TotalSeconds:F1} s), " +
            $"CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s; {stats.Written} of {stats.Works} works written; load {Load()}"));
    }

    /// <summary>Times the co-citation and search queries: the first of each kind (cold: it opens the reader and
    /// loads what later queries reuse) apart, then median / p95 / max over the rest (warm).</summary>
    private static void Query(CitationIndex index, SyntheticCitations corpus, string dir, int slowest)
    {
        var random = new Random(99);
        var targets = Enumerable.Range(0, 200).Select(_ => corpus.SampleRank(random)).ToList();
        var works = targets.Select(k => index.FindWork($"{corpus.Work(k).Family.ToLowerInvariant()}{corpus.Work(k).Year}w{k}")).Where(w => w is not null).Select(w => w!).ToList();
        // The first query (timed apart) builds what later ones reuse: the co-citation table, the terms index.
        var coldCocite = Time(() => index.CoCite(works[0], CoCitationOptions.Default));
        var coldCociteCpu = CpuTimes[^1];
        // A work cited by few bibliographies is counted without the bibliography → works table; the first query about
        // a much-cited one builds it (timed apart: a process answering one such query pays it).
        var popular = index.FindWork($"{corpus.Work(0).Family.ToLowerInvariant()}{corpus.Work(0).Year}w0")!;
        var table = Time(() => index.CoCite(popular, CoCitationOptions.Default));
        var tableCpu = CpuTimes[^1];
        CpuTimes.Clear();
        var cocite = works.Select(w => Time(() => index.CoCite(w, CoCitationOptions.Default))).ToList();
        var cociteCpu = CpuTimes.ToList();
        var queries = targets.Select((k, i) => i % 3 == 0 ? "author:" + corpus.Work(k).Family.ToLowerInvariant() : i % 3 == 1
            ? "title:" + corpus.Work(k).Title.Split(' ')[0].ToLowerInvariant() : $"author:{corpus.Work(k).Family.ToLowerInvariant()} AND year:[1960 TO 2000]").ToList();
        var coldSearch = Time(() => index.Search(queries[0], 20));
        var coldSearchCpu = CpuTimes[^1];
        CpuTimes.Clear();
        var search = queries.Select(q => Time(() => index.Search(q, 20))).ToList();
        var searchCpu = CpuTimes.ToList();
        var top = Time(() => index.CoCite(popular, CoCitationOptions.Default));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cocite ({cocite.Count} Zipf-drawn targets): first (cold) {coldCocite:F2} ms (CPU {coldCociteCpu:F2} ms); first of the most-cited work, building the table, {table:F2} ms (CPU {tableCpu:F2} ms); median {Percentile(cocite, 0.5):F2} ms, p95 {Percentile(cocite, 0.95):F2} ms, max {cocite.Max():F2} ms; " +
            $"thread CPU: median {Percentile(cociteCpu, 0.5):F2} ms, p95 {Percentile(cociteCpu, 0.95):F2} ms, max {cociteCpu.Max():F2} ms; " +
            $"most-cited work ({popular.CitedBy.Count} citing bibliographies) {top:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search ({search.Count} queries): first (cold) {coldSearch:F2} ms; median {Percentile(search, 0.5):F2} ms, p95 {Percentile(search, 0.95):F2} ms, max {search.Max():F2} ms; " +
            $"thread CPU: first {coldSearchCpu:F2} ms, median {Percentile(searchCpu, 0.5):F2} ms, p95 {Percentile(searchCpu, 0.95):F2} ms, max {searchCpu.Max():F2} ms; load {Load()}"));
        foreach (var (ms, i) in cocite.Select((ms, i) => (ms, i)).OrderByDescending(p => p.ms).Take(slowest))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cocite {ms,8:F2} ms (CPU {cociteCpu[i],7:F2} ms)  {works[i].Id} ({works[i].CitedBy.Count} citing bibliographies)"));
        foreach (var (ms, i) in search.Select((ms, i) => (ms, i)).OrderByDescending(p => p.ms).Take(slowest))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  search {ms,8:F2} ms (CPU {searchCpu[i],7:F2} ms)  {queries[i]}"));
    }

    /// <summary>The one-minute load average, or "?" off Linux.</summary>
    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>Wall milliseconds of <paramref name="action"/>; its CPU milliseconds on this thread go to <see cref="CpuTimes"/>
    /// (on a loaded machine the wall time measures the scheduler as much as the code; the CPU time does not).</summary>
    private static double Time(Action action)
    {
        double cpu = ThreadCpuMs();
        var clock = Stopwatch.StartNew();
        action();
        double wall = clock.Elapsed.TotalMilliseconds;
        CpuTimes.Add(ThreadCpuMs() - cpu);
        return wall;
    }

    private static readonly List<double> CpuTimes = [];

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds, Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), or 0 off Linux.</summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(3, out var t) != 0) return 0;
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
