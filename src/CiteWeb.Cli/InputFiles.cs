using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Parsing.PlainText;

namespace CiteWeb.Cli;

/// <summary>Opens bibliography files by their extension and reads them with the matching reader. Files are only ever read.</summary>
public static class InputFiles
{
    public static readonly string[] BibliographyExtensions = [".bib", ".bibtex", ".biblatex", ".json", ".csljson", ".ris", ".txt", ".md", ".markdown"];

    /// <summary>Input files larger than this are refused before reading (a bibliography is megabytes, not gigabytes).</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".bib" or ".bibtex" or ".biblatex" => "bibtex",
        ".json" or ".csljson" => "csl-json",
        ".ris" => "ris",
        ".txt" or ".md" or ".markdown" => "text",
        _ => null,
    };

    public static Bibliography Read(CliIO io, string path, ReferenceStyle style = ReferenceStyle.Auto)
    {
        var full = io.Resolve(path);
        if (Directory.Exists(full)) throw new UserError($"{path}: is a folder; give a file (or use 'citeweb run {path}')");
        if (!File.Exists(full)) throw new UserError($"{path}: no such file");
        var format = FormatOf(full) ?? throw new UserError($"{path}: unknown format; expected .bib, .json (CSL-JSON), .ris or a works-cited list in .txt/.md");
        byte[] bytes;
        try
        {
            var info = new FileInfo(full);
            if (info.Length > MaxFileBytes) throw new UserError($"{path}: {info.Length / (1024 * 1024)} MB is larger than the {MaxFileBytes / (1024 * 1024)} MB limit");
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot read: {e.Message}");
        }
        var decoded = TextDecoding.Decode(bytes, path);
        Bibliography bibliography = format switch
        {
            "bibtex" => BibTexReader.Parse(decoded.Text, path),
            "csl-json" => CslJsonReader.Read(decoded.Text, path),
            "text" => PlainTextReader.Read(decoded.Text, path, new PlainTextReaderOptions { Style = style }),
            _ => RisReader.Read(decoded.Text, path),
        };
        bibliography.Diagnostics.InsertRange(0, decoded.Diagnostics);
        return bibliography;
    }

    /// <summary>The bibliographies of a folder, recursively, in ordinal order: every file of a known format except
    /// the manuscripts/ subfolder (manuscripts are checked, not indexed) and README.md (a folder's description).</summary>
    public static List<string> BibliographiesIn(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, Path.Combine(dir, "manuscripts")) && FormatOf(f) is not null
                && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>A printed list and a structured file of the same stem are one bibliography (the essay's works cited and
    /// its reviewed .bib): the structured file's name by stem (folder + name without extension).</summary>
    public static Dictionary<string, string> StructuredTwins(IEnumerable<string> files) =>
        files.Where(f => FormatOf(f) != "text")
            .ToDictionary(StemOf, f => Path.GetFileName(f), StringComparer.Ordinal);

    public static string StemOf(string file) => Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file));

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="output"/> names one of the input files (CiteWeb never writes over its input).</summary>
    public static bool IsInput(CliIO io, IEnumerable<string> inputs, string output)
    {
        var target = Path.GetFullPath(io.Resolve(output));
        return inputs.Any(f => string.Equals(Path.GetFullPath(io.Resolve(f)), target, StringComparison.Ordinal));
    }

    /// <summary>Writes output atomically: streamed to a temporary file beside the target, then renamed over it,
    /// so an interrupted run never leaves half a file; the temporary a killed run left for the same file goes.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        LeftoverFiles.Sweep(string.IsNullOrEmpty(dir) ? "." : dir, Path.GetFileName(path)); // what a killed run left of this file
        var temp = LeftoverFiles.TemporaryName(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The references of several files, in order, with their preambles; diagnostics are printed as read.</summary>
    public sealed record Loaded(List<Reference> References, List<string> Preambles, int Errors);

    public static Loaded ReadAll(CliIO io, IEnumerable<string> paths, ReferenceStyle style = ReferenceStyle.Auto)
    {
        var loaded = new Loaded([], [], 0);
        int errors = 0;
        foreach (var path in paths)
        {
            var b = Read(io, path, style);
            Rendering.DiagnosticPrinter.Print(io, b.Diagnostics);
            errors += CountErrors(b.Diagnostics);
            loaded.References.AddRange(b.References);
            loaded.Preambles.AddRange(b.Preambles);
        }
        return loaded with { Errors = errors };
    }

    public static int CountErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Count(d => d.Severity == Severity.Error);
}
