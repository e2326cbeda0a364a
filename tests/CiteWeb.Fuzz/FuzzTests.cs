namespace CiteWeb.Fuzz;

/// <summary>
/// The deterministic fuzz run, CI-sized: every parser gets its seeds and then mutated inputs, the same sequence on
/// every run. <c>CITEWEB_FUZZ_INPUTS</c> and <c>CITEWEB_FUZZ_SECONDS</c> (per parser) set a long run, and
/// <c>CITEWEB_FUZZ_SEED</c> draws another sequence; see the README's "Hardening" section.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>In CI each parser gets its seeds, then mutated inputs up to this many or for <see cref="CiSeconds"/>,
    /// whichever comes first: six parsers stay within about 2 minutes on a loaded 2-core machine.</summary>
    private const long CiInputs = 20_000;
    private const double CiSeconds = 15;
    /// <summary>At least this many mutated inputs must run, however slow the machine (the run is given up to ten times
    /// its time for them): fewer is a failure, not a pass.</summary>
    private const long MinimumMutated = 100;

    /// <summary>Every parser; <c>CITEWEB_FUZZ_TARGETS</c> (comma-separated names) narrows a long run to some of them,
    /// so two processes can share the parsers out between the two cores.</summary>
    public static TheoryData<string> Names => new(Selected(Environment.GetEnvironmentVariable("CITEWEB_FUZZ_TARGETS")));

    private static string[] Selected(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return Targets.Names;
        var wanted = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Except(Targets.Names).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"CITEWEB_FUZZ_TARGETS names no parser called {string.Join(", ", unknown)}; the parsers are {string.Join(", ", Targets.Names)}");
        return Targets.Names.Where(wanted.Contains).ToArray();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Mutated_inputs_never_crash_hang_or_blow_up(string name)
    {
        long inputs = long.TryParse(Environment.GetEnvironmentVariable("CITEWEB_FUZZ_INPUTS"), out var n) ? n : CiInputs;
        double seconds = double.TryParse(Environment.GetEnvironmentVariable("CITEWEB_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : CiSeconds;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("CITEWEB_FUZZ_SEED"), out var s) ? s : 1;
        var target = Targets.Get(name);
        var result = FuzzRunner.Run(target, inputs, seed, TimeSpan.FromSeconds(seconds), MinimumMutated);

        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        Directory.CreateDirectory(FuzzRunner.FindingsDirectory);
        File.AppendAllText(Path.Combine(FuzzRunner.FindingsDirectory, "summary.txt"), $"{DateTimeOffset.UtcNow:u} seed {seed}: {result}\n");
        Assert.True(result.Findings.Count == 0,
            $"{result}\n" + string.Join("\n", result.Findings.Select(f => $"{f.Kind}: {f.Detail}\n  input saved as {f.SavedAs}")));
        Assert.True(result.Inputs >= Math.Min(inputs, target.Seeds.Count + MinimumMutated), $"only {result.Inputs} inputs ran");
    }
}
