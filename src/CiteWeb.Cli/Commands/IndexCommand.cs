using System.ComponentModel;
using System.Security.Cryptography;
using CiteWeb.Cli.Rendering;
using CiteWeb.Index;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

/// <summary>The option every index command shares.</summary>
public class IndexLocationSettings : CommandSettings
{
    [CommandOption("--index <DIR>")]
    [Description("The Lucene index folder. Default: index/lucene")]
    [DefaultValue("index/lucene")]
    public string Index { get; init; } = "index/lucene";
}

/// <summary>The index option plus <c>--format table|json</c>, shared by the query commands.</summary>
public class IndexQuerySettings : IndexLocationSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("table or json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    public override Spectre.Console.ValidationResult Validate() =>
        Format is not ("table" or "json") ? Spectre.Console.ValidationResult.Error($"--format must be table or json, not '{Format}'") : Spectre.Console.ValidationResult.Success();
}

public sealed class IndexSettings : IndexLocationSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Bibliography files and folders (.bib, .json, .ris, printed lists .txt/.md); folders are read recursively, manuscripts/ excepted")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--batch <N>")]
    [Description("Files per commit: a killed run keeps every batch committed before it. Default: 64")]
    [DefaultValue(64)]
    public int Batch { get; init; } = 64;

    public override Spectre.Console.ValidationResult Validate() =>
        Batch < 1 ? Spectre.Console.ValidationResult.Error("--batch must be at least 1") : Spectre.Console.ValidationResult.Success();
}

/// <summary>
/// <c>citeweb index</c>: every file is one bibliography, its id the path relative to the folder given (or the file
/// name) without extension. A file whose content hash is already in the index is skipped; a changed one replaces its
/// documents. A printed list beside a structured file of the same stem is that file's printed form: the structured
/// one is indexed. Works are rebuilt after the last batch.
/// </summary>
public sealed class IndexCommand(CliIO io) : Command<IndexSettings>
{
    private sealed record Input(string File, string Id, string Display);

    public override int Execute(CommandContext context, IndexSettings settings, CancellationToken cancellationToken) =>
        Update(settings.Paths, settings.Index, settings.Batch, printDiagnostics: true, cancellationToken) > 0 ? ExitCodes.Problems : ExitCodes.Success;

    /// <summary>Brings the index at <paramref name="index"/> up to date with the bibliographies under
    /// <paramref name="paths"/> (unchanged files skipped by content hash, one commit a batch, works rebuilt when anything
    /// changed), prints one line on what it did, and returns the number of input errors. <c>run</c> calls it too, with
    /// the diagnostics already printed by its parse stage.</summary>
    internal int Update(string[] paths, string index, int batchSize, bool printDiagnostics, CancellationToken cancellationToken)
    {
        var inputs = Collect(paths);
        var dir = io.Resolve(index);
        using var citations = CitationIndex.Open(dir);
        var known = citations.IndexedHashes();
        bool stale = citations.WorksStale;
        int indexed = 0, skipped = 0, references = 0, errors = 0;
        var batch = new List<BibliographyInput>();
        void Flush()
        {
            if (batch.Count == 0) return;
            citations.AddBatch(batch);
            batch.Clear();
        }
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hash = Hash(input.File);
            if (known.TryGetValue(input.Id, out var old) && old == hash) { skipped++; continue; }
            var bibliography = InputFiles.Read(io, input.Display);
            if (printDiagnostics) DiagnosticPrinter.Print(io, bibliography.Diagnostics);
            errors += InputFiles.CountErrors(bibliography.Diagnostics);
            batch.Add(new BibliographyInput(input.Id, Path.GetFileNameWithoutExtension(input.File), input.Display, hash,
                InputFiles.FormatOf(input.File)!, bibliography.References));
            indexed++;
            references += bibliography.References.Count;
            if (!io.Interactive) io.Error.WriteLine($"index: {indexed + skipped}/{inputs.Count} {input.Display} ({bibliography.References.Count} references)");
            if (batch.Count >= batchSize) Flush();
        }
        Flush();
        string works = "works unchanged";
        if (indexed > 0 || stale)
        {
            var stats = citations.RebuildWorks();
            works = $"{stats.Works} works from {stats.References} references ({stats.YearsDiffer} joined across years one apart; see 'citeweb works --duplicates')";
        }
        io.Out.WriteLine($"indexed {indexed} bibliographies ({references} references), {skipped} unchanged; {works}; index in {Path.GetRelativePath(io.WorkingDirectory, dir)}");
        return errors;
    }

    private List<Input> Collect(string[] paths)
    {
        var inputs = new List<Input>();
        foreach (var path in paths)
        {
            var full = io.Resolve(path);
            if (System.IO.Directory.Exists(full))
            {
                var files = InputFiles.BibliographiesIn(full);
                var twins = InputFiles.StructuredTwins(files);
                foreach (var f in files)
                {
                    if (InputFiles.FormatOf(f) == "text" && twins.ContainsKey(InputFiles.StemOf(f))) continue;
                    var id = Path.ChangeExtension(Path.GetRelativePath(full, f), null).Replace(Path.DirectorySeparatorChar, '/');
                    inputs.Add(new Input(f, id, Path.GetRelativePath(io.WorkingDirectory, f)));
                }
            }
            else if (File.Exists(full))
            {
                if (InputFiles.FormatOf(full) is null) throw new UserError($"{path}: unknown format; expected .bib, .json (CSL-JSON), .ris or a works-cited list in .txt/.md");
                inputs.Add(new Input(full, Path.GetFileNameWithoutExtension(full), path));
            }
            else throw new UserError($"{path}: no such file or folder");
        }
        var clash = inputs.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new UserError($"{string.Join(" and ", clash.Select(c => c.Display))}: both would be bibliography '{clash.Key}'; index them from their folder or rename one");
        return inputs;
    }

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Opens an existing index for reading, or explains how to make one.</summary>
    internal static CitationIndex OpenExisting(CliIO io, string index)
    {
        var dir = io.Resolve(index);
        if (!CitationIndex.Exists(dir)) throw new UserError($"{index}: no index here; build one with 'citeweb index bib --index {index}'");
        var opened = CitationIndex.Open(dir);
        if (opened.WorksStale) io.Error.WriteLine($"citeweb: warning: {index} was interrupted while indexing; its works predate the last bibliographies (run 'citeweb index' again)");
        return opened;
    }
}
