using System.ComponentModel;
using CiteWeb.Cli.Rendering;
using CiteWeb.Core.Export;
using CiteWeb.Core.Parsing.PlainText;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class ParseSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Bibliography files: .bib (BibTeX/BibLaTeX), .json (CSL-JSON), .ris, or a works-cited list (.txt, .md: a bare list or a whole essay)")]
    public string[] Files { get; init; } = [];

    [CommandOption("--style <STYLE>")]
    [Description("Citation style of plain-text lists: auto (detected per list), mla, apa, chicago, chicago-author-date, harvard, numbered")]
    [DefaultValue("auto")]
    public string Style { get; init; } = "auto";

    [CommandOption("--format <FORMAT>")]
    [Description("Output: table, csl-json, bibtex, biblatex, ris")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    public override ValidationResult Validate()
    {
        if (!PlainTextReaderOptions.TryParseStyle(Style, out _)) return ValidationResult.Error($"--style must be auto, mla, apa, chicago, chicago-author-date, harvard or numbered, not '{Style}'");
        if (Format != "table" && !Exporter.Formats.Contains(Format)) return ValidationResult.Error($"--format must be table, csl-json, bibtex, biblatex or ris, not '{Format}'");
        return ValidationResult.Success();
    }
}

/// <summary><c>citeweb parse</c>: read bibliographies and print them structured; diagnostics go to stderr.</summary>
public sealed class ParseCommand(CliIO io) : Command<ParseSettings>
{
    public override int Execute(CommandContext context, ParseSettings settings, CancellationToken cancellationToken)
    {
        PlainTextReaderOptions.TryParseStyle(settings.Style, out var style);
        var (references, preambles, errors) = InputFiles.ReadAll(io, settings.Files, style);
        if (settings.Format == "table")
        {
            io.OutConsole.Write(ReferenceTable.Build(references));
            io.ErrorConsole.MarkupLine($"[grey]{references.Count} references from {settings.Files.Length} file(s), {errors} error(s)[/]");
        }
        else io.Out.Write(Exporter.Write(settings.Format, references, preambles: preambles));
        return errors > 0 ? ExitCodes.Problems : ExitCodes.Success;
    }
}
