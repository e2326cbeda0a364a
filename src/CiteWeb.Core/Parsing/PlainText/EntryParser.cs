using System.Text.RegularExpressions;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>What reading one entry gave: the reference and what the reader was unsure of.</summary>
internal sealed class ParsedEntry(Reference reference)
{
    public Reference Reference { get; } = reference;
    /// <summary>Fields the reader guessed, with why, reported as info diagnostics.</summary>
    public List<string> Doubts { get; } = [];
    /// <summary>URLs printed with stray characters, repaired in the model.</summary>
    public List<FoundUrl> RepairedUrls { get; } = [];
    public List<PersonName>? Creators { get; set; }
    /// <summary>The role the creators were printed in (author, editor, translator); null until known.</summary>
    public string? CreatorRole { get; set; }
    /// <summary>The entry opens with a repeated-author dash ("———."): its creators are the previous entry's.</summary>
    public bool RepeatsPrevious { get; set; }
}

/// <summary>
/// Reads one printed reference, element by element: the creators (or a repeated-author dash), the date where
/// author-date styles put it, the title (quoted, italic or plain), then the container, contributors, numbers,
/// publisher, place, dates, identifiers and the optional elements, whatever order the style prints them in.
/// </summary>
internal static partial class EntryParser
{
    [GeneratedRegex(@"^(?:[—–―-]{2,}|_{3,})\s*\.?\s*(?<role>,?\s*\(?(?:eds?|Eds?|editors?|ed|trans)\.{0,2}\)?\.?)?[\s.,]*", RegexOptions.CultureInvariant)]
    private static partial Regex DashRegex();

