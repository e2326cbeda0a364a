using System.Diagnostics;

namespace CiteWeb.Fuzz;

/// <summary>What went wrong with one input: the kind (crash, hang, slow, memory), what was seen, and where the input was saved.</summary>
public sealed record Finding(string Kind, string Detail, string SavedAs);

public sealed record FuzzResult(string Target, long Inputs, TimeSpan Elapsed, long Refusals, double SlowestMs, double MostBytesPerInputByte, IReadOnlyList<Finding> Findings)
{
    public double PerSecond => Inputs / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>CPU time the parser used on the fuzzing thread: on a loaded machine the fair measure of its speed.</summary>
    public TimeSpan Cpu { get; init; }

    public double PerCpuSecond => Inputs / Math.Max(Cpu.TotalSeconds, 1e-9);

    public override string ToString() =>
        $"{Target}: {Inputs:N0} inputs in {Elapsed.TotalSeconds:0.0} s ({PerSecond:N0}/s; {Cpu.TotalSeconds:0.0} s of CPU, {PerCpuSecond:N0} per CPU-second), {Refusals:N0} refused by design, " +
        $"slowest {SlowestMs:0.0} ms, most allocated {MostBytesPerInputByte:0} B per input byte (above {FuzzRunner.AllocationAllowance >> 20} MB), {Findings.Count} finding(s)";
}

/// <summary>
/// Runs a target over mutated inputs and holds it to three bounds: no exception escapes (other than the target's
/// documented refusal), no input takes more than <see cref="TimeLimit"/> of the parsing thread's CPU time (twice in a
/// row), and no input allocates (on that thread) more than <see cref="BytesPerInputByte"/> bytes per input byte plus
/// <see cref="AllocationAllowance"/>. An input that never finishes is caught by a watchdog thread after
/// <see cref="HangLimit"/>. Every finding's input is saved to a file to become a regression test.
/// </summary>
public static class FuzzRunner
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);
    public const long BytesPerInputByte = 400;
    public const long AllocationAllowance = 64L << 20;
    private const int MaxFindings = 20;

    public static string FindingsDirectory =>
        Environment.GetEnvironmentVariable("CITEWEB_FUZZ_FINDINGS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "citeweb-fuzz-findings");

    /// <summary>Runs the seeds, then mutated inputs until <paramref name="inputs"/> have run or <paramref name="budget"/> has
    /// passed. The inputs are the same sequence on every run with the same <paramref name="seed"/>; the budget only
    /// decides how far into it a slow machine gets. On a machine so loaded that fewer than <paramref name="minimumMutated"/>
    /// mutated inputs fit in the budget, the run goes on until they have run, for at most ten budgets.</summary>
    public static FuzzResult Run(FuzzTarget target, long inputs, int seed, TimeSpan budget, long minimumMutated = 0)
    {
        var mutator = new Mutator(target.Seeds, target.Tokens, seed);
        var findings = new List<Finding>();
        long done = 0, refusals = 0;
        double slowest = 0, mostPerByte = 0;
        long cpuTicks = 0;
        byte[] current = [];
        long startedAt = 0;
        var total = Stopwatch.StartNew();

        void Loop()
        {
            // Warm-up: the first run of a parser pays for JIT and compiled regular expressions; it is not the input's cost.
            foreach (var seedInput in target.Seeds.Take(3)) Once(target, seedInput, ref refusals);
            for (long n = 0; n < inputs && findings.Count < MaxFindings && (n < target.Seeds.Count || total.Elapsed < budget
                     || n < target.Seeds.Count + minimumMutated && total.Elapsed < 10 * budget); n++)
            {
                var input = n < target.Seeds.Count ? target.Seeds[(int)n] : mutator.Next();
                Volatile.Write(ref current, input);
                long before = GC.GetAllocatedBytesForCurrentThread();
                Volatile.Write(ref startedAt, Stopwatch.GetTimestamp());
                long cpu = ThreadClock.Now();
                var error = Once(target, input, ref refusals);
                var took = TimeSpan.FromTicks(ThreadClock.Now() - cpu);
                cpuTicks += took.Ticks;
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (error is not null) { Record(findings, target, "crash", $"{error.GetType().Name}: {error.Message}\n{error.StackTrace}", input); continue; }
                if (took > TimeLimit)
                {
                    // Once more, so that a stall of the machine is not taken for the parser's slowness.
                    long again = ThreadClock.Now();
                    Once(target, input, ref refusals);
                    var second = TimeSpan.FromTicks(ThreadClock.Now() - again);
                    if (second > TimeLimit) Record(findings, target, "slow", $"{took.TotalMilliseconds:0} ms then {second.TotalMilliseconds:0} ms for {input.Length:N0} bytes", input);
                    took = second < took ? second : took;
                }
                slowest = Math.Max(slowest, took.TotalMilliseconds);
                long excess = allocated - AllocationAllowance;
                if (excess > 0) mostPerByte = Math.Max(mostPerByte, excess / (double)Math.Max(input.Length, 1));
                if (allocated > BytesPerInputByte * input.Length + AllocationAllowance)
                    Record(findings, target, "memory", $"{allocated:N0} bytes allocated for {input.Length:N0} input bytes", input);
                Interlocked.Increment(ref done);
            }
            Volatile.Write(ref startedAt, 0);
        }

        Exception? loopError = null;
        var worker = new Thread(() => { try { Loop(); } catch (Exception e) { loopError = e; } }, 64 << 20) { IsBackground = true, Name = $"fuzz {target.Name}" };
        worker.Start();
        while (!worker.Join(500))
        {
            long at = Volatile.Read(ref startedAt);
            if (at != 0 && Stopwatch.GetElapsedTime(at) > HangLimit)
            {
                // The thread cannot be stopped; it is left behind (it is a background thread) and the run reports the hang.
                Record(findings, target, "hang", $"still running after {HangLimit.TotalSeconds:0} s", Volatile.Read(ref current));
                lock (findings) return new FuzzResult(target.Name, Interlocked.Read(ref done), total.Elapsed, refusals, slowest, mostPerByte, [.. findings]) { Cpu = TimeSpan.FromTicks(cpuTicks) };
            }
        }
        if (loopError is not null) throw new InvalidOperationException("the fuzz loop itself failed", loopError);
        return new FuzzResult(target.Name, done, total.Elapsed, refusals, slowest, mostPerByte, findings) { Cpu = TimeSpan.FromTicks(cpuTicks) };
    }

    private static Exception? Once(FuzzTarget target, byte[] input, ref long refusals)
    {
        try
        {
            target.Run(input);
            return null;
        }
        catch (Exception e) when (target.Refusal is { } refusal && refusal.IsInstanceOfType(e))
        {
            refusals++;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static void Record(List<Finding> findings, FuzzTarget target, string kind, string detail, byte[] input)
    {
        lock (findings) RecordLocked(findings, target, kind, detail, input);
    }

    private static void RecordLocked(List<Finding> findings, FuzzTarget target, string kind, string detail, byte[] input)
    {
        Directory.CreateDirectory(FindingsDirectory);
        var path = Path.Combine(FindingsDirectory, $"{target.Name}-{kind}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input))[..12]}.bin");
        File.WriteAllBytes(path, input);
        findings.Add(new Finding(kind, detail, path));
    }
}
