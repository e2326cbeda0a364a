using System.Diagnostics;

namespace CiteWeb.Cli.Tests;

/// <summary>
/// Debian's headless Chromium, run as a process: loads a page, lets its scripts run, and returns the DOM as it then
/// is (<c>--dump-dom</c>), with the browser's console log (script errors, policy violations) and optionally a
/// screenshot. Missing Chromium is a failure with the way to install it, never a skip: CI installs it.
/// </summary>
internal static class Chromium
{
    public static string Executable { get; } = Find();

    private static string Find()
    {
        foreach (var name in (string[])["chromium", "chromium-browser"])
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path)) return path;
            }
        return "";
    }

    public sealed record Page(string Dom, string Console);

    /// <summary>Opens <paramref name="url"/> headless; <paramref name="screenshot"/>, when given, gets a PNG of a
    /// 1280×2000 window.</summary>
    public static Page Open(string url, string? screenshot = null)
    {
        Assert.True(Executable.Length > 0,
            "Debian's chromium is not installed (no 'chromium' on PATH). The browser test needs it: `apt-get install chromium` (.ci/run installs it).");
        var profile = Path.Combine(Path.GetTempPath(), "citeweb-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--window-size=1280,2000"])
            start.ArgumentList.Add(arg);
        if (screenshot is not null) start.ArgumentList.Add("--screenshot=" + screenshot);
        start.ArgumentList.Add("--dump-dom");
        start.ArgumentList.Add(url);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish loading {url} within 180 s");
            }
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
            return new Page(stdout.Result, stderr.Result);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
