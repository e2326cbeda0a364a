using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using CiteWeb.Benchmarks;

// `generate N OUT.bib` writes a deterministic BibTeX corpus (see BibTexCorpus); anything else goes
// to BenchmarkDotNet, e.g. `-- --filter '*'` or `-- --list flat`.
if (args.Length > 1 && args[0] == "quick")
{
    return QuickTiming.Run(int.Parse(args[1], CultureInfo.InvariantCulture));
}

if (args.Length > 0 && args[0] == "network")
{
    return NetworkSample.Quick();
}

if (args.Length > 0 && args[0] == "speed")
{
    return await LinkSpeed.RunAsync(args);
}

if (args.Length > 0 && args[0] == "accuracy")
{
    return AccuracyCommand.Run(args);
}

if (args.Length > 1 && args[0] == "stages")
{
    return StageTiming.Run(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length > 2 && args[2] == "parse", args.Length > 2 && args[2] == "scan", args.Length > 2 && args[2] == "clean", args.Length > 2 && args[2] == "write");
}

if (args.Length > 1 && args[0] == "index-scale")
{
    return IndexScale.Run(args);
}

if (args.Length > 0 && args[0] == "generate")
{
    return Generate(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

static int Generate(string[] args)
{
    const string usage = "usage: generate ENTRIES OUT.bib [SEED]";
    if (args.Length is < 3 or > 4
        || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var entries)
        || (args.Length == 4 && !int.TryParse(args[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
    {
        Console.Error.WriteLine(usage);
        return 2;
    }
    var seed = args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 42;

    var clock = Stopwatch.StartNew();
    var text = BibTexCorpus.Generate(entries, seed);
    var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
    try
    {
        File.WriteAllBytes(args[2], bytes);
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"generate: cannot write {args[2]}: {e.Message}");
        return 2;
    }
    var average = entries == 0 ? 0 : (double)bytes.Length / entries;
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"generate: {entries} entries, {bytes.Length} bytes, {average:F1} bytes per entry (seed {seed}, {clock.ElapsedMilliseconds} ms) -> {args[2]}"));
    return 0;
}
