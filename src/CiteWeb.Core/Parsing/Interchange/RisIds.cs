using System.Globalization;
using System.Text;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>
/// Citation keys for RIS records. ID is optional in RIS, so a record without one gets first-creator + year
/// ("luchs2023", then "luchs2023a", ...). Explicit IDs are settled first so a made-up key never takes one a later
/// record names; an explicit ID used twice keeps the first and renames the second (CW206).
/// </summary>
internal static class RisIds
{
    public static void Assign(Bibliography bibliography)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var suffixes = new KeySuffixes(StringComparer.Ordinal);
        foreach (var reference in bibliography.References)
        {
            if (reference.Id.Length == 0 || taken.Add(reference.Id)) continue;
            string renamed = suffixes.Unique(reference.Id, taken.Contains);
            bibliography.Diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateItemId, Severity.Warning,
                $"ID \"{reference.Id}\" is used by an earlier record; this one is kept as \"{renamed}\"", Span(reference, bibliography)));
            reference.Id = renamed;
            taken.Add(renamed);
        }
        foreach (var reference in bibliography.References)
        {
            if (reference.Id.Length > 0) continue;
            reference.Id = Unique(Base(reference), taken, suffixes);
            taken.Add(reference.Id);
        }
    }

    private static string Base(Reference reference)
    {
        var creator = reference.Creators.FirstOrDefault();
        string word = Word(creator?.Family) ?? Word(creator?.Literal) ?? Word(reference.Title) ?? "ref";
        string year = reference.Issued?.Year is int y ? y.ToString(CultureInfo.InvariantCulture) : "nd";
        return word + year;
    }

    /// <summary>The first word with a letter, lower case, letters and digits only.</summary>
    private static string? Word(string? text)
    {
        if (text is null) return null;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var sb = new StringBuilder();
            foreach (char c in word)
                if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            if (sb.Length > 0 && sb.ToString().Any(char.IsLetter)) return sb.ToString();
        }
        return null;
    }

    /// <summary><paramref name="key"/> itself if free; else with suffixes a..z, then -2, -3, ... until one is.</summary>
    private static string Unique(string key, HashSet<string> taken, KeySuffixes suffixes)
    {
        if (!taken.Contains(key)) return key;
        for (char c = 'a'; c <= 'z'; c++)
            if (!taken.Contains(key + c)) return key + c;
        return suffixes.Unique(key, taken.Contains);
    }

    private static SourceSpan Span(Reference reference, Bibliography bibliography) =>
        reference.Source ?? new SourceSpan(bibliography.Source, 1, 1);
}
