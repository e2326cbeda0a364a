using System.ComponentModel;
using System.Text.Json;
using CiteWeb.Index;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class SearchSettings : IndexQuerySettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("Lucene query syntax: words, \"phrases\", author:crawfrd~ (fuzzy), year:[2018 TO 2023], title:, container:, publisher:, type:, doi:, url:, note:")]
    public string Query { get; init; } = "";

    [CommandOption("--limit <N>")]
    [Description("At most N hits. Default: 20")]
    [DefaultValue(20)]
    public int Limit { get; init; } = 20;

    public override ValidationResult Validate() =>
        Limit < 1 ? ValidationResult.Error("--limit must be at least 1") : base.Validate();
}

/// <summary><c>citeweb search</c>: works matching a Lucene query, each with the bibliographies that cite it.</summary>
public sealed class SearchCommand(CliIO io) : Command<SearchSettings>
{
    public override int Execute(CommandContext context, SearchSettings settings, CancellationToken cancellationToken)
    {
        using var index = IndexCommand.OpenExisting(io, settings.Index);
        IReadOnlyList<SearchHit> hits;
        try { hits = index.Search(settings.Query, settings.Limit); }
        catch (QuerySyntaxException e) { throw new UserError($"cannot parse the query '{settings.Query}': {e.Message.Split('\n')[0]}"); }
        if (settings.Format == "json")
        {
            io.Out.WriteLine(Json(hits));
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("work").AddColumn("year").AddColumn("authors").AddColumn("title / match")
            .AddColumn(new TableColumn("score").RightAligned()).AddColumn("cited by");
        foreach (var h in hits)
            table.AddRow(Markup.Escape(h.Work), h.Year?.ToString() ?? "", Markup.Escape(string.Join("; ", h.Authors)),
                Markup.Escape(h.Title + (h.Snippet is { } s && s != h.Title ? "\n" + s : "")), h.Score.ToString("0.00"), Markup.Escape(string.Join("\n", h.CitedBy)));
        io.OutConsole.Write(table);
        io.OutConsole.WriteLine($"{hits.Count} hits");
        return ExitCodes.Success;
    }

    /// <summary>The JSON contract: {"hits": [{"work", "key", "title", "authors", "year", "score", "citedBy", "snippet"}]}.</summary>
    internal static string Json(IReadOnlyList<SearchHit> hits)
    {
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("hits");
            foreach (var h in hits)
            {
                w.WriteStartObject();
                w.WriteString("work", h.Work);
                w.WriteString("key", h.Key);
                w.WriteString("title", h.Title);
                w.WriteStrings("authors", h.Authors);
                if (h.Year is { } y) w.WriteNumber("year", y); else w.WriteNull("year");
                w.WriteNumber("score", Math.Round(h.Score, 4));
                w.WriteStrings("citedBy", h.CitedBy);
                if (h.Snippet is { } s) w.WriteString("snippet", s); else w.WriteNull("snippet");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
