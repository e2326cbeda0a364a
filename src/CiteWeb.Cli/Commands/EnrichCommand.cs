using System.ComponentModel;
using CiteWeb.Cli.Rendering;
using CiteWeb.Core.Export;
using CiteWeb.Enrichment;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class EnrichSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Bibliographies to enrich: .bib, .json, .ris, or printed lists (.txt, .md)")]
    public string[] Files { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("Output: csl-json, bibtex, biblatex")]
    [DefaultValue("csl-json")]
    public string Format { get; init; } = "csl-json";

    [CommandOption("-o|--output <OUT>")]
    [Description("Write the records to this file instead of stdout (never one of the input files)")]
    public string? Output { get; init; }

    [CommandOption("--offline")]
    [Description("Look nothing up: the records are written as read")]
    public bool Offline { get; init; }

    [CommandOption("--archive <MODE>")]
    [Description("none; lookup: the archived copy near the access date of every link that is not ok; save: also submit links with no copy to Save Page Now (keys from configuration); local: also store every live page as a WARC file under index/archive/. The copy goes in custom.archive")]
    [DefaultValue("none")]
    public string Archive { get; init; } = "none";

    public static readonly string[] Formats = ["csl-json", "bibtex", "biblatex"];

    public override ValidationResult Validate() =>
        !Formats.Contains(Format) ? ValidationResult.Error($"--format must be csl-json, bibtex or biblatex, not '{Format}'")
        : !ArchiveStage.Modes.Contains(Archive) ? ValidationResult.Error($"--archive must be none, lookup, save or local, not '{Archive}'")
        : ValidationResult.Success();
}

/// <summary>
/// <c>citeweb enrich</c>: DOIs validated and, for references without one, matched through Crossref and attached when
/// sure. Each change and each candidate not attached is printed to stderr as a CW6xx diagnostic. Offline or without a
/// network nothing is attached and the exit code is still 0.
/// </summary>
public sealed class EnrichCommand(CliIO io) : AsyncCommand<EnrichSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EnrichSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Output is { } output && InputFiles.IsInput(io, settings.Files, output))
            throw new UserError($"{output}: is an input file; CiteWeb never overwrites its input — choose another -o");
        var (references, preambles, errors) = InputFiles.ReadAll(io, settings.Files);

        using var provider = EnrichmentServices.Build(io, settings.Offline);
        ArchiveStage.Require(provider, settings.Archive);
        var enricher = provider.GetRequiredService<DoiEnricher>();
        var result = await enricher.EnrichAsync(references, null, cancellationToken);
        DiagnosticPrinter.Print(io, result.Diagnostics);
        if (settings.Offline) io.Error.WriteLine("enrich: offline, so no DOI was looked up.");
        else if (result.Unchecked > 0) io.Error.WriteLine($"enrich: {result.Unchecked} reference(s) could not be looked up (no network?); nothing was attached to them.");
        if (settings.Archive != "none") await ArchiveStage.EnrichAsync(io, provider, references, settings.Archive, cancellationToken);

        if (settings.Output is null) io.Out.Write(Exporter.Write(settings.Format, references, preambles: preambles));
        else InputFiles.WriteAtomically(io.Resolve(settings.Output), s => Exporter.Write(settings.Format, references, s, preambles: preambles));
        io.ErrorConsole.MarkupLine($"[grey]{result.Changes.Count} DOI(s) attached to {references.Count} reference(s){(settings.Output is null ? "" : " written to " + Markup.Escape(settings.Output))}[/]");
        return errors > 0 ? ExitCodes.Problems : ExitCodes.Success;
    }
}
