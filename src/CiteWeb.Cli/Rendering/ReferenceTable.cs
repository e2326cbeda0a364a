using CiteWeb.Core.Model;
using CiteWeb.Core.Text;
using Spectre.Console;

namespace CiteWeb.Cli.Rendering;

/// <summary>A table of references for people at a terminal: key, type, authors, year, title.</summary>
public static class ReferenceTable
{
    public static Table Build(IEnumerable<Reference> references)
    {
        var list = references as IReadOnlyList<Reference> ?? references.ToList();
        // References read from printed lists carry how sure the reader was; show it where there is one.
        bool confidence = list.Any(r => r.Confidence is not null);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("key").AddColumn("type").AddColumn("authors").AddColumn("year").AddColumn("title");
        if (confidence) table.AddColumn(new TableColumn("conf.").RightAligned());
        foreach (var r in list)
        {
            var cells = new List<string>
            {
                Markup.Escape(r.Id),
                Markup.Escape(r.Type),
                Markup.Escape(Authors(r.Creators)),
                Markup.Escape(r.Issued?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? r.Issued?.Literal ?? ""),
                Markup.Escape(Shorten(RichText.ToPlain(r.Title ?? ""), 70)),
            };
            if (confidence) cells.Add(r.Confidence is double c ? (c < 0.7 ? $"[yellow]{c:0.00}[/]" : c.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)) : "");
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    public static string Authors(IReadOnlyList<PersonName> names) => names.Count switch
    {
        0 => "",
        1 => names[0].FamilyWithParticles,
        2 => $"{names[0].FamilyWithParticles} & {names[1].FamilyWithParticles}",
        _ => names[0].FamilyWithParticles + " et al.",
    };

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