    // Author (2019) / Author (ed.) (2012) / Author (2019, July 21). — names may not contain quotes or italics.
    [GeneratedRegex(@"^(?<names>[^“""‘\uE000()]{1,400}?)\s*(?:\((?<role>eds?\.?|Eds?\.?|editors?|Hg\.|Hrsg\.|Directors?|Producers?|Hosts?|Writers?|Creators?)\)\.?\s*)?\((?:(?:1[5-9]|20)\d\d\s?/\s?)?(?<date>(?:1[5-9]|20)\d\d[a-z]?(?:[,\s][^()]{0,30})?|n\.\s?d\.|forthcoming|in press)\)[.,:]?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ParenDateRegex();

    // Author. 2023. (Chicago author-date); a reprint as "(1935) 2008." or "1976/1984.": the edition read is the date.
    [GeneratedRegex(@"^(?<names>[^“""\uE000]{1,400}?)\.\s+(?:[(\[](?:1[5-9]|20)\d\d[)\]]\s+|(?:1[5-9]|20)\d\d\s?/\s?)?(?<date>(?:1[5-9]|20)\d\d[a-z]?|n\.\s?d|forthcoming)\.\s*", RegexOptions.CultureInvariant)]
    private static partial Regex DotDateRegex();

    [GeneratedRegex(@"(?:,\s*|\s+)\(?(?<role>eds?|Eds?|editors?|Hg|Hrsg|comp|comps|trans|translators?|directors?|hosts?|producers?|creators?|performers?|narrators?)\.{0,2}\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleSuffixRegex();

    public static ParsedEntry Parse(string raw, ReferenceStyle style)
    {
        var text = InlineMarkup.Strip(raw);
        var ids = Identifiers.Extract(text);
        var s = Tidy(ids.Rest);

        var r = new Reference("", "document");
        var entry = new ParsedEntry(r);
        var parts = new ParsedParts();
        var reader = new ElementReader(r, parts, entry, style);

        // 1. Creators: a repeated-author dash, an author-date head, or the names up to the first full stop.
        string? names = null;
        var dash = DashRegex().Match(s);
        if (dash.Success && dash.Length > 0 && s.Length > dash.Length)
        {
            // The names are the previous entry's: the list fills them in once every entry is read (RepeatsPrevious).
            entry.RepeatsPrevious = true;
            entry.CreatorRole = dash.Groups["role"].Value.Contains("ed", StringComparison.OrdinalIgnoreCase) ? Csl.Editor
                : dash.Groups["role"].Value.Contains("trans", StringComparison.OrdinalIgnoreCase) ? Csl.Translator
                : null;
            s = s[dash.Length..];
            s = ReadAuthorDate(s, style, reader, out _);
            s = ReadLeadingYear(s, reader);
        }
        else if (s.Length > 0 && !TextScan.IsOpeningQuote(s[0]) && s[0] != InlineMarkup.ItalicStart)
        {
            s = ReadAuthorDate(s, style, reader, out names);
            if (names is null)
            {
                int end = NamesEnd(s);
                if (end > 0)
                {
                    names = s[..end];
                    s = s[end..];
                }
            }
        }
        // "Coded Bias. Directed by Shalini Kantayya, ...": a work known by its title, its maker named after it.
        if (names is not null && !entry.RepeatsPrevious && MadeByRegex().IsMatch(s))
        {
            s = names.TrimEnd() + " " + s;
            names = null;
        }
        if (names is not null)
        {
            // "Sollfrank, Cornelia. ed. *Title*": the role printed after the names' full stop.
            var late = LateRoleRegex().Match(s);
            if (late.Success) { names += ", eds"; s = s[late.Length..]; }
            names = names.Trim().TrimEnd(',', ':', ' ');
            // The full stop that ends the names goes; an initial keeps its own ("Raymond, Eric S.").
            if (names.EndsWith('.') && !(names.Length >= 2 && char.IsUpper(names[^2]) && (names.Length == 2 || !char.IsLetter(names[^3]))))
                names = names[..^1];
            names = names.TrimEnd(',', ':', ' ');
            var role = RoleSuffixRegex().Match(names);
            if (role.Success)
            {
                var printed = role.Groups["role"].Value;
                // MLA's "Marx, Paris, host." and APA's "Kantayya, S. (Director)." name who made the work; a director is
                // no author (CSL has the role), a host or producer stands as the author.
                entry.CreatorRole = printed.StartsWith("trans", StringComparison.Ordinal) ? Csl.Translator
                    : printed.StartsWith("director", StringComparison.Ordinal) ? Csl.Director
                    : printed.StartsWith("ed", StringComparison.OrdinalIgnoreCase) || printed is "Hg" or "Hrsg" or "comp" or "comps" ? Csl.Editor
                    : Csl.Author;
                names = names[..role.Index];
            }
            entry.Creators = NameList.ParseInverted(names);
        }
        if (entry.CreatorRole == Csl.Editor) parts.HasEditors = true;
        entry.CreatorRole ??= Csl.Author;
        if (entry.Creators is { Count: > 0 }) r.SetNames(entry.CreatorRole, [.. entry.Creators]);

        // 2. The rest: title, then elements.
        reader.Read(s);

        // 3. Identifiers.
        if (ids.Doi is { } doi) r.Doi = doi;
        foreach (var url in ids.Urls)
        {
            if (r.Url is null) r.Url = url.Url;
            else reader.AddNote(url.Url);
            if (url.Repair is not null) entry.RepairedUrls.Add(url);
        }
        parts.Url = r.Url;

        // An organisation with nothing after it is a title ("1001 Free Fonts. <url>").
        if (r.Title is null && entry.Creators is [{ Literal: { } literal }] && names is not null && !entry.RepeatsPrevious)
        {
            r.Title = literal;
            r.SetNames(Csl.Author, null);
            entry.Creators = null;
            parts.Title = literal;
        }
        if (r.Title is null) entry.Doubts.Add("no title found");

        if (entry.Creators is [{ Literal: { } org }]) parts.CorporateAuthor = org;
        r.Type = ReferenceTypes.Infer(parts);
        reader.Finish();
        return entry;
    }

    [GeneratedRegex(@"^\s*\(?(?:eds?|Eds?)\.{1,2}\)?[.,]?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex LateRoleRegex();

    [GeneratedRegex(@"^\s*(?:Directed|Created|Written and directed)\s+by\s", RegexOptions.CultureInvariant)]
    private static partial Regex MadeByRegex();

    [GeneratedRegex(@"^\s*\(?(?<date>(?:1[5-9]|20)\d\d[a-z]?|n\.\s?d\.)\)?\.\s+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingYearRegex();

    // "———. 2023. “Title.”": after a dash, the author-date year.
    private static string ReadLeadingYear(string s, ElementReader reader)
    {
        var m = LeadingYearRegex().Match(s);
        if (!m.Success) return s;
        reader.SetIssued(m.Groups["date"].Value);
        return s[m.Length..];
    }

    private static string ReadAuthorDate(string s, ReferenceStyle style, ElementReader reader, out string? names)
    {
        names = null;
        // Only an entry with a bracket near its start can have "(2019)" after its names.
        int bracket = s.IndexOf('(');
        var paren = bracket is >= 0 and <= 420 ? ParenDateRegex().Match(s) : Match.Empty;
        if (paren.Success && paren.Groups["names"].Length > 0 && (style is ReferenceStyle.Auto or ReferenceStyle.Apa or ReferenceStyle.Harvard || !LooksLikeTitleStart(paren.Groups["names"].Value)))
        {
            names = paren.Groups["names"].Value;
            reader.ApaHead = true;
            if (paren.Groups["role"].Success)
            {
                // "(Ed.)", "(Hg.)": editors; "(Director)", "(Host)": the role as a word, which the role reader knows.
                var printedRole = paren.Groups["role"].Value;
                bool editors = printedRole.StartsWith("ed", StringComparison.OrdinalIgnoreCase) || printedRole.StartsWith('H') && printedRole.EndsWith('.');
                names += editors ? " (eds)" : ", " + printedRole.ToLowerInvariant();
            }
            var after = s[paren.Length..];
            // "Benjamin, Walter. (1935) 2008.": the bracketed year is the first publication, the next the edition read.
            if (ReprintYearRegex().Match(after) is { Success: true } reprint)
            {
                reader.SetIssued(reprint.Groups["date"].Value);
                return after[reprint.Length..];
            }
            reader.SetIssued(paren.Groups["date"].Value);
            return after;
        }
        if (s.Length > 0 && s[0] == '(' && ParenDateRegex().Match("x " + s) is { Success: true } bare)
        {
            reader.SetIssued(bare.Groups["date"].Value);
            return s[(bare.Length - 2)..];
        }
        var dot = DotDateRegex().Match(s);
        if (dot.Success && style is not (ReferenceStyle.Apa or ReferenceStyle.Harvard) && CountSentenceEnds(dot.Groups["names"].Value) == 0)
        {
            names = dot.Groups["names"].Value;
            reader.SetIssued(dot.Groups["date"].Value);
            return s[dot.Length..];
        }
        return s;
    }

    private static bool LooksLikeTitleStart(string s) => s.Length > 120;

    [GeneratedRegex(@"^(?<date>(?:1[5-9]|20)\d\d[a-z]?)\.\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ReprintYearRegex();

    private static int CountSentenceEnds(string s)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++)
            if (s[i] == '.' && i + 1 < s.Length && s[i + 1] == ' ' && !TextScan.IsAbbreviationBefore(s, i)) n++;
        return n;
    }

    /// <summary>Where the creators end: the first full stop that ends a sentence, or a quotation mark or italics.</summary>
    private static int NamesEnd(string s)
    {
        int limit = Math.Min(s.Length, 400);
        for (int i = 1; i < limit; i++)
        {
            char c = s[i];
            if ((c is '“' or InlineMarkup.ItalicStart || c == '"' && s[i - 1] == ' ') && i > 1) return i;
            if (c == '.')
            {
                bool end = i + 1 >= s.Length || s[i + 1] is ' ' or '.' or '“' or '"' or InlineMarkup.ItalicStart;
                if (!end) continue;
                if (i + 1 < s.Length && s[i + 1] == '.') return i + 2; // "Wing, Jeannette M.." — the initial's dot, then the element's
                if (!TextScan.IsAbbreviationBefore(s, i)) return i + 1;
                // An initial ends the names when a quotation, italics or a date follows, or when it closes the
                // given names of an inverted name ("Raymond, Eric S. The Cathedral ...") and no name follows.
                int j = i + 1;
                while (j < s.Length && s[j] == ' ') j++;
                if (j < s.Length && (TextScan.IsOpeningQuote(s[j]) || s[j] == InlineMarkup.ItalicStart)) return i + 1;
                if (EndsInvertedName(s, i, j)) return i + 1;
            }
            if (c == ':' && i + 1 < s.Length && s[i + 1] == ' ' && !s[..i].Contains(',')) return i + 1;
        }
        return s.Length <= 400 && !s.Contains(' ') ? s.Length : (s.Length <= 120 ? s.Length : -1);
    }

    private static bool EndsInvertedName(string s, int dot, int next)
    {
        if (next >= s.Length || !char.IsUpper(s[next])) return false;
        // The piece the initial belongs to must follow a comma (the given names of "Family, Given I."), not "and".
        int pieceStart = s.LastIndexOfAny([',', '&'], dot);
        if (pieceStart < 0 || s[pieceStart] == '&') return false;
        var piece = s.AsSpan(pieceStart + 1, dot - pieceStart - 1).Trim();
        if (piece.StartsWith("and ") || !piece.Contains(' ')) return false;
        // The next word continues the names when another initial or a comma/"and" follows it.
        int wordEnd = next;
        while (wordEnd < s.Length && s[wordEnd] != ' ' && s[wordEnd] != ',') wordEnd++;
        var word = s.AsSpan(next, wordEnd - next);
        if (word.Length <= 3 && word.EndsWith(".")) return false;
        if (wordEnd < s.Length && s[wordEnd] == ',') return false;
        var after = s.AsSpan(wordEnd).TrimStart();
        if (after.StartsWith("and ") || after.StartsWith("& ")) return false;
        return !word.EndsWith(".");
    }

    private static string Tidy(string s)
    {
        // What taking identifiers out leaves: "Available at: ." and empty brackets.
        s = s.Replace("()", "", StringComparison.Ordinal).Replace("[]", "", StringComparison.Ordinal).Replace("<>", "", StringComparison.Ordinal);
        s = TextScan.CollapseSpaces(s.Replace('\u00A0', ' ').Replace('\t', ' ')).Trim();
        while (s.EndsWith(" .", StringComparison.Ordinal) || s.EndsWith(" ,", StringComparison.Ordinal) || s.EndsWith(". .", StringComparison.Ordinal)) s = s[..^2].TrimEnd() + ".";
        s = s.Replace(" .", ".", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal);
        s = s.TrimEnd(':', ',', ' ', ';');
        // APA's "Retrieved March 3, 2024, from <url>": the "from" the link leaves behind.
        if (s.EndsWith(" from", StringComparison.Ordinal)) s = s[..^5].TrimEnd(':', ',', ' ', ';');
        return s;
    }
}
