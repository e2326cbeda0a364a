using System.ComponentModel;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Enrichment;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class LinkRotSettings : NetworkSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Bibliographies whose links are checked: .bib, .json, .ris, or printed lists (.txt, .md)")]
    public string[] Files { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("Report: text, json, markdown, html, csv")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("-o|--output <OUT>")]
    [Description("Write the report to this file instead of stdout")]
    public string? Output { get; init; }

    [CommandOption("--archive <MODE>")]
    [Description("none; lookup: find an archived copy (Wayback, CDX, Memento) near the access date for every link that is not ok; save: also submit links with no copy (or drifted) to Save Page Now (keys from configuration); local: also store every live page as a WARC file under index/archive/")]
    [DefaultValue("none")]
    public string Archive { get; init; } = "none";

    [CommandOption("--drift")]
    [Description("Compare every live page with its archived copy near the access date and flag the ones whose text changed (implies --archive lookup, also for ok links)")]
    public bool Drift { get; init; }

    public override ValidationResult Validate() =>
        !LinkRotReport.Formats.Contains(Format) ? ValidationResult.Error($"--format must be text, json, markdown, html or csv, not '{Format}'")
        : !ArchiveStage.Modes.Contains(Archive) ? ValidationResult.Error($"--archive must be none, lookup, save or local, not '{Archive}'")
        : ValidationResult.Success();
}

/// <summary>
/// <c>citeweb linkrot</c>: every URL of the bibliographies checked for rot (dead, moved, soft-404, blocked, ...).
/// Endpoints and limits come from <c>citeweb.json</c> and <c>CITEWEB_*</c> environment variables. Exit code 1 when a
/// link is dead.
/// </summary>
public sealed class LinkRotCommand(CliIO io) : AsyncCommand<LinkRotSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LinkRotSettings settings, CancellationToken cancellationToken)
    {
        var (references, _, _) = InputFiles.ReadAll(io, settings.Files);
        var cited = references.Where(r => !string.IsNullOrWhiteSpace(r.Url)).ToList();
        using var provider = EnrichmentServices.Build(io, settings);
        ArchiveStage.Require(provider, settings.Archive);
        var results = await EnrichmentServices.CheckLinksAsync(io, provider, cited, settings.Archive, settings.Drift, cancellationToken);
        EnrichmentServices.ReportCache(io, provider);

        var report = LinkRotReport.Write(settings.Format, results, DateTimeOffset.UtcNow);
        if (settings.Output is { } output)
        {
            var target = io.Resolve(output);
            if (InputFiles.IsInput(io, settings.Files, output))
                throw new UserError($"{output}: is one of the input files; write the report elsewhere");
            InputFiles.WriteAtomically(target, s => s.Write(System.Text.Encoding.UTF8.GetBytes(report)));
            io.Error.WriteLine($"{LinkRotReport.Summary(results)} Report in {output}.");
        }
        else
        {
            io.Out.Write(report);
            if (settings.Format != "text") io.Error.WriteLine(LinkRotReport.Summary(results));
        }
        return results.Any(r => LinkStatuses.IsDead(r.Status)) ? ExitCodes.Problems : ExitCodes.Success;
    }

    /// <summary>The day the author saw the page: the access date, else the publication date. A year or a month alone
    /// (or a season) stands for its first day; text that is no date gives none.</summary>
    internal static DateTimeOffset? Near(Reference r) => Day(r.Dates.GetValueOrDefault(Csl.Accessed)) ?? Day(r.Issued);

    private static DateTimeOffset? Day(PartialDate? date)
    {
        if (date?.Start is not { Year: >= 1 and <= 9999 } s) return null;
        var month = s.Month is >= 1 and <= 12 ? s.Month.Value : 1;
        var day = s.IsValid && s.Month == month && s.Day is { } d ? d : 1;
        return new DateTimeOffset(s.Year, month, day, 0, 0, 0, TimeSpan.Zero);
    }
}
