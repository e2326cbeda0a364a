using System.Diagnostics;

namespace CiteWeb.Cli.Tests;

/// <summary>The built <c>citeweb</c> in its own process, so a test can kill it (SIGKILL on Unix: nothing flushed or
/// tidied) and start it again; and the network configuration those runs share with a local test web.</summary>
internal static class CliProcess
{
    /// <summary>Starts the CLI project's own output (built before these tests, which reference it, in the same
    /// configuration) in <paramref name="cli"/>'s folder. The copy beside the tests cannot run alone: the tests' ASP.NET
    /// Core framework reference keeps the packages it carries out of this folder.</summary>
    public static Process Start(CliRunner cli, params string[] args)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // .../tests/CiteWeb.Cli.Tests/bin/CONFIG/TFM
        var (tfm, configuration) = (bin.Name, bin.Parent!.Name);
        var exe = Path.Combine(RepositoryRoot.Path, "src", "CiteWeb.Cli", "bin", configuration, tfm, OperatingSystem.IsWindows() ? "citeweb.exe" : "citeweb");
        Assert.True(File.Exists(exe), exe + " is not built");
        var start = new ProcessStartInfo(exe)
        {
            WorkingDirectory = cli.Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException("citeweb did not start");
    }

    /// <summary>Runs to the end (within <paramref name="timeout"/>) and gives the exit code and both streams.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunToEndAsync(CliRunner cli, TimeSpan timeout, params string[] args)
    {
        using var process = Start(cli, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"citeweb {string.Join(' ', args)} did not finish in {timeout}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary><c>citeweb.json</c> for runs against a local web: 127.0.0.1 allowed, no retries, no pause between
    /// requests, two at a time; <paramref name="extra"/> more <c>Network</c> keys (starting with a comma).</summary>
    public static void ConfigureLocalNetwork(CliRunner cli, string extra = "", string endpoints = "") => cli.Write("citeweb.json", $$"""
        { "Network": { "AllowedNetworks": [ "127.0.0.1/32" ], "MaxRetries": 0, "MinIntervalPerHost": "00:00:00",
                       "GlobalConcurrency": 2, "PerHostConcurrency": 2 {{extra}} }{{(endpoints == "" ? "" : ", \"Endpoints\": " + endpoints)}} }
        """);
}
