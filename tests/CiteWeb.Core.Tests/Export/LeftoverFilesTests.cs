using System.Diagnostics;
using CiteWeb.Core.Export;

namespace CiteWeb.Core.Tests.Export;

/// <summary>A run killed between writing a temporary file and renaming it leaves the temporary; the next run clears it,
/// but never one that a running process is still writing.</summary>
public sealed class LeftoverFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("citeweb-leftover-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Touch(string relative)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    /// <summary>The id of a process that has run and gone.</summary>
    private static int GonePid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void A_dead_writers_temporary_goes_and_a_live_ones_and_every_other_file_stay()
    {
        int gone = GonePid();
        var dead = Touch($"out.json.tmp-{gone}");
        var deadWithUnique = Touch($"sub/entry.json.tmp-{gone}-0f3a");
        var mine = Touch($"out.json.tmp-{Environment.ProcessId}");
        var target = Touch("out.json");
        var lookalike = Touch("notes.tmp-draft.txt");

        Assert.Equal(1, LeftoverFiles.Sweep(_dir));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(deadWithUnique)); // not recursive
        Assert.Equal(1, LeftoverFiles.Sweep(_dir, recursive: true));
        Assert.False(File.Exists(deadWithUnique));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(target));
        Assert.True(File.Exists(lookalike));
    }

    [Fact]
    public void A_prefix_limits_the_sweep_to_one_targets_temporaries()
    {
        int gone = GonePid();
        var mine = Touch($"a.bib.tmp-{gone}");
        var other = Touch($"b.bib.tmp-{gone}");
        Assert.Equal(1, LeftoverFiles.Sweep(_dir, "a.bib"));
        Assert.False(File.Exists(mine));
        Assert.True(File.Exists(other));
    }

    [Fact]
    public void A_temporary_name_carries_this_process_id()
    {
        Assert.Equal(Environment.ProcessId, LeftoverFiles.WriterPid(Path.GetFileName(LeftoverFiles.TemporaryName("/x/out.json"))));
        Assert.Equal(Environment.ProcessId, LeftoverFiles.WriterPid(Path.GetFileName(LeftoverFiles.TemporaryName("/x/out.json", "abc"))));
        Assert.Null(LeftoverFiles.WriterPid("out.json"));
        Assert.Null(LeftoverFiles.WriterPid("notes.tmp-draft.txt"));
    }

    [Fact]
    public void A_missing_folder_is_nothing_to_sweep() => Assert.Equal(0, LeftoverFiles.Sweep(Path.Combine(_dir, "absent")));
}
