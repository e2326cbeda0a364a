using System.ComponentModel;
using CiteWeb.Cli.Rendering;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Enrichment;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class EnrichSettings : NetworkSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Bibliographies to enrich: .bib, .json, .ris, or printed lists (.txt, .md)")]
    public string[] Files { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("Output: csl-json (link in custom.link, archived copy in custom.archive), bibtex, biblatex (urldate, versionurl, versiondate, linkstatus, ...)")]
    [DefaultValue("csl-json")]
    public string Format { get; init; } = "csl-json";

    [CommandOption("-o|--output <OUT>")]
    [Description("Write the records to this new file instead of stdout (never one of the input files)")]
    public string? Output { get; init; }

    [CommandOption("--archive <MODE>")]
    [Description("lookup (default): the archived copy (Wayback, CDX, Memento) near the access date of every link that is not ok; none: do not look; save: also submit links with no copy to Save Page Now (keys from configuration); local: also store every live page as a WARC file under index/archive/. The copy goes in custom.archive (versionurl in BibTeX)")]
    [DefaultValue("lookup")]
    public string Archive { get; init; } = "lookup";

    public static readonly string[] Formats = ["csl-json", "bibtex", "biblatex"];

    public override ValidationResult Validate() =>
        !Formats.Contains(Format) ? ValidationResult.Error($"--format must be csl-json, bibtex or biblatex, not '{Format}'")
        : !ArchiveStage.Modes.Contains(Archive) ? ValidationResult.Error($"--archive must be none, lookup, save or local, not '{Archive}'")
        : ValidationResult.Success();
}

/// <summary>
/// <c>citeweb enrich</c>: DOIs validated and, for references without one, matched through Crossref and attached when
/// sure; every URL checked for rot and, with <c>--archive lookup</c>, the archived copy of a link that is not ok found;
/// the records written back with all of it (<see cref="LinkWriteBack"/>). Each DOI change and each candidate not attached
/// is printed to stderr as a CW6xx diagnostic. Offline nothing is looked up and the records are written as read. Exit
/// code 1 when an input had errors or a link is dead.
/// </summary>
public sealed class EnrichCommand(CliIO io) : AsyncCommand<EnrichSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EnrichSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Output is { } output && InputFiles.IsInput(io, settings.Files, output))
            throw new UserError($"{output}: is an input file; CiteWeb never overwrites its input — choose another -o");
        var (references, preambles, errors) = InputFiles.ReadAll(io, settings.Files);

        using var provider = EnrichmentServices.Build(io, settings);
        ArchiveStage.Require(provider, settings.Archive);
        var enricher = provider.GetRequiredService<DoiEnricher>();
        var result = await enricher.EnrichAsync(references, null, cancellationToken);
        DiagnosticPrinter.Print(io, result.Diagnostics);
        if (settings.Offline) io.Error.WriteLine("enrich: offline, so no DOI was looked up. No link was checked.");
        else if (result.Unchecked > 0) io.Error.WriteLine($"enrich: {result.Unchecked} reference(s) could not be looked up (no network?); nothing was attached to them.");

        IReadOnlyList<LinkCheck> links = [];
        if (!settings.Offline)
        {
            var cited = references.Where(r => !string.IsNullOrWhiteSpace(r.Url)).ToList();
            links = await EnrichmentServices.CheckLinksAsync(io, provider, cited, settings.Archive, drift: false, cancellationToken);
            for (int i = 0; i < cited.Count; i++) LinkWriteBack.Attach(cited[i], links[i], settings.Format);
            if (links.Count > 0) io.Error.WriteLine(LinkRotReport.Summary(links));
            if (settings.Archive != "none") io.Error.WriteLine(ArchiveStage.Describe(links, settings.Archive));
        }
        EnrichmentServices.ReportCache(io, provider);

        if (settings.Output is null) io.Out.Write(Exporter.Write(settings.Format, references, preambles: preambles));
        else InputFiles.WriteAtomically(io.Resolve(settings.Output), s => Exporter.Write(settings.Format, references, s, preambles: preambles));
        var archived = links.Count(l => l.Archive is not null);
        io.ErrorConsole.MarkupLine($"[grey]{result.Changes.Count} DOI(s) attached, {links.Count} link(s) checked, {archived} archived copy(ies) found, "
            + $"{references.Count} reference(s){(settings.Output is null ? "" : " written to " + Markup.Escape(settings.Output))}[/]");
        return errors > 0 || links.Any(l => LinkStatuses.IsDead(l.Status)) ? ExitCodes.Problems : ExitCodes.Success;
    }
}
