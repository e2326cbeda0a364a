using System.Diagnostics;

namespace CiteWeb.Core.Export;

/// <summary>
/// Temporary files that a killed run left behind. Every writer that renames a temporary file over its target names
/// the temporary with its process id (<see cref="TemporaryName"/>), so a later run can tell a leftover (its writer is
/// gone) from a file another run is writing right now, and delete only the first.
/// </summary>
public static class LeftoverFiles
{
    private const string Marker = ".tmp-";

    /// <summary>The temporary beside <paramref name="path"/> that this process writes before renaming it over
    /// <paramref name="path"/>; <paramref name="unique"/> keeps concurrent writers in one process apart.</summary>
    public static string TemporaryName(string path, string? unique = null) =>
        path + Marker + Environment.ProcessId + (unique is null ? "" : "-" + unique);

    /// <summary>
    /// Deletes the temporaries in <paramref name="directory"/> (and below it when <paramref name="recursive"/>) whose
    /// name starts with <paramref name="prefix"/> and whose writing process no longer runs. Returns how many went.
    /// Files that cannot be read or deleted are left; a sweep never fails the run that asked for it.
    /// </summary>
    public static int Sweep(string directory, string prefix = "", bool recursive = false)
    {
        int deleted = 0;
        try
        {
            if (!Directory.Exists(directory)) return 0;
            foreach (var file in Directory.EnumerateFiles(directory, prefix + "*" + Marker + "*",
                         recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
            {
                if (WriterPid(Path.GetFileName(file)) is not { } pid || IsRunning(pid)) continue;
                try { File.Delete(file); deleted++; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return deleted;
    }

    /// <summary>The process id in a temporary's name (<c>NAME.tmp-PID</c> or <c>NAME.tmp-PID-UNIQUE</c>), else null.</summary>
    public static int? WriterPid(string fileName)
    {
        int at = fileName.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = fileName.AsSpan(at + Marker.Length);
        int dash = rest.IndexOf('-');
        return int.TryParse(dash < 0 ? rest : rest[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid)
            ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
