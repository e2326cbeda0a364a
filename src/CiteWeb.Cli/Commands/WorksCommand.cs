using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class WorksSettings : IndexQuerySettings
{
    [CommandOption("--duplicates")]
    [Description("Only works joined from differing variants (several references, other titles, keys or years), with their variants, for review")]
    public bool Duplicates { get; init; }
}

/// <summary><c>citeweb works</c>: the works of the index; with <c>--duplicates</c>, the clusters of variants.</summary>
public sealed class WorksCommand(CliIO io) : Command<WorksSettings>
{
    public override int Execute(CommandContext context, WorksSettings settings, CancellationToken cancellationToken)
    {
        using var index = IndexCommand.OpenExisting(io, settings.Index);
        var works = index.Works().Where(w => !settings.Duplicates || w.Variants.Count > 1).ToList();
        if (settings.Format == "json")
        {
            io.Out.WriteLine(JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("works");
                foreach (var work in works)
                {
                    w.WriteStartObject();
                    w.WriteString("work", work.Id);
                    w.WriteString("title", work.Title);
                    if (work.Year is { } y) w.WriteNumber("year", y); else w.WriteNull("year");
                    w.WriteBoolean("yearsDiffer", work.YearsDiffer);
                    w.WriteStrings("citedBy", work.CitedBy);
                    w.WriteStartArray("variants");
                    foreach (var v in work.Variants)
                    {
                        w.WriteStartObject();
                        w.WriteString("bibliography", v.Bibliography);
                        w.WriteString("key", v.Key);
                        w.WriteString("title", v.Title);
                        w.WriteString("authors", v.Authors);
                        if (v.Year is { } vy) w.WriteNumber("year", vy); else w.WriteNull("year");
                        w.WriteString("type", v.Type);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("work").AddColumn("variants (bibliography: key, year, title)").AddColumn("note");
        foreach (var work in works)
        {
            var variants = work.Variants.Count == 0 ? work.Title : string.Join("\n", work.Variants.Select(v => $"{v.Bibliography}: {v.Key}, {v.Year}, {v.Title}"));
            table.AddRow(Markup.Escape(work.Id), Markup.Escape(variants), work.YearsDiffer ? "years differ (joined at most one apart)" : "");
        }
        io.OutConsole.Write(table);
        io.OutConsole.WriteLine($"{works.Count} works" + (settings.Duplicates ? " joined from several references" : ""));
        return ExitCodes.Success;
    }
}
