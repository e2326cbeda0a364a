using System.Text.RegularExpressions;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Manuscripts;

/// <summary>
/// Finds the in-text citations of a manuscript's body, with their positions: MLA parentheticals ("(Benjamin 183)",
/// "(Apprich, Technotopia 90)", "(Srnicek, “Data, Compute, Labor” 242)", "(West et al. 6)", "(O’Neil; Eubanks)",
/// "see, for instance,"), author-date ones ("(Benjamin, 2019, p. 3)"), narrative ones (the author named in the
/// sentence, the page in parentheses), "ibid.", Pandoc "[@key, p. 33]" and "@key", and LaTeX "\cite" and its family.
/// A parenthesis that is none of these — a year in running text, an aside, an acronym — is not a citation.
/// </summary>
public static partial class CitationExtractor
{
    [GeneratedRegex(@"\\(?:[pPtT]ext|[pP]aren|[aA]uto|[fF]oot|[sS]mart|[sS]uper)?cite[a-z]*\*?\s*(?:\[(?<pre>[^\]]*)\])?\s*(?:\[(?<post>[^\]]*)\])?\s*\{(?<keys>[^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex LatexCiteRegex();

    [GeneratedRegex(@"\[(?<body>[^\[\]]*?@[\p{L}\p{N}_][^\[\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PandocBracketRegex();

    [GeneratedRegex(@"(?<pre>[^;@]*?)-?@(?<key>[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])(?:\s*,\s*(?<loc>[^;]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex PandocItemRegex();

    [GeneratedRegex(@"(?<![\w@\[])@(?<key>[\p{L}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])(?!\.\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PandocNarrativeRegex();

    [GeneratedRegex(@"^(?:see\s+)?ibid\.?(?:,?\s*(?:pp?\.\s*)?(?<loc>[\dixvlc]+(?:\s*[-–]\s*[\dixvlc]+)?))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IbidRegex();

    [GeneratedRegex(@"^(?:pp?\.\s*)?(?<loc>(?:\d+|[ivxlc]+)(?:\s*[-–]\s*(?:\d+|[ivxlc]+))?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocatorOnlyRegex();

    [GeneratedRegex(@"^(?<prefix>(?:see(?:\s+also)?(?:,?\s*(?:for\s+(?:instance|example)|e\.g\.))?|cf\.|e\.g\.|qtd\.\s+in|quoted\s+in|as\s+in)[,:]?\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixRegex();

    // The end of a cited part: a locator ("183", "11-12", "p. 3", "ix-xii") and/or a year ("2019", "2019a").
    [GeneratedRegex(@"(?:,?\s+(?<year>(?:1[5-9]|20)\d\d[a-z]?))?(?:,?\s+(?:pp?\.\s*)?(?<loc>(?:\d+|[ivxlc]+)(?:\s*[-–]\s*(?:\d+|[ivxlc]+))?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TailRegex();

    [GeneratedRegex(@"^(?:1[5-9]|20)\d\d[a-z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearOnlyRegex();

    // Remarks after the locator: "own translation", "emphasis added".
    [GeneratedRegex(@",\s*(?:(?:my|own|author['’]s)\s+translation|translation\s+mine|emphasis\s+(?:added|mine|in\s+original)|original\s+emphasis)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemarkRegex();

    // "(Tkacz 24, cited after Raymond)": the source quoted and the source quoting it are both cited.
    [GeneratedRegex(@",\s*(?:cited|quoted|qtd\.)\s+(?:after|in|by)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CitedAfterRegex();

    // Made once: a char[] argument written in place is a new array on every call, and these run for every parenthesis.
    private static readonly char[] TitleMarks = ['“', '”', '"', '*', '_'];
    private static readonly char[] TitleOpenings = ['“', '"', '*', '_'];

    public static List<Citation> Extract(Manuscript manuscript, WorksIndex works)
    {
        var citations = new List<Citation>();
        var previous = new NameFinder("", works);
        foreach (var paragraph in manuscript.Paragraphs)
        {
            var text = paragraph.Text;
            var context = previous;
            var names = previous = new NameFinder(text, works);
            var found = new List<Citation>();
            var taken = new Taken(text.Length);
            foreach (Match m in LatexCiteRegex().Matches(text))
            {
                var keys = m.Groups["keys"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var loc = m.Groups["post"].Success ? m.Groups["post"].Value : m.Groups["pre"].Success && !m.Groups["post"].Success ? m.Groups["pre"].Value : null;
                found.Add(new Citation(m.Value, manuscript.At(paragraph, m.Index, m.Length), CitationKind.Key,
                    keys.Select(k => new CitedWork { Key = k, Locator = string.IsNullOrWhiteSpace(loc) ? null : loc.Trim() }).ToList()));
                taken.Add(m.Index, m.Index + m.Length);
            }
            foreach (Match m in PandocBracketRegex().Matches(text))
            {
                if (taken.Covers(m.Index)) continue;
                var keyed = new List<CitedWork>();
                foreach (var part in m.Groups["body"].Value.Split(';'))
                {
                    var item = PandocItemRegex().Match(part.Trim());
                    if (item.Success)
                        keyed.Add(new CitedWork { Key = item.Groups["key"].Value, Locator = item.Groups["loc"].Success ? item.Groups["loc"].Value.Trim() : null, Prefix = NullIfEmpty(item.Groups["pre"].Value) });
                }
                if (keyed.Count == 0) continue;
                found.Add(new Citation(m.Value, manuscript.At(paragraph, m.Index, m.Length), CitationKind.Key, keyed));
                taken.Add(m.Index, m.Index + m.Length);
            }
            if (manuscript.Format is "markdown" or "text")
            {
                foreach (Match m in PandocNarrativeRegex().Matches(text))
                {
                    if (taken.Covers(m.Index) || !works.HasKey(m.Groups["key"].Value)) continue;
                    found.Add(new Citation(m.Value, manuscript.At(paragraph, m.Index, m.Length), CitationKind.Key, [new CitedWork { Key = m.Groups["key"].Value }]));
                    taken.Add(m.Index, m.Index + m.Length);
                }
            }
            foreach (var (open, close) in Parentheses(text))
            {
                if (taken.Covers(open)) continue;
                var inner = text[(open + 1)..close];
                if (Read(inner, text, open, names, context, works) is { } citation)
                    found.Add(citation with { Span = manuscript.At(paragraph, open, close - open + 1), Text = text[open..(close + 1)] });
            }
            found.Sort((a, b) => a.Span.Offset.CompareTo(b.Span.Offset));
            citations.AddRange(found);
        }
        return citations;
    }

    private static Citation? Read(string inner, string paragraph, int open, NameFinder names, NameFinder previousParagraph, WorksIndex works)
    {
        var content = Clean(inner);
        // Remarks and "cited after" both follow a comma: most parentheses have none, and skip both searches.
        bool comma = content.Contains(',');
        if (comma) content = RemarkRegex().Replace(content, "");
        if (content.Length == 0 || content.Length > 250) return null;
        var span = default(SourceSpan);

        var ibid = IbidRegex().Match(content);
        if (ibid.Success)
            return new Citation(inner, span, CitationKind.Ibid, [new CitedWork { Locator = ibid.Groups["loc"].Success ? ibid.Groups["loc"].Value : null }]);

        if (YearOnlyRegex().IsMatch(content))
        {
            // A title of the list named in the sentence with its year ("his book From Counterculture to Cyberculture
            // (2006)") cites that work; so does a year right after an author's name ("Turner (2006)"). Any other year in
            // parentheses is a date in running text.
            var lead = paragraph[Math.Max(0, open - 150)..open];
            if (works.TitleNamedIn(lead) is { } named && named.Issued?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) == content[..4])
            {
                var family = named.Creators.Count > 0 ? named.Creators[0].FamilyWithParticles : null;
                return new Citation(inner, span, CitationKind.Narrative,
                    [new CitedWork { Author = family, Names = family is null ? [] : [family], Title = Text.RichText.ToPlain(named.Title ?? ""), Year = content }]);
            }
            int nearFrom = Math.Max(0, open - 40);
            var near = paragraph.AsSpan(nearFrom, open - nearFrom).TrimEnd();
            var author = names.Within(nearFrom, nearFrom + near.Length);
            // Only right after the name: "Turner (2006)", "Turner’s (2006)".
            if (author is null || !(near.EndsWith(author, StringComparison.Ordinal) || near.EndsWith(author + "’s", StringComparison.Ordinal) || near.EndsWith(author + "'s", StringComparison.Ordinal)))
                return null;
            return new Citation(inner, span, CitationKind.Narrative, [new CitedWork { Author = author, Names = [author], NamedInText = author, Year = content }]);
        }
        var locatorOnly = LocatorOnlyRegex().Match(content);
        if (locatorOnly.Success)
        {
            // Narrative: the author is named in the sentence before the page.
            // A block quotation's page follows a quotation introduced in the paragraph before.
            var name = names.Before(open) ?? previousParagraph.AtEnd();
            if (name is null) return null;
            return new Citation(inner, span, CitationKind.Narrative,
                [new CitedWork { Author = name, Names = [name], NamedInText = name, Locator = locatorOnly.Groups["loc"].Value }]);
        }

        var parts = new List<CitedWork>();
        var raws = (comma ? CitedAfterRegex().Replace(content, ";") : content).Split(';');
        foreach (var raw in raws)
        {
            var part = ReadPart(raw.Trim(), works);
            bool unknown = part is null || !AnyKnown(part.Names, works);
            // "(Technotopia 144)" after "Clemens Apprich ...": the author is in the sentence, the title in parentheses.
            if (unknown && raws.Length == 1 && part?.Prefix is null && NarrativeTitle(raw.Trim(), open, names, previousParagraph, works) is { } narrative)
                return new Citation(inner, span, CitationKind.Narrative, [narrative]);
            if (part is null) return null; // one part that is not a citation makes the parenthesis an aside
            // "IBM, Microsoft, and Meta": organisations or authors of separate works, not the co-authors of one.
            if (part.Names.Count > 1 && !part.EtAl && !works.IsOneWork(part.Names) && AnyCoauthorListed(part.Names, works))
                foreach (var n in part.Names) parts.Add(part with { Author = n, Names = [n] });
            else parts.Add(part);
        }
        return parts.Count == 0 ? null : new Citation(inner, span, CitationKind.Parenthetical, parts);
    }

    private static CitedWork? NarrativeTitle(string part, int open, NameFinder names, NameFinder previousParagraph, WorksIndex works)
    {
        var tail = ReadTail(part);
        var title = part[..tail.Index].Trim().Trim(TitleMarks).Trim();
        if (title.Length == 0 || !char.IsUpper(title[0]) || title.Split(' ').Length > 8) return null;
        var name = names.Before(open) ?? previousParagraph.AtEnd();
        // Only a title of that author's: "(AWS)" after a name is an acronym, not a work.
        if (name is null || !works.AuthorHasTitle(name, title)) return null;
        return new CitedWork
        {
            Author = name, Names = [name], NamedInText = name, Title = title,
            Locator = tail.Locator, Year = tail.Year,
        };
    }

    /// <summary>"Apprich, Technotopia 90", "Srnicek, “Data, Compute, Labor” 242", "West et al. 6", "Google AI, “Principles”".</summary>
    private static CitedWork? ReadPart(string part, WorksIndex works)
    {
        string? prefix = null;
        var p = PrefixRegex().Match(part);
        if (p.Success)
        {
            prefix = p.Groups["prefix"].Value.Trim().TrimEnd(',', ':');
            part = part[p.Length..];
        }
        if (part.Length == 0 || !char.IsUpper(part[0]) && !char.IsLower(part[0])) return null;

        // A quoted or italic title anywhere after the author: "Srnicek, “Data, Compute, Labor” 242".
        string? title = null;
        string rest = part;
        int q = part.IndexOfAny(TitleOpenings);
        if (q > 0)
        {
            char open = part[q];
            char close = open == '“' ? '”' : open;
            int end = part.IndexOf(close, q + 1);
            if (end < 0 && open == '“') end = part.IndexOf('"', q + 1);
            if (end > q)
            {
                title = part[(q + 1)..end].Trim().TrimEnd('.', ',');
                rest = part[..q] + " " + part[(end + 1)..];
            }
        }
        var tail = ReadTail(rest);
        string head = rest[..tail.Index].Trim().TrimEnd(',').Trim();
        string? locator = tail.Locator;
        string? year = tail.Year;

        // "Apprich, Technotopia": a plain short title after the author's name.
        if (title is null && head.Contains(','))
        {
            int comma = head.IndexOf(',');
            var afterComma = head[(comma + 1)..].Trim();
            var beforeComma = head[..comma].Trim();
            bool authorKnown = works.KnowsName(beforeComma) || works.KnowsName(LastWordOrWhole(beforeComma));
            bool restAreNames = AllKnown(SplitNames(afterComma), works);
            if (authorKnown && !restAreNames && afterComma.Length > 0 && !afterComma.StartsWith("and ", StringComparison.Ordinal))
            {
                title = afterComma;
                head = beforeComma;
            }
        }
        if (head.Length == 0) return null;
        bool etAl = false;
        if (head.EndsWith("et al.", StringComparison.Ordinal) || head.EndsWith("et al", StringComparison.Ordinal))
        {
            etAl = true;
            head = head[..head.LastIndexOf("et al", StringComparison.Ordinal)].Trim().TrimEnd(',');
        }
        var names = SplitNames(head);
        if (names.Count == 0 || names.Count > 6) return null;
        foreach (var n in names)
            if (n.AsSpan().Count(' ') > 4) return null; // more than five words
        // Without a page, year or title, a parenthesis is a citation only when it names the list's authors.
        bool known = AllKnown(names, works);
        // "see, for instance, IBM" points to a source even without a page; "e.g. Google and Amazon" lists examples.
        bool pointer = prefix is not null && (prefix.StartsWith("see", StringComparison.OrdinalIgnoreCase) || prefix.StartsWith("cf", StringComparison.OrdinalIgnoreCase));
        if (locator is null && year is null && title is null && !known && !pointer) return null;
        if (!known && !names.All(LooksLikeName)) return null;
        return new CitedWork { Author = head, Names = names, EtAl = etAl, Title = title, Locator = locator, Year = year, Prefix = prefix };
    }

    /// <summary>The year and the locator at the end of a cited part (<see cref="TailRegex"/>), and where they begin.</summary>
    private readonly record struct Tail(int Index, string? Year, string? Locator);

    // What TailRegex matches is made of these characters only and reaches the end (a year or locator is preceded by a
    // comma or a space), so its leftmost match starts after the last character of the part that is none of them, and
    // is only the closing spaces when no comma or space comes before the last other character: the regular expression
    // is tried from a few places, not from every character of the part, and not at all for "(Osman and Sewell)".
    private static Tail ReadTail(string part)
    {
        int start = part.Length;
        while (start > 0 && IsTailCharacter(part[start - 1])) start--;
        int end = part.Length;
        while (end > start && char.IsWhiteSpace(part[end - 1])) end--;
        int separator = start;
        while (separator < end && part[separator] != ',' && !char.IsWhiteSpace(part[separator])) separator++;
        if (separator == end) return new Tail(end, null, null);
        var m = TailRegex().Match(part, separator);
        return new Tail(m.Index, m.Groups[YearGroup].Success ? m.Groups[YearGroup].Value : null, m.Groups[LocatorGroup].Success ? m.Groups[LocatorGroup].Value : null);
    }

    private static readonly int YearGroup = TailRegex().GroupNumberFromName("year"), LocatorGroup = TailRegex().GroupNumberFromName("loc");

    // \s, \d, the year's letter ([a-z], which holds the roman numerals' and "p."'s letters), and , . - –.
    private static bool IsTailCharacter(char c) => c is (>= 'a' and <= 'z') or ',' or '.' or '-' or '–' || char.IsWhiteSpace(c) || char.IsDigit(c);

    // Does a name after the first have works of its own in the list?
    private static bool AnyCoauthorListed(IReadOnlyList<string> names, WorksIndex works)
    {
        for (int i = 1; i < names.Count; i++)
            if (works.Match(new CitedWork { Names = [names[i]] }).Entries.Count > 0) return true;
        return false;
    }

    private static bool IsKnown(string name, WorksIndex works) => works.KnowsName(name) || works.KnowsName(LastWordOrWhole(name));

    private static bool AllKnown(List<string> names, WorksIndex works)
    {
        foreach (var n in names)
            if (!IsKnown(n, works)) return false;
        return true;
    }

    private static bool AnyKnown(IReadOnlyList<string> names, WorksIndex works)
    {
        foreach (var n in names)
            if (IsKnown(n, works)) return true;
        return false;
    }

    // "Dyer-Witheford, Kjøsen and Steinhoff", "D’Ignazio and Klein", "Google AI"
    private static List<string> SplitNames(string head)
    {
        var names = new List<string>();
        foreach (var piece in head.Replace(" & ", ",", StringComparison.Ordinal).Replace(" and ", ",", StringComparison.Ordinal).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            names.Add(piece);
        return names;
    }

    private static bool LooksLikeName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 4 && char.IsUpper(words[^1][0]) && !words.Any(w => w.Any(char.IsDigit));
    }

    private static string LastWordOrWhole(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? name : words[^1];
    }

    private static IEnumerable<(int Open, int Close)> Parentheses(string text)
    {
        int depth = 0, open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
            {
                if (depth == 0) open = i;
                depth++;
            }
            else if (text[i] == ')' && depth > 0)
            {
                depth--;
                if (depth == 0) yield return (open, i);
            }
        }
    }

    private static string Clean(string inner) => inner.Replace('\n', ' ').Trim().TrimEnd(',');

    /// <summary>The characters of a paragraph a keyed citation took: a match starting inside one is not read again.
    /// A mark a character, so that a paragraph of thousands of keys is not checked key by key for each match.</summary>
    private sealed class Taken(int length)
    {
        private System.Collections.BitArray? _marks;

        public bool Covers(int at) => _marks is not null && _marks[at];

        public void Add(int start, int end)
        {
            _marks ??= new System.Collections.BitArray(length);
            for (int i = start; i < end; i++) _marks[i] = true;
        }
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
