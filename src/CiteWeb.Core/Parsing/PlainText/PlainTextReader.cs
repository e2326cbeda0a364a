using System.Text.RegularExpressions;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>
/// Reads a printed works-cited list — a bare list or a whole essay with a "Works Cited", "References" or
/// "Bibliography" section — in MLA 8/9, APA 7, Chicago (notes-bibliography and author-date), Harvard or a numbered
/// style, into references. Every reference keeps its text as printed, its position and a confidence; what the
/// reader guessed is reported as info (CW301), lines that are not references are reported and skipped (CW300).
/// </summary>
public static partial class PlainTextReader
{
    [GeneratedRegex(@"\b(?:1[5-9]|20)\d\d\b|\bn\.\s?d\.", RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"https?://|www\.|\b10\.\d{4,9}/", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();

    /// <summary>Reads a list. Never throws on bad input; problems are in <see cref="Bibliography.Diagnostics"/>.</summary>
    public static Bibliography Read(string text, string fileName, PlainTextReaderOptions? options = null)
    {
        options ??= new PlainTextReaderOptions();
        var bibliography = new Bibliography(fileName) { Format = "text" };
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = new LineMap(text, fileName);

        var (start, end, _) = ListSplitter.FindSection(text);
        var items = ListSplitter.Split(text, start, end);
        var style = options.Style == ReferenceStyle.Auto ? StyleDetector.Detect(items) : options.Style;
        bibliography.Style = PlainTextReaderOptions.Name(style);

        // Entries are independent but for repeated-author dashes, which are filled in afterwards in list order:
        // long lists are read on every core.
        var entries = new ParsedEntry?[items.Count];
        if (items.Count >= 64)
            Parallel.For(0, items.Count, i => entries[i] = ReadEntry(items[i], style));
        else
            for (int i = 0; i < items.Count; i++) entries[i] = ReadEntry(items[i], style);

        ParsedEntry? previous = null;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = lines.At(item.Start, item.End - item.Start);
            if (entries[i] is not { } entry)
            {
                bibliography.Diagnostics.Add(new Diagnostic(DiagnosticCodes.NotAReference, Severity.Info,
                    $"not read as a reference (no year, link or title): \"{Abbreviate(item.Text)}\"", at));
                continue;
            }
            var r = entry.Reference;
            if (entry.RepeatsPrevious) RepeatAuthors(entry, previous);
            r.Source = at;
            r.RawText = text.AsMemory(item.Start, item.End - item.Start);
            if (item.Label is not null) r.Custom["label"] = item.Label;
            r.Confidence = Confidence(entry);
            foreach (var doubt in entry.Doubts)
                bibliography.Diagnostics.Add(new Diagnostic(
                    doubt.StartsWith("a repeated-author dash", StringComparison.Ordinal) ? DiagnosticCodes.MissingPreviousAuthor : DiagnosticCodes.UncertainField,
                    Severity.Info, doubt, at));
            foreach (var url in entry.RepairedUrls)
                bibliography.Diagnostics.Add(new Diagnostic(DiagnosticCodes.RepairedUrl, Severity.Warning,
                    $"{url.Repair}: '{url.Printed}' read as '{url.Url}'", lines.At(item.Start + Math.Max(0, item.Text.IndexOf(url.Printed, StringComparison.Ordinal)))));
            bibliography.References.Add(r);
            previous = entry;
        }
        if (bibliography.References.Count == 0)
            bibliography.Diagnostics.Add(new Diagnostic(DiagnosticCodes.NoReferences, Severity.Warning, "no references found in the text", lines.At(0)));

        AssignKeys(bibliography.References);
        bibliography.Diagnostics.Sort((a, b) => a.Span.Offset.CompareTo(b.Span.Offset));
        return bibliography;
    }

    private static ParsedEntry? ReadEntry(ListItem item, ReferenceStyle style)
    {
        if (!LooksLikeReference(item.Text)) return null;
        try
        {
            return EntryParser.Parse(item.Text, style);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException or RegexMatchTimeoutException)
        {
            // A reader bug must not lose the entry: keep it whole, as a note, and say so.
            var kept = new ParsedEntry(new Reference("", "document") { [Csl.Note] = item.Text });
            kept.Doubts.Add($"the entry could not be read ({ex.GetType().Name}); kept as a note");
            return kept;
        }
    }

    // "———." is the previous entry's creators, in the role the dash names or else the one they had.
    private static void RepeatAuthors(ParsedEntry entry, ParsedEntry? previous)
    {
        var role = entry.CreatorRole is { } explicitRole && explicitRole != Csl.Author ? explicitRole : previous?.CreatorRole ?? Csl.Author;
        entry.CreatorRole = role;
        if (previous?.Creators is not { Count: > 0 } names)
        {
            entry.Doubts.Insert(0, "a repeated-author dash with no author before it");
            return;
        }
        entry.Creators = names;
        entry.Reference.SetNames(role, [.. names]);
    }

    /// <summary>Reads a stream, detecting its encoding as <see cref="TextDecoding"/> does (a file that is not UTF-8 is
    /// reported, never mangled silently); the stream is left open.</summary>
    public static Bibliography Read(Stream stream, string fileName, PlainTextReaderOptions? options = null) =>
        TextDecoding.Read(stream, fileName, text => Read(text, fileName, options));

    // A reference has a year, a link, or at least a title-like quotation or italics; discursive prose has none.
    private static bool LooksLikeReference(string text)
    {
        if (text.Length > 1500) return false;
        if (YearRegex().IsMatch(text) || IdentifierRegex().IsMatch(text)) return !LooksDiscursive(text);
        return text.Length is > 3 and < 400 && (text.Contains('“') || text.Contains('"') || text.Contains('*') || text.Contains('_') || text.Contains("<i>", StringComparison.Ordinal))
            || text.Length is > 3 and < 200 && text.Contains('.') && char.IsUpper(text[0]) && text.Split(' ').Length <= 12;
    }

    // An endnote that discusses rather than cites: long, in sentences, with the first person or discourse words.
    private static bool LooksDiscursive(string text)
    {
        if (text.Length < 150) return false;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 35) return false;
        int discourse = words.Count(w => w is "I" or "we" or "We" or "argue" or "argues" or "argued" or "this" or "This" or "that" or "which" or "is" or "are" or "was" or "were");
        return discourse * 12 > words.Length;
    }

    private static double Confidence(ParsedEntry entry)
    {
        var r = entry.Reference;
        double c = 1.0;
        if (r.Title is null) c -= 0.4;
        if (r.Creators.Count == 0) c -= 0.1;
        if (r.Issued is null) c -= 0.1;
        if (r[Csl.Note] is not null) c -= 0.1;
        c -= 0.1 * entry.Doubts.Count;
        return Math.Round(Math.Clamp(c, 0.05, 1.0), 2);
    }

    private static void AssignKeys(List<Reference> references)
    {
        // Keys as `export --clean` makes them (authoryearword, a/b on clashes): the list has none of its own.
        new CitationKeys().Apply(references, new TransformContext());
    }

    private static string Abbreviate(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
