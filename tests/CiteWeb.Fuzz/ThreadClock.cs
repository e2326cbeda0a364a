using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CiteWeb.Fuzz;

/// <summary>
/// CPU time of the calling thread (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), so that the 1-second bound
/// holds the parser to its own work and not to how loaded a shared CI machine is. Elsewhere it falls back to wall
/// time.
/// </summary>
internal static class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool Available = OperatingSystem.IsLinux() && Environment.Is64BitProcess && Probe();

    public static bool IsCpuTime => Available;

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTimeId, out _) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    /// <summary>A reading in ticks of 100 ns.</summary>
    public static long Now()
    {
        if (!Available) return Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / Stopwatch.Frequency;
        ClockGetTime(ClockThreadCpuTimeId, out var t);
        return t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100;
    }
}
