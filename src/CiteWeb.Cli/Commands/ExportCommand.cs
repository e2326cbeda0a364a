using System.ComponentModel;
using CiteWeb.Cli.Rendering;
using CiteWeb.Core.Export;
using CiteWeb.Core.Parsing.PlainText;
using CiteWeb.Core.Transforms;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class ExportSettings : CommandSettings
{
    [CommandArgument(0, "[FILE]")]
    [Description("Bibliography files to export (merged, in order); none for --to opensearch-bulk, which exports the index")]
    public string[] Files { get; init; } = [];

    [CommandOption("--to <FORMAT>")]
    [Description("Output format: bibtex, biblatex, csl-json, ris")]
    public string? To { get; init; }

    [CommandOption("--style <STYLE>")]
    [Description("Citation style of plain-text lists: auto (detected per list), mla, apa, chicago, chicago-author-date, harvard, numbered")]
    [DefaultValue("auto")]
    public string Style { get; init; } = "auto";

    [CommandOption("--clean")]
    [Description("Clean up: stable keys, field order, page ranges, protected capitals, bare DOIs, trimmed URLs, empty fields dropped")]
    public bool Clean { get; init; }

    [CommandOption("--ascii")]
    [Description("BibTeX: escape every non-ASCII character as LaTeX")]
    public bool Ascii { get; init; }

    [CommandOption("--merge-duplicates")]
    [Description("With --clean: merge references that are the same work (otherwise they are only reported)")]
    public bool MergeDuplicates { get; init; }

    [CommandOption("--dry-run")]
    [Description("With --clean: print the changes the cleanup would make, and write nothing")]
    public bool DryRun { get; init; }

    [CommandOption("-o|--output <OUT>")]
    [Description("Write to this file instead of stdout (never one of the input files)")]
    public string? Output { get; init; }

    [CommandOption("--index <DIR>")]
    [Description("With --to opensearch-bulk: the index to export. Default: index/lucene")]
    [DefaultValue("index/lucene")]
    public string Index { get; init; } = "index/lucene";

    public override ValidationResult Validate()
    {
        if (!PlainTextReaderOptions.TryParseStyle(Style, out _)) return ValidationResult.Error($"--style must be auto, mla, apa, chicago, chicago-author-date, harvard or numbered, not '{Style}'");
        if (To is null) return ValidationResult.Error("--to is required: bibtex, biblatex, csl-json, ris or opensearch-bulk");
        if (To == "opensearch-bulk")
            return Files.Length > 0 ? ValidationResult.Error("--to opensearch-bulk exports the index (--index DIR); give no files")
                : Output is null ? ValidationResult.Error("--to opensearch-bulk needs -o OUT.ndjson (the mapping is written beside it)")
                : ValidationResult.Success();
        if (Files.Length == 0) return ValidationResult.Error("give the bibliography files to export");
        if (!Exporter.Formats.Contains(To)) return ValidationResult.Error($"--to must be bibtex, biblatex, csl-json or ris, not '{To}'");
        if ((DryRun || MergeDuplicates) && !Clean) return ValidationResult.Error("--dry-run and --merge-duplicates go with --clean");
        return ValidationResult.Success();
    }
}

/// <summary><c>citeweb export</c>: write bibliographies in another format, optionally cleaned.</summary>
public sealed class ExportCommand(CliIO io) : Command<ExportSettings>
{
    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Output is { } output)
            foreach (var f in settings.Files)
                if (string.Equals(io.Resolve(f), io.Resolve(output), StringComparison.Ordinal))
                    throw new UserError($"{output}: is an input file; CiteWeb never overwrites its input — choose another -o");

        if (settings.To == "opensearch-bulk") return ExportBulk(settings);
        PlainTextReaderOptions.TryParseStyle(settings.Style, out var style);
        var (references, preambles, errors) = InputFiles.ReadAll(io, settings.Files, style);
        if (settings.Clean)
        {
            var cleanup = new TransformContext { Options = new CleanOptions { MergeDuplicates = settings.MergeDuplicates } };
            var changes = new Cleaner().Run(references, cleanup);
            DiagnosticPrinter.Print(io, cleanup.Diagnostics);
            if (settings.DryRun)
            {
                foreach (var c in changes)
                    io.Out.WriteLine($"{c.ReferenceId}: {c.Transform}: {c.Field}: {Show(c.Before)} -> {Show(c.After)}");
                io.ErrorConsole.MarkupLine($"[grey]{changes.Count} change(s) in {changes.Select(c => c.ReferenceId).Distinct().Count()} reference(s); nothing written (dry run)[/]");
                return errors > 0 ? ExitCodes.Problems : ExitCodes.Success;
            }
            io.ErrorConsole.MarkupLine($"[grey]cleaned: {changes.Count} change(s)[/]");
        }
        if (settings.Output is null) io.Out.Write(Exporter.Write(settings.To!, references, settings.Ascii, preambles));
        else
        {
            InputFiles.WriteAtomically(io.Resolve(settings.Output), s => Exporter.Write(settings.To!, references, s, settings.Ascii, preambles));
            io.ErrorConsole.MarkupLine($"[grey]{references.Count} references written to {Markup.Escape(settings.Output)}[/]");
        }
        return errors > 0 ? ExitCodes.Problems : ExitCodes.Success;
    }

    /// <summary>The index as OpenSearch _bulk NDJSON at OUT and its mapping at OUT's stem + ".mapping.json".</summary>
    private int ExportBulk(ExportSettings settings)
    {
        using var index = IndexCommand.OpenExisting(io, settings.Index);
        var output = io.Resolve(settings.Output!);
        var mapping = Path.Combine(Path.GetDirectoryName(output)!, Path.GetFileNameWithoutExtension(output) + ".mapping.json");
        int documents = 0;
        InputFiles.WriteAtomically(output, s => documents = CiteWeb.Index.OpenSearchExport.WriteBulk(index, s));
        InputFiles.WriteAtomically(mapping, s => s.Write(System.Text.Encoding.UTF8.GetBytes(CiteWeb.Index.OpenSearchExport.Mapping())));
        io.Out.WriteLine($"{documents} documents written to {settings.Output}; mapping in {Path.GetRelativePath(io.WorkingDirectory, mapping)}");
        return ExitCodes.Success;
    }

    private static string Show(string? value) => value is null ? "(none)" : "\"" + value + "\"";
}
