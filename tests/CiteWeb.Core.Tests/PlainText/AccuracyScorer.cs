using System.Globalization;
using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Parsing.PlainText;

namespace CiteWeb.Core.Tests.PlainText;

/// <summary>Precision, recall and F1 of one field (or of all fields, micro-averaged).</summary>
public sealed record FieldScore(string Field, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>One value the parser got wrong, for the report of hardest errors.</summary>
public sealed record FieldError(string Entry, string Field, string? Gold, string? Parsed);

public sealed record AccuracyReport(string List, string Style, int Entries, IReadOnlyList<FieldScore> Fields, FieldScore Overall, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Scores the plain-text reader against hand-made gold CSL-JSON (tests/.../PlainText/Gold): per field, a value is
/// right when it equals the gold value after case, punctuation and white space are normalised. A gold item is
/// paired with the reference that starts on its line (id "line-N").
/// </summary>
public static class AccuracyScorer
{
    public static readonly string[] ScoredFields =
    [
        "type", "author", "editor", "translator", "title", "container-title", "collection-title", "publisher",
        "publisher-place", "issued", "accessed", "volume", "issue", "page", "edition", "DOI", "URL", "genre", "medium",
        "event-title", "event-place",
    ];

    public static AccuracyReport Score(string listName, string listText, string goldJson)
    {
        var parsed = PlainTextReader.Read(listText, listName + ".txt");
        var gold = CslJsonReader.Read(goldJson, listName + ".gold.json");
        var byLine = parsed.References.Where(r => r.Source is not null).GroupBy(r => r.Source!.Value.Line).ToDictionary(g => g.Key, g => g.First());
        var counts = ScoredFields.ToDictionary(f => f, _ => new int[3]);
        var errors = new List<FieldError>();
        foreach (var g in gold.References)
        {
            int line = int.Parse(g.Id.AsSpan("line-".Length), CultureInfo.InvariantCulture);
            byLine.TryGetValue(line, out var p);
            foreach (var field in ScoredFields)
            {
                var gv = Value(g, field);
                var pv = p is null ? null : Value(p, field);
                var c = counts[field];
                if (gv is null && pv is null) continue;
                if (gv is not null && pv is not null && gv == pv) { c[0]++; continue; }
                if (pv is not null) c[1]++;
                if (gv is not null) c[2]++;
                errors.Add(new FieldError(g.Id, field, gv, pv));
            }
        }
        var fields = ScoredFields.Select(f => new FieldScore(f, counts[f][0], counts[f][1], counts[f][2]))
            .Where(s => s.TruePositives + s.FalsePositives + s.FalseNegatives > 0).ToList();
        var overall = new FieldScore("overall", fields.Sum(f => f.TruePositives), fields.Sum(f => f.FalsePositives), fields.Sum(f => f.FalseNegatives));
        return new AccuracyReport(listName, parsed.Style ?? "", gold.References.Count, fields, overall, errors);
    }

    /// <summary>The normalised value of a field, or null when it is absent.</summary>
    public static string? Value(Reference r, string field)
    {
        string? raw = field switch
        {
            "type" => r.Type,
            "author" or "editor" or "translator" => Names(r, field),
            "issued" or "accessed" => r.Dates.TryGetValue(field, out var d) ? Date(d) : null,
            _ => r.Fields[field],
        };
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return field is "issued" or "accessed" or "type" ? raw : Normalise(raw);
    }

    private static string? Names(Reference r, string role)
    {
        if (!r.Names.TryGetValue(role, out var names)) return null;
        var people = names.Where(n => !n.IsOthers).Select(n => n.Literal ?? string.Join(' ', new[] { n.NonDroppingParticle, n.Family, n.Given, n.Suffix }.Where(x => !string.IsNullOrEmpty(x))));
        var joined = string.Join(" ; ", people.Select(Normalise));
        return joined.Length == 0 ? null : joined;
    }

    private static string Date(PartialDate d)
    {
        static string Part(DateParts p) => p.Year.ToString(CultureInfo.InvariantCulture) + (p.Month is int m ? "-" + m.ToString("00", CultureInfo.InvariantCulture) + (p.Day is int day ? "-" + day.ToString("00", CultureInfo.InvariantCulture) : "") : "");
        if (d.Start is not { } s) return d.Literal ?? "";
        return d.End is { } e ? Part(s) + "/" + Part(e) : Part(s);
    }

    /// <summary>Lower case, every run of punctuation and white space one space.</summary>
    public static string Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var ch in s.Replace("<span class=\"nocase\">", "", StringComparison.Ordinal).Replace("</span>", "", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); space = false; }
            else if (!space && sb.Length > 0) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }

    public static string Format(IEnumerable<AccuracyReport> reports)
    {
        var sb = new StringBuilder();
        foreach (var rep in reports)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {rep.List} (read as {rep.Style}; {rep.Entries} gold entries)");
            sb.AppendLine("| field | precision | recall | F1 | right | wrong or extra | missed |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var f in rep.Fields.Append(rep.Overall))
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {f.Field} | {f.Precision:0.000} | {f.Recall:0.000} | {f.F1:0.000} | {f.TruePositives} | {f.FalsePositives} | {f.FalseNegatives} |");
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
