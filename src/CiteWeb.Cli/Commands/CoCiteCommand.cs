using System.ComponentModel;
using System.Text.Json;
using CiteWeb.Core.Network;
using CiteWeb.Index;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

/// <summary>Options shared by the rankings (cocite, coupling).</summary>
public class RankingSettings : IndexQuerySettings
{
    [CommandOption("--top <N>")]
    [Description("At most N rows. Default: 20")]
    [DefaultValue(20)]
    public int Top { get; init; } = 20;

    [CommandOption("--min <N>")]
    [Description("Only rows counted at least N times. Default: 1")]
    [DefaultValue(1)]
    public int Min { get; init; } = 1;

    [CommandOption("--measure <MEASURE>")]
    [Description("strength: association (VOSviewer's association strength, c_ij N / (c_i c_j)) or cosine (Salton). Default: association")]
    [DefaultValue("association")]
    public string Measure { get; init; } = "association";

    public override ValidationResult Validate() =>
        Measure is not ("association" or "cosine") ? ValidationResult.Error($"--measure must be association or cosine, not '{Measure}'")
        : Top < 0 ? ValidationResult.Error("--top must not be negative")
        : base.Validate();

    public CoCitationOptions Options => new() { Top = Top, Min = Math.Max(1, Min), Measure = Measure == "cosine" ? StrengthMeasure.Cosine : StrengthMeasure.Association };
}

public sealed class CoCiteSettings : RankingSettings
{
    [CommandOption("--work <KEY>")]
    [Description("The work: its id (from search) or the citation key of any of its references")]
    public string? Work { get; init; }

    [CommandOption("--title <TEXT>")]
    [Description("The work whose title best matches TEXT")]
    public string? Title { get; init; }

    [CommandOption("--author <NAME>")]
    [Description("Author co-citation: the authors cited together with NAME (\"Tsing\", \"Anna Tsing\", \"Tsing, Anna\")")]
    public string? Author { get; init; }

    public override ValidationResult Validate() =>
        new[] { Work, Title, Author }.Count(v => v is not null) != 1 ? ValidationResult.Error("give exactly one of --work, --title, --author")
        : base.Validate();
}

/// <summary><c>citeweb cocite</c>: the works (or authors) cited together with a work (or an author).</summary>
public sealed class CoCiteCommand(CliIO io) : Command<CoCiteSettings>
{
    public override int Execute(CommandContext context, CoCiteSettings settings, CancellationToken cancellationToken)
    {
        using var index = IndexCommand.OpenExisting(io, settings.Index);
        CoCitationResult result;
        if (settings.Author is { } author)
        {
            result = CoCitation.Authors(index.ToCorpus(), author, settings.Options);
            if (result.Status == TargetStatus.Ambiguous)
                throw new UserError($"'{author}' names several authors: {string.Join("; ", result.Candidates)}; give the given name too");
            if (result.Status == TargetStatus.Unknown) throw new UserError($"no author '{author}' in {settings.Index}");
        }
        else
        {
            var work = settings.Work is { } key ? index.FindWork(key) : index.FindWorkByTitle(settings.Title!);
            if (work is null) throw new UserError(settings.Work is not null ? $"no work or citation key '{settings.Work}' in {settings.Index}" : $"no work titled like '{settings.Title}' in {settings.Index}");
            result = index.CoCite(work, settings.Options);
        }
        Render(io, settings.Format, result, "co-cited with", "bibliographies cite it");
        return ExitCodes.Success;
    }

    internal static void Render(CliIO io, string format, CoCitationResult result, string relation, string citingNoun)
    {
        if (format == "json")
        {
            io.Out.WriteLine(Json(result));
            return;
        }
        io.OutConsole.WriteLine($"{relation} {result.TargetLabel ?? result.Target} ({result.Target}); {result.CitingBibliographies} {citingNoun}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("id").AddColumn("label").AddColumn(new TableColumn("count").RightAligned()).AddColumn(new TableColumn("strength").RightAligned());
        foreach (var r in result.Results) table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Label), r.Count.ToString(), r.Strength.ToString("0.000"));
        io.OutConsole.Write(table);
    }

    /// <summary>The JSON contract: {"target", "targetLabel", "citingBibliographies", "results": [{"id", "label", "count", "strength"}]}.</summary>
    internal static string Json(CoCitationResult result)
    {
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("target", result.Target);
            w.WriteString("targetLabel", result.TargetLabel);
            w.WriteNumber("citingBibliographies", result.CitingBibliographies);
            w.WriteStartArray("results");
            foreach (var r in result.Results)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("label", r.Label);
                w.WriteNumber("count", r.Count);
                w.WriteNumber("strength", Math.Round(r.Strength, 6));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
