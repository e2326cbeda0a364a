using System.Diagnostics;

namespace CiteWeb.Cli.Tests;

/// <summary>
/// The README's main command on a fresh clone, exactly as README.md writes it: <c>.ci/fresh-machine --main-only</c>
/// clones the repository's committed HEAD into a temporary folder, parses the set-up block out of README.md, runs the
/// main command (restore and build included) and checks that it wrote index/reports/index.html. Only the main
/// command: the README's second one is <c>dotnet test</c>, which would start these tests again. The links are not
/// fetched (<c>CITEWEB_NETWORK__OFFLINE</c>): tests never reach the internet.
/// </summary>
public sealed class FreshCloneTests
{
    [Fact]
    public async Task The_readme_main_command_on_a_fresh_clone_writes_the_report()
    {
        var script = Path.Combine(RepositoryRoot.Path, ".ci", "fresh-machine");
        Assert.True(Directory.Exists(Path.Combine(RepositoryRoot.Path, ".git")) || File.Exists(Path.Combine(RepositoryRoot.Path, ".git")),
            $"{RepositoryRoot.Path} is not a git clone, so it cannot be cloned afresh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[script, "--main-only", "--runs", "1"]) start.ArgumentList.Add(arg);
        start.Environment["CITEWEB_NETWORK__OFFLINE"] = "true";
        using var process = Process.Start(start)!;
        var cancel = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(TimeSpan.FromMinutes(20));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the fresh clone's main command did not finish within 20 minutes");
        }
        string output = await stdout, errors = await stderr;
        Assert.True(process.ExitCode == 0, $".ci/fresh-machine exited {process.ExitCode}:\n{errors}");
        Assert.Matches("main command: +dotnet run .*-- run", errors);
        Assert.Contains("index/reports/index.html written", output);
        Assert.Contains("run 1:", errors);
    }
}
