using System.ComponentModel;
using System.Text.Json;
using CiteWeb.Core.Network;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class CouplingSettings : RankingSettings
{
    [CommandOption("--bibliography <ID>")]
    [Description("Rank the bibliographies coupled with this one; without it, every pair of bibliographies")]
    public string? Bibliography { get; init; }
}

/// <summary><c>citeweb coupling</c>: bibliographies ranked by the works they both cite (bibliographic coupling).</summary>
public sealed class CouplingCommand(CliIO io) : Command<CouplingSettings>
{
    public override int Execute(CommandContext context, CouplingSettings settings, CancellationToken cancellationToken)
    {
        using var index = IndexCommand.OpenExisting(io, settings.Index);
        var corpus = index.ToCorpus();
        if (settings.Bibliography is { } id)
        {
            var result = CoCitation.CoupledWith(corpus, id, settings.Options);
            if (result.Status == TargetStatus.Unknown)
                throw new UserError($"no bibliography '{id}' in {settings.Index}; there are: {string.Join(", ", corpus.Bibliographies.Select(b => b.Id))}");
            CoCiteCommand.Render(io, settings.Format, result, "coupled with", "works cited");
            return ExitCodes.Success;
        }
        var pairs = CoCitation.Coupling(corpus, settings.Options);
        if (settings.Format == "json")
        {
            // Pairs as rows of the ranking contract: id "a|b", label "A + B".
            var rows = pairs.Pairs.Select(p => new RankedItem(p.SourceId + "|" + p.TargetId, p.SourceLabel + " + " + p.TargetLabel, p.Count, p.Strength)).ToList();
            io.Out.WriteLine(CoCiteCommand.Json(new CoCitationResult("all pairs", null, pairs.Bibliographies, rows, TargetStatus.Found, [])));
            return ExitCodes.Success;
        }
        io.OutConsole.WriteLine($"bibliographic coupling of {pairs.Bibliographies} bibliographies");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("bibliography").AddColumn("bibliography").AddColumn(new TableColumn("shared works").RightAligned()).AddColumn(new TableColumn("strength").RightAligned());
        foreach (var p in pairs.Pairs) table.AddRow(Markup.Escape(p.SourceId), Markup.Escape(p.TargetId), p.Count.ToString(), p.Strength.ToString("0.000"));
        io.OutConsole.Write(table);
        return ExitCodes.Success;
    }
}
