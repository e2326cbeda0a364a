using Spectre.Console;

namespace CiteWeb.Cli.Rendering;

/// <summary>
/// One stage of a long command as the user sees it: a Spectre.Console progress bar on a terminal, plain
/// <c>PREFIX: done/total</c> lines otherwise (redirected output, CI, tests). The stage reports through a synchronous
/// <see cref="IProgress{T}"/>, so plain lines come out in order and none arrives after the stage has ended.
/// </summary>
internal static class StageProgress
{
    /// <param name="plainLine">The line for <c>done</c> items when not on a terminal, or null for none.</param>
    public static async Task<T> RunAsync<T>(CliIO io, string description, int total, Func<IProgress<int>, Task<T>> work, Func<int, string?> plainLine)
    {
        if (!io.Interactive)
            return await work(new Synchronous(done => { if (plainLine(done) is { } line) io.Error.WriteLine(line); }));
        T result = default!;
        await io.ErrorConsole.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
            result = await work(new Synchronous(done => task.Value = done));
            task.Value = task.MaxValue;
        });
        return result;
    }

    /// <summary>Every n-th item and the last, as "prefix: done/total".</summary>
    public static Func<int, string?> Every(int n, string prefix, int total) =>
        done => done % n == 0 || done == total ? $"{prefix}: {done}/{total}" : null;

    private sealed class Synchronous(Action<int> report) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate) report(value);
        }
    }
}
