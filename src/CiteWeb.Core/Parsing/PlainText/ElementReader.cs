using System.Text.RegularExpressions;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>
/// Reads what follows the creators: the title, then each element (between full stops) and its parts (between
/// commas). A part is recognised by its form — "vol. 10", "no. 1", "pp. 209-221", "36(5)", "2, no. 3 (1995): 1-9",
/// a date, "edited by", "Place: Publisher", "Accessed ...", "Uploaded on ...", "3rd ed.", a genre — and what is
/// left fills the title, the container and the publisher in the order the style prints them.
/// </summary>
internal sealed partial class ElementReader(Reference r, ParsedParts p, ParsedEntry entry, ReferenceStyle style)
{
    private readonly List<string> _notes = [];

    /// <summary>The entry opened "Names (Year)." as APA prints it, whatever the list's style (lists mix styles).</summary>
    public bool ApaHead { get; set; }

    private bool ReadsAsApa => style == ReferenceStyle.Apa || ApaHead && style is not ReferenceStyle.Harvard;
    private PrintedDate? _issued;
    private PrintedDate? _issuedEnd;
    private PrintedDate? _accessed;
    private bool _titleItalic;

    [GeneratedRegex(@"^(?:vol\.?|volume)\s*(?<v>[\w.\-–/]+)(?:\s*[,(]?\s*(?:no\.?|issue|nr\.?)\s*(?<i>[\w.\-–/&]+)\)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VolumeRegex();

    [GeneratedRegex(@"^(?<head>.+?)\s+(?:vol\.|volume)\s*(?<v>[\w.\-–/]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadVolumeRegex();

    [GeneratedRegex(@"^(?:no\.?|nos\.|issue|nr\.)\s*(?<i>[\w.\-–/&]+)(?:\s*\((?<date>[^)]+)\))?(?:\s*:\s*(?<pg>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IssueRegex();

    [GeneratedRegex(@"^(?:pp?\.|pages?)\s*(?<pg>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PagesRegex();

    [GeneratedRegex(@"^(?<pg>(?:[A-Z]?\d+|[ivxlcdm]+)\s*[-–—]+\s*(?:[A-Z]?\d+|[ivxlcdm]+)|[A-Z]\d+|e\d{4,})$", RegexOptions.CultureInvariant)]
    private static partial Regex BareRangeRegex();

    [GeneratedRegex(@"^(?<head>.*?)\s*\((?<date>[^()]*\d{4}[^()]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParenDateRegex();

    [GeneratedRegex(@"^\((?:pp?\.|pages?)\s*(?<pg>[^)]+)\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParenPagesRegex();

    [GeneratedRegex(@"^(?<md>.*\b" + @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsMonthDayRegex();

    [GeneratedRegex(@"^(?:presented\s+at|paper\s+presented\s+at|delivered\s+at)\s+(?:the\s+)?(?<event>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PresentedAtRegex();

    // 45(4): 54-66 | 56 (4): 552 | 23 (September 2018):9 | 18 (August, 2015): 429-445 | 14 | (5) | (7):1084-1088 | 1 (2): 179:1–18
    [GeneratedRegex(@"^(?<v>\d+[A-Za-z]?)?\s*(?:\((?<i>[^)]+)\))?\s*(?::\s*(?<pg>\S.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex JournalNumbersRegex();

    [GeneratedRegex(@"^(?:accessed|retrieved|viewed|last accessed|consulted|abgerufen am)\s*(?:on\s+)?(?<date>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccessedRegex();

    [GeneratedRegex(@"^uploaded\s+(?:by\s+.+?\s+)?(?:on\s+)?(?<date>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UploadedRegex();

    [GeneratedRegex(@"^(?:last\s+)?(?:updated|modified|published|posted)\s*(?:on\s+)?(?<date>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedRegex();

    [GeneratedRegex(@"^(?<ed>\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|revised|rev\.|expanded|new)\s+(?:ed\.?|edn\.?|edition)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EditionRegex();

    [GeneratedRegex(@"^(?:edited|ed\.|eds\.|edited and introduced|compiled)\s+(?:by\s+)?(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EditedByRegex();

    [GeneratedRegex(@"^(?:translated|trans\.|transl\.|tr\.)\s+(?:by\s+)?(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TranslatedByRegex();

    // Harvard's inverted list: "Weinsheimer, J. & Marshall, D. G." then what follows.
    [GeneratedRegex(@"^(?<names>(?:\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?,\s(?:\p{Lu}\.(?:-\p{Lu}\.)?\s?)+(?:,\s*|\s*&\s*|\s+and\s+)?)+)(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex InvertedInitialsRegex();

    // Harvard "in Berry, D. M. & Dieter, M. (eds) *Book*".
    [GeneratedRegex(@"^(?<names>[^\uE000]+?)\s*\((?:eds?|Eds?)\.?\)\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex InEditorsRegex();

    // Place: Publisher[, date] — the place a few capitalised words ("New Haven, CT", "Houndmills, Basingstoke").
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}.'’\-]*(?:\s(?:\p{Lu}[\p{L}.'’\-]*|am|an|upon|on|de|del|sur))*(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?)\s*:\s*(?<pub>[^:,]+?)(?:[,:]\s*(?<tail>.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlacePublisherRegex();

    [GeneratedRegex(@"^(?:(?:Recorded\s+)?(?:talk|lecture|keynote(?:\s+(?:address|speech|lecture))?|conference\s+(?:talk|presentation|paper)|presentation|webinar|panel(?:\s+discussion)?|seminar|paper\s+presented(?:\s+at)?|presented\s+at|lecture\s+video|\w+\s+lecture\s+video|exhibition(?:\s+at)?|interview|interviewed\s+by))\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TalkRegex();

    [GeneratedRegex(@"^(?:(?:PhD|Ph\.\s?D\.|doctoral|master['’]?s|MA|MSc|M\.A\.|BA|B\.A\.)\s+)?(?:thesis|dissertation)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThesisRegex();

    [GeneratedRegex(@"^(?:(?:youtube|online|vimeo)\s+)?video$|^(?:film|podcast(?:\s+episode)?|kindle(?:\s+edition)?|e-?book|audiobook|print|web|pdf|television\s+broadcast|radio\s+broadcast|dvd|blu-ray|cd|software|app|mp3)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MediumRegex();

    [GeneratedRegex(@"^(?:\[[^\]]+\]|working\s+paper|white\s+paper|technical\s+report|policy\s+brief|discussion\s+paper|press\s+release|preprint|blog\s+post|tweet|report)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenreRegex();

    [GeneratedRegex(@"^\d{1,2}:\d{2}(?::\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^Article\s+(?<n>[\w.\-]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleNumberRegex();

    [GeneratedRegex(@"^(?<head>.+?)\s*\((?:pp?\.|pages?)\s*(?<pg>[^)]+)\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPagesRegex();

    [GeneratedRegex(@"^(?:see|cf\.?|also|originally|original\s+work|first published|reprinted|repr\.|orig\.|quoted in|cited in)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemarkRegex();

    [GeneratedRegex(@",\s*(?<v>\d+[A-Za-z]?)(?:\s*\((?<i>[^)]+)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingVolumeRegex();

    /// <summary>A leftover piece of text that fills the title, container or publisher.</summary>
    private sealed record Token(string Text, bool Italic, int Element, bool Pure, bool DateFollows);

    private readonly List<Token> _tokens = [];

    public void SetIssued(string text)
    {
        var t = text.Trim();
        if (DateText.TryParse(t, out var start, out var end)) { _issued = start; _issuedEnd = end; }
        else if (!t.StartsWith("n.", StringComparison.Ordinal)) entry.Doubts.Add($"the date '{t}' is not a date");
    }

    public void AddNote(string note)
    {
        var n = note.Trim();
        if (n.Length > 0) _notes.Add(n);
    }

    public void Read(string s)
    {
        s = s.TrimStart(' ', '.', ',', ':', ';');
        ReadTitle(ref s);
        var elements = TextScan.Elements(s.TrimStart(' ', '.', ',', ':', ';'));
        int first = 0;
        // APA prints the title as one plain sentence after the date, commas and all ("Gramophone, film, typewriter"),
        // with what describes the work in brackets after it: "(A. Sheridan, Trans.; 2nd ed.)", "[Film]",
        // "[Master's thesis, MIT]", "(NIST AI 100-1)".
        if (ReadsAsApa && r.Title is null && elements.Count > 1 && !elements[0].Contains(InlineMarkup.ItalicStart)
            && !elements[0].StartsWith("In ", StringComparison.Ordinal) && !TryDatedPhrase(elements[0].TrimEnd('.')))
        {
            var title = PeelDescriptions(TextScan.Value(elements[0]));
            if (title.Length > 0) { SetTitle(title, quoted: false); first = 1; }
        }
        for (int e = first; e < elements.Count; e++) ReadElement(elements[e], e);
        AssignTokens();
    }

    private void ReadTitle(ref string s)
    {
        if (s.Length == 0) return;
        char c = s[0];
        bool quote = c is '“' or '"' or '‘' or '„' || c == '\'' && (style is ReferenceStyle.Harvard or ReferenceStyle.Auto);
        if (quote)
        {
            int close = TextScan.FindClosingQuote(s, 0);
            // APA does not quote titles: a quotation that opens one is part of it ("“Garbage In” Revisited: ...").
            // Elsewhere a quoted title ends with its punctuation inside the marks ("Title." / "Title,"); a quotation
            // whose marks close on a bare word and run on into more words opens a title ("“Raw Data” Is an Oxymoron").
            bool runsOn = close > 0 && close + 2 < s.Length && s[close + 1] == ' ' && char.IsLetter(s[close + 2]);
            // Only a short quotation opens a title; a whole title in marks that lack their full stop is still a title.
            bool shortQuote = close > 0 && s[1..close].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 && !s[1..close].Contains(':');
            bool partOfTitle = runsOn && (style == ReferenceStyle.Apa || shortQuote && char.IsLetterOrDigit(s[close - 1]) && char.IsUpper(s[close + 2]) && style != ReferenceStyle.Harvard);
            if (close > 1 && !partOfTitle)
            {
                SetTitle(TextScan.Value(s[1..close]), quoted: true);
                s = s[(close + 1)..];
                return;
            }
        }
        if (TextScan.StartsItalic(s, out var italic, out var rest))
        {
            SetTitle(TextScan.Value(italic), quoted: false);
            _titleItalic = true;
            s = rest;
        }
    }

    [GeneratedRegex(@"\s*(?<group>\[[^\[\]]+\]|\([^()]+\))$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingGroupRegex();

    [GeneratedRegex(@"^(?<names>.+?),?\s+(?<role>Trans|Transl|Eds?)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupRoleRegex();

    [GeneratedRegex(@"^(?<genre>(?:Doctoral|Master['’]s|PhD|Ph\.D\.|Bachelor['’]s|Honou?rs)\s+(?:dissertation|thesis))(?:,\s*(?<inst>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BracketThesisRegex();

    // "NIST AI 100-1", "Report No. 23-4", "arXiv:2303.08774": a report's number (letters and digits, no sentence).
    [GeneratedRegex(@"^(?=[^()]*\d)(?:Report\s+No\.\s*|Working\s+Paper\s+No\.\s*|No\.\s*)?[\p{Lu}][\p{L}\d.:\-/]*(?:\s[\p{Lu}\d][\p{L}\d.:\-/]*){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportNumberRegex();

    /// <summary>Takes the bracketed descriptions off the end of an APA title, reading each; one it cannot read stays.</summary>
    private string PeelDescriptions(string title)
    {
        bool numbered = false;
        while (TrailingGroupRegex().Match(title) is { Success: true } m && m.Index > 0)
        {
            var group = m.Groups["group"].Value;
            var inner = group[1..^1].Trim();
            if (!ReadDescription(inner, group[0] == '[', ref numbered)) break;
            title = title[..m.Index].TrimEnd();
        }
        return title;
    }

    private bool ReadDescription(string inner, bool square, ref bool numbered)
    {
        var pieces = inner.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length == 0) return false;
        // Every piece must be read, or the brackets are the title's own ("(dis)contents", "(AI RMF 1.0)").
        var actions = new List<Action>();
        foreach (var piece in pieces)
        {
            Match m;
            if ((m = GroupRoleRegex().Match(piece)).Success)
            {
                var role = m.Groups["role"].Value.StartsWith('T') ? Csl.Translator : Csl.Editor;
                var names = NameList.ParseNatural(m.Groups["names"].Value, out var rest);
                if (names.Count == 0 || rest.Length > 0) return false;
                actions.Add(() => AddNames(role, names));
            }
            else if ((m = EditionRegex().Match(piece)).Success)
            {
                var ed = m.Groups["ed"].Value;
                actions.Add(() => { r[Csl.Edition] = ed; p.Edition = true; });
            }
            else if ((m = BracketThesisRegex().Match(piece)).Success)
            {
                var genre = m.Groups["genre"].Value;
                var inst = m.Groups["inst"].Success ? m.Groups["inst"].Value.Trim() : null;
                actions.Add(() =>
                {
                    r[Csl.Genre] = genre;
                    p.TypeHint = "thesis";
                    if (inst is not null) { r.Publisher = inst; p.Publisher = inst; _thesisArchiveNext = true; }
                    else _thesis = true;
                });
            }
            else if (square && MediumRegex().IsMatch(piece))
            {
                actions.Add(() =>
                {
                    r[Csl.Medium] = piece;
                    if (piece.Contains("video", StringComparison.OrdinalIgnoreCase) || piece.Equals("film", StringComparison.OrdinalIgnoreCase)) p.TypeHint ??= "motion_picture";
                });
            }
            else if (square)
            {
                var genre = piece;
                actions.Add(() => ClassifyPart("[" + genre + "]", [], 0));
            }
            else if (RemarkRegex().IsMatch(piece))
                actions.Add(() => AddNote(piece));
            else if (!numbered && !square && ReportNumberRegex().IsMatch(piece) && !DateText.IsDate(piece))
            {
                numbered = true;
                var number = piece;
                actions.Add(() => { r[Csl.Number] = number; p.TypeHint ??= number.StartsWith("arXiv", StringComparison.OrdinalIgnoreCase) ? "article" : "report"; });
            }
            else return false;
        }
        foreach (var a in actions) a();
        return true;
    }

    private bool _thesisArchiveNext;

    private void SetTitle(string title, bool quoted)
    {
        if (title.Length == 0) return;
        r.Title = title;
        p.Title = title;
        p.TitleQuoted = quoted;
    }

    private void ReadElement(string element, int index)
    {
        var el = element.Trim();
        if (el.EndsWith('.') && !el.EndsWith("..", StringComparison.Ordinal) && !TextScan.IsAbbreviationBefore(el, el.Length - 1)) el = el[..^1].TrimEnd();
        if (el.Length == 0) return;

        if (el.StartsWith("In ", StringComparison.Ordinal) || el.StartsWith("in ", StringComparison.Ordinal))
        {
            p.SawIn = true;
            el = el[3..].TrimStart();
            var eds = InEditorsRegex().Match(el);
            if (eds.Success && !eds.Groups["names"].Value.Contains(InlineMarkup.ItalicStart))
            {
                AddNames(Csl.Editor, EditorNames(eds.Groups["names"].Value));
                el = eds.Groups["rest"].Value.Trim().TrimStart(',').Trim();
            }
        }
        // "*Book*, Noble, Safiya Umoja and Tynes, Brendesha M. (eds.)", "*Book*, Aoife Nolan, Rory O’Connell, eds.":
        // editors printed after the container.
        int italicEnd = el.IndexOf(InlineMarkup.ItalicEnd);
        if (italicEnd > 0 && TrailingEditorsRegex().Match(el, italicEnd + 1) is { Success: true } trailing)
        {
            AddNames(Csl.Editor, EditorNames(trailing.Groups["names"].Value));
            el = el[..(italicEnd + 1)] + trailing.Groups["rest"].Value;
        }
        if (TryWholeElement(el, index)) return;

        var parts = MergeSeries(MergeDateParts(TextScan.Parts(el)));
        _lastPending = false;
        _dateAfterLastToken = false;
        bool anyClassified = false;
        var pending = new List<(string Text, bool Italic)>();
        for (int i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var edited = EditedByRegex().Match(part);
            var translated = TranslatedByRegex().Match(part);
            if (edited.Success || translated.Success)
            {
                // The names run on over commas: "edited by A, B, and C, The MIT Press, 2014".
                var role = edited.Success ? Csl.Editor : Csl.Translator;
                var namesText = string.Join(", ", [(edited.Success ? edited : translated).Groups["rest"].Value, .. parts.Skip(i + 1)]);
                var names = NameList.ParseNatural(namesText, out var restText);
                AddNames(role, names);
                anyClassified = true;
                parts = [.. parts.Take(i + 1), .. TextScan.Parts(restText)];
                continue;
            }
            if (DirectedByRegex().Match(part) is { Success: true } directed && part.StartsWith("Directed", StringComparison.OrdinalIgnoreCase))
            {
                var names = NameList.ParseNatural(string.Join(", ", [part[directed.Length..], .. parts.Skip(i + 1)]), out var restText);
                AddNames(Csl.Director, names);
                p.TypeHint ??= "motion_picture";
                anyClassified = true;
                parts = [.. parts.Take(i + 1), .. TextScan.Parts(restText)];
                continue;
            }
            if (ClassifyPart(part, pending, index)) anyClassified = true;
        }
        // An element of only leftover parts is one value with commas in it ("Gender, Race and Power in AI").
        if (!anyClassified && pending.Count > 1 && !pending.Any(x => x.Italic))
            pending = [(string.Join(", ", pending.Select(x => x.Text)), false)];
        for (int i = 0; i < pending.Count; i++)
        {
            bool last = i == pending.Count - 1;
            _tokens.Add(new Token(pending[i].Text, pending[i].Italic, index, !anyClassified && pending.Count == 1, last && _dateAfterLastToken));
        }
        _dateAfterLastToken = false;
    }

    private bool _dateAfterLastToken;

    [GeneratedRegex(@"^(?<head>\p{Lu}.*[\p{L})])\s+(?<v>\d+[A-Za-z]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumberRegex();

    /// <summary>After a quoted title, the plain parts just before "vol." or "no." are one periodical's name, commas
    /// and all ("Information, Communication &amp; Society", "XRDS: Crossroads, The ACM Magazine for Students").</summary>
    private void JoinPeriodicalName(List<(string Text, bool Italic)> pending)
    {
        if (!p.TitleQuoted || !_lastPending || pending.Count < 2 || _tokens.Count > 0) return;
        if (pending.Any(x => x.Italic || x.Text.Length == 0 || !char.IsUpper(x.Text[0]))) return;
        var name = string.Join(", ", pending.Select(x => x.Text));
        pending.Clear();
        pending.Add((name, false));
    }

    /// <summary>"Proceedings of the Conference on Fairness, Accountability, and Transparency", "Simians, Cyborgs, and
    /// Women": a title's own series ("A, B, and C") is one part, not a title, a publisher and a place. Names after
    /// "edited by" and the like are left for the name reader.</summary>
    private static List<string> MergeSeries(List<string> parts)
    {
        for (int i = 1; i < parts.Count; i++)
        {
            var part = parts[i];
            if (IsContributorPhrase(parts[i - 1])) return parts;
            // Without the serial comma: "Conference on Fairness, Accountability and Transparency".
            bool lastItems = SeriesTailRegex().IsMatch(part) && OfWhatRegex().IsMatch(parts[i - 1]);
            if (!(part.StartsWith("and ", StringComparison.Ordinal) || part.StartsWith("& ", StringComparison.Ordinal) || lastItems)) continue;
            if (lastItems)
            {
                parts[i - 1] = parts[i - 1] + ", " + part;
                parts.RemoveAt(i);
                i--;
                continue;
            }
            int word = part.IndexOf(' ') + 1;
            if (word >= part.Length || !char.IsLetter(part[word])) continue;
            // Title case or, in APA, sentence case: the items share the case of the last one.
            bool upper = char.IsUpper(part[word]);
            // The series' middle items are short words; the part before them ends with its first item.
            int j = i - 1;
            while (j > 0 && IsSeriesItem(parts[j], upper) && !IsContributorPhrase(parts[j - 1])) j--;
            if (j == i - 1 && !IsSeriesItem(parts[j], upper) && !EndsInCase(parts[j], upper)) continue;
            if (!upper && j == i - 1 && !IsSeriesItem(parts[j], upper)) continue;
            if (DateText.IsDate(parts[j]) || parts[j].Any(char.IsDigit) && j == i - 1) continue;
            parts[j] = string.Join(", ", parts.Skip(j).Take(i - j + 1));
            parts.RemoveRange(j + 1, i - j);
            i = j;
        }
        return parts;

        static bool IsSeriesItem(string t, bool upper) => t.Length > 0 && (upper ? char.IsUpper(t[0]) : char.IsLower(t[0])) && t.Split(' ').Length <= 3 && !t.Any(char.IsDigit) && !DateText.IsDate(t);
        static bool EndsInCase(string t, bool upper)
        {
            int sp = t.LastIndexOf(' ');
            return sp + 1 < t.Length && (upper ? char.IsUpper(t[sp + 1]) : char.IsLower(t[sp + 1]));
        }
        static bool IsContributorPhrase(string t) => EditedByRegex().IsMatch(t) || TranslatedByRegex().IsMatch(t) || DirectedByRegex().IsMatch(t);
    }

    [GeneratedRegex(@"^\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?\s+(?:and|&)\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesTailRegex();

    [GeneratedRegex(@"\b(?:on|of|for)\s+(?:the\s+)?\p{Lu}\p{L}+$", RegexOptions.CultureInvariant)]
    private static partial Regex OfWhatRegex();

    [GeneratedRegex(@"^(?:directed|produced|performed|narrated|hosted|presented)\s+by\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DirectedByRegex();

    // "Review of International Studies 49 (1): 20–36", "Big Data & Society 10 (2)": a journal and its numbers in
    // plain text, where no italics end the journal's name.
    [GeneratedRegex(@"^(?<head>\p{Lu}.*?[\p{L})])\s+(?<nums>\d+[A-Za-z]?\s*(?:\([^)]+\)\s*(?::\s*\S.*)?|:\s*\S.*))$", RegexOptions.CultureInvariant)]
    private static partial Regex JournalWithNumbersRegex();

    /// <summary>"October 9" + "2002" and "Last modified June 20" + "2020" are one date that a comma cut in two.</summary>
    private static List<string> MergeDateParts(List<string> parts)
    {
        for (int i = 0; i + 1 < parts.Count; i++)
        {
            var next = parts[i + 1];
            if (next.Length >= 4 && char.IsDigit(next[0]) && DateText.IsDate(next) && next.Length <= 5 && EndsMonthDayRegex().IsMatch(parts[i]))
            {
                parts[i] = parts[i] + ", " + next;
                parts.RemoveAt(i + 1);
            }
        }
        return parts;
    }

    /// <summary>"Accessed 3 May 2023", "Uploaded on ...", "Last updated ...", "Presented at ...".</summary>
    private bool TryDatedPhrase(string t)
    {
        // Each phrase starts with its verb: accessed, retrieved, viewed, consulted, uploaded, updated, last,
        // modified, published, posted, presented, paper, delivered, abgerufen.
        if (t.Length < 6 || "arvcuelmpdARVCUELMPD".IndexOf(t[0]) < 0) return false;
        Match m;
        if ((m = AccessedRegex().Match(t)).Success && DateText.TryParse(m.Groups["date"].Value, out var acc, out _))
        {
            _accessed = acc;
            p.Accessed = true;
            return true;
        }
        if ((m = UploadedRegex().Match(t)).Success && DateText.TryParse(m.Groups["date"].Value, out var up, out var upEnd))
        {
            SetDate(up, upEnd);
            p.TypeHint ??= "motion_picture";
            return true;
        }
        if ((m = UpdatedRegex().Match(t)).Success && DateText.TryParse(m.Groups["date"].Value, out var upd, out var updEnd))
        {
            SetDate(upd, updEnd);
            return true;
        }
        if ((m = PresentedAtRegex().Match(t)).Success)
        {
            // "Presented at the Proceedings of X": the proceedings are the container; otherwise it names the event.
            var ev = TextScan.Value(m.Groups["event"].Value);
            if (ev.StartsWith("Proceedings", StringComparison.OrdinalIgnoreCase) && r.ContainerTitle is null) SetContainer(ev);
            else r[Csl.EventTitle] ??= ev;
            p.TypeHint ??= "paper-conference";
            _talk = true;
            return true;
        }
        return false;
    }
    private bool _lastPending;

    private bool TryWholeElement(string el, int index)
    {
        Match m;
        if (TryDatedPhrase(el)) return true;
        if ((m = EditionRegex().Match(el)).Success)
        {
            r[Csl.Edition] = m.Groups["ed"].Value;
            p.Edition = true;
            return true;
        }
        if ((m = TranslatedByRegex().Match(el)).Success && InvertedInitialsRegex().Match(m.Groups["rest"].Value) is { Success: true } inv)
        {
            AddNames(Csl.Translator, NameList.ParseInverted(inv.Groups["names"].Value));
            var rest = inv.Groups["rest"].Value.Trim();
            if (rest.Length > 0) ReadElement(rest, index);
            return true;
        }
        // "Place: Publisher[, date, pages]" — not where a container is due (just after a quoted title).
        if ((index > 0 || r.Title is not null && !p.TitleQuoted) && (m = PlacePublisherRegex().Match(el)).Success
            && !el.Contains(InlineMarkup.ItalicStart) && m.Groups["place"].Value.Split(' ').Length <= 4
            && m.Groups["pub"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 7)
        {
            r[Csl.PublisherPlace] = m.Groups["place"].Value.Trim();
            p.PublisherPlace = r[Csl.PublisherPlace];
            var pub = TextScan.Value(m.Groups["pub"].Value);
            if (r.Publisher is null) { r.Publisher = pub; p.Publisher = pub; }
            else AddNote(pub);
            if (m.Groups["tail"].Success)
            {
                var pending = new List<(string Text, bool Italic)>();
                foreach (var part in MergeDateParts(TextScan.Parts(m.Groups["tail"].Value))) ClassifyPart(part, pending, index);
                foreach (var (text, _) in pending) AddNote(text);
            }
            return true;
        }
        return false;
    }

    /// <summary>Recognises one comma-separated part; a leftover goes to <paramref name="pending"/>. True when recognised.</summary>
    private bool ClassifyPart(string part, List<(string Text, bool Italic)> pending, int element)
    {
        var t = part.Trim();
        if (TextScan.StartsItalic(t, out var italic, out var tail))
        {
            var head = TextScan.Value(italic);
            var vol = TrailingVolumeRegex().Match(head);
            bool numbersOnly = head.All(ch => char.IsDigit(ch) || ch is '-' or '–');
            if (numbersOnly && head.Length > 0 && HasContainerCandidate(pending))
            {
                SetOnce(Csl.Volume, head);
                return true;
            }
            if (vol.Success) // APA: _Journal, 36_(5), _Journal, 8_, _Journal, 4(CSCW1)_
            {
                SetOnce(Csl.Volume, vol.Groups["v"].Value);
                if (vol.Groups["i"].Success) SetOnce(Csl.Issue, vol.Groups["i"].Value);
                head = head[..vol.Index].Trim();
            }
            if (head.Length > 0) { pending.Add((head, true)); _lastPending = true; _dateAfterLastToken = false; }
            tail = tail.Trim().TrimStart(',').Trim();
            if (tail.Length > 0)
            {
                if (!JournalNumbers(tail)) ClassifyPart(tail, pending, element);
                return true;
            }
            return false;
        }
        Match m;
        // "transmediale / art & digitalculture (2020)", "Jan (2019)": a date in brackets closing the part.
        if (t.EndsWith(')') && (m = TrailingParenDateRegex().Match(t)).Success && m.Groups["head"].Length > 0 && DateText.TryParse(m.Groups["date"].Value, out var tds, out var tde))
        {
            SetDate(tds, tde);
            var head = m.Groups["head"].Value.Trim();
            if (!ClassifyPart(head, pending, element)) return pending.Count > 0 && false;
            return MarkClassified(false);
        }
        if ((m = VolumeRegex().Match(t)).Success)
        {
            JoinPeriodicalName(pending);
            SetOnce(Csl.Volume, m.Groups["v"].Value);
            if (m.Groups["i"].Success) SetOnce(Csl.Issue, m.Groups["i"].Value);
            return MarkClassified(false);
        }
        if (t.Contains("vol", StringComparison.OrdinalIgnoreCase) && (m = HeadVolumeRegex().Match(t)).Success && !DateText.IsDate(t))
        {
            pending.Add((TextScan.Value(m.Groups["head"].Value), false));
            SetOnce(Csl.Volume, m.Groups["v"].Value);
            return MarkClassified(false);
        }
        if ((m = IssueRegex().Match(t)).Success)
        {
            JoinPeriodicalName(pending);
            // Chicago's "Race & Class 60, no. 4 (2019): 3–26": the volume ends the periodical's part.
            if (p.Volume is null && pending.Count > 0 && _lastPending && !pending[^1].Italic && TrailingNumberRegex().Match(pending[^1].Text) is { Success: true } tv)
            {
                pending[^1] = (tv.Groups["head"].Value, false);
                SetOnce(Csl.Volume, tv.Groups["v"].Value);
            }
            SetOnce(Csl.Issue, m.Groups["i"].Value);
            if (m.Groups["date"].Success) SetDateText(m.Groups["date"].Value);
            if (m.Groups["pg"].Success) SetOnce(Csl.Page, TextScan.Value(m.Groups["pg"].Value));
            return MarkClassified(false);
        }
        if ((m = PagesRegex().Match(t)).Success)
        {
            SetOnce(Csl.Page, TextScan.Value(m.Groups["pg"].Value));
            return MarkClassified(false);
        }
        if (DateText.TryParse(t, out var ds, out var de))
        {
            SetDate(ds, de);
            return MarkClassified(true);
        }
        if (BareRangeRegex().IsMatch(t) && (pending.Count + _tokens.Count > 0 || r.Title is not null))
        {
            SetOnce(Csl.Page, t);
            return MarkClassified(false);
        }
        if ((m = ParenPagesRegex().Match(t)).Success)
        {
            SetOnce(Csl.Page, m.Groups["pg"].Value.Trim());
            return MarkClassified(false);
        }
        if (t.Length > 2 && t[0] == '(' && t[^1] == ')' && DateText.TryParse(t[1..^1], out var pds, out var pde))
        {
            SetDate(pds, pde);
            return MarkClassified(true);
        }
        if (t.Length > 2 && t[0] == '[' && t[^1] == ']' && DateText.IsDate(t[1..^1]))
        {
            AddNote(t); // "[1934]": the original date
            return MarkClassified(false);
        }
        if (t.Length > 2 && t[0] == '(' && t[^1] == ')' && RemarkRegex().IsMatch(t[1..^1]))
        {
            AddNote(t[1..^1]); // APA's "(Original work published 1975)"
            return MarkClassified(false);
        }
        if ((m = ArticleNumberRegex().Match(t)).Success && (p.Volume is not null || p.Issue is not null))
        {
            SetOnce(Csl.Page, m.Groups["n"].Value); // APA's "Article 100205": the article number stands for pages
            return MarkClassified(false);
        }
        if (t.EndsWith(')') && (m = TrailingPagesRegex().Match(t)).Success)
        {
            // APA's "*Book title* (pp. 167–194)": the pages close the container's part.
            SetOnce(Csl.Page, m.Groups["pg"].Value.Trim());
            if (!ClassifyPart(m.Groups["head"].Value, pending, element)) { }
            return MarkClassified(false);
        }
        if (_thesisArchiveNext)
        {
            AddNote(TextScan.Value(t)); // where a thesis is kept: "ProQuest Dissertations and Theses", "DSpace@MIT"
            return MarkClassified(false);
        }
        if (t.All(char.IsDigit) && p.Volume is not null && p.Page is null)
        {
            SetOnce(Csl.Page, t); // an article number after the volume
            return MarkClassified(false);
        }
        if (t.Length > 0 && (char.IsDigit(t[0]) || t[0] == '(') && HasContainerCandidate(pending) && JournalNumbers(t))
            return MarkClassified(false);
        if (TryDatedPhrase(t)) return MarkClassified(false);
        if ((m = EditionRegex().Match(t)).Success)
        {
            r[Csl.Edition] = m.Groups["ed"].Value;
            p.Edition = true;
            return MarkClassified(false);
        }
        if (ThesisRegex().IsMatch(t))
        {
            r[Csl.Genre] = t;
            p.TypeHint = "thesis";
            _thesis = true;
            return MarkClassified(false);
        }
        if (MediumRegex().IsMatch(t))
        {
            r[Csl.Medium] = t;
            if (t.Contains("video", StringComparison.OrdinalIgnoreCase) || t.Equals("film", StringComparison.OrdinalIgnoreCase)) p.TypeHint ??= "motion_picture";
            return MarkClassified(false);
        }
        if (GenreRegex().IsMatch(t))
        {
            r[Csl.Genre] = t.Trim('[', ']');
            if (t.Contains("report", StringComparison.OrdinalIgnoreCase) || t.Contains("paper", StringComparison.OrdinalIgnoreCase)) p.TypeHint ??= "report";
            else if (t.Contains("website", StringComparison.OrdinalIgnoreCase) || t.Contains("web page", StringComparison.OrdinalIgnoreCase)) p.TypeHint ??= "webpage";
            else if (t.Contains("blog", StringComparison.OrdinalIgnoreCase)) p.TypeHint ??= "post-weblog";
            return MarkClassified(false);
        }
        if (TalkRegex().IsMatch(t))
        {
            r[Csl.Genre] = t;
            p.TypeHint ??= t.Contains("video", StringComparison.OrdinalIgnoreCase) ? "motion_picture" : "speech";
            _talk = true;
            return MarkClassified(false);
        }
        if (DurationRegex().IsMatch(t)) { AddNote(t); return MarkClassified(false); }
        if (RemarkRegex().IsMatch(t)) { AddNote(t); return MarkClassified(false); }
        if (_talk && r[Csl.EventTitle] is null && r.ContainerTitle is null) { r[Csl.EventTitle] = TextScan.Value(t); return MarkClassified(false); }
        if (_talk && !char.IsDigit(t[0]))
        {
            // The rest of a talk's line is where it was: "IT University of Copenhagen, DK".
            var place = TextScan.Value(t);
            r[Csl.EventPlace] = r[Csl.EventPlace] is { } sofar ? sofar + ", " + place : place;
            return MarkClassified(false);
        }
        if (_thesis)
        {
            var pub = TextScan.Value(t);
            r.Publisher = r.Publisher is null ? pub : r.Publisher + ", " + pub;
            p.Publisher = r.Publisher;
            return MarkClassified(false);
        }
        if ((r.Title is not null || pending.Count + _tokens.Count > 0) && (m = JournalWithNumbersRegex().Match(t)).Success
            && !DateText.IsDate(m.Groups["head"].Value) && !EndsMonthDayRegex().IsMatch(m.Groups["head"].Value) && JournalNumbers(m.Groups["nums"].Value))
        {
            // "Fordham Intellectual Property, Media & Entertainment Law Journal 32 (4)": the plain parts just before
            // the numbers are the journal's name too.
            var journal = TextScan.Value(m.Groups["head"].Value);
            int k = pending.Count;
            while (k > 0 && !pending[k - 1].Italic && _lastPending && char.IsUpper(pending[k - 1].Text[0])) k--;
            if (k < pending.Count)
            {
                journal = string.Join(", ", pending.Skip(k).Select(x => x.Text)) + ", " + journal;
                pending.RemoveRange(k, pending.Count - k);
            }
            pending.Add((journal, false));
            _lastPending = true;
            _dateAfterLastToken = false;
            return true;
        }
        if (t.All(char.IsDigit) && !HasContainerCandidate(pending))
        {
            AddNote(t); // a bare number with nothing to number: a page count or a report number
            return MarkClassified(false);
        }
        pending.Add((TextScan.Value(t), false));
        _lastPending = true;
        _dateAfterLastToken = false;
        return false;

        bool MarkClassified(bool isDate)
        {
            if (isDate && _lastPending) _dateAfterLastToken = true;
            _lastPending = false;
            return true;
        }
    }

    // A value that may be a container has been read: beyond the title, when the title is still plain text.
    private bool HasContainerCandidate(List<(string Text, bool Italic)> pending) =>
        pending.Count + _tokens.Count >= (r.Title is null ? 2 : 1);

    private bool _talk;
    private bool _thesis;

    /// <summary>"45(4): 54-66", "23 (September 2018):9", "(5)", "(7):1084-1088", "2", "56 (4): 552".</summary>
    private bool JournalNumbers(string text)
    {
        var m = JournalNumbersRegex().Match(text.Trim());
        if (!m.Success || m.Length == 0 || !(m.Groups["v"].Success || m.Groups["i"].Success)) return false;
        if (m.Groups["v"].Success) SetOnce(Csl.Volume, m.Groups["v"].Value);
        if (m.Groups["i"].Success)
        {
            var inner = m.Groups["i"].Value.Trim();
            if (DateText.TryParse(inner, out var ds, out var de)) SetDate(ds, de);
            else SetOnce(Csl.Issue, inner);
        }
        if (m.Groups["pg"].Success) SetOnce(Csl.Page, TextScan.Value(m.Groups["pg"].Value));
        return true;
    }

    private void SetOnce(string variable, string value)
    {
        if (value.Length == 0) return;
        if (r[variable] is null) r[variable] = value;
        else AddNote(value);
        if (variable == Csl.Volume) p.Volume = r[variable];
        else if (variable == Csl.Issue) p.Issue = r[variable];
        else if (variable == Csl.Page) p.Page = r[variable];
    }

    private void SetDateText(string text)
    {
        if (DateText.TryParse(text, out var s, out var e)) SetDate(s, e);
        else AddNote(text);
    }

    /// <summary>The first date printed is the publication date; a later month or day refines it ("2023 ... May").</summary>
    private void SetDate(PrintedDate start, PrintedDate? end)
    {
        if (_issued is not { } issued)
        {
            _issued = start;
            _issuedEnd = end;
            return;
        }
        bool sameYearOrNone = start.Year is null || start.Year == issued.Year;
        if (sameYearOrNone && issued.Month is null && start.Month is not null)
        {
            _issued = new PrintedDate(issued.Year, start.Month, start.Day);
            return;
        }
        if (issued.Year is null && start.Year is not null)
        {
            _issued = new PrintedDate(start.Year, issued.Month ?? start.Month, issued.Day ?? start.Day);
            return;
        }
        if (start == issued) return;
        AddNote(Format(start, end));
    }

    private static string Format(PrintedDate d, PrintedDate? end) =>
        (DateText.ToPartialDate(d, end)?.ToString()) ?? $"{d.Month}/{d.Day}";

    [GeneratedRegex(@"\G\s*,\s*(?<names>[^,\uE000\uE001()]+(?:,[^,\uE000\uE001()]+)*?),?\s*\(?(?:eds?|Eds?)\.{0,2}\)?\.?(?<rest>(?:,.*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingEditorsRegex();

    // "Berry, D. M. & Dieter, M." (inverted) or "A. Editor & B. Editor", "Aoife Nolan, Rory O’Connell" (natural).
    private static List<PersonName> EditorNames(string text)
    {
        var t = text.Trim();
        var first = t.Split(',')[0].Trim();
        bool natural = t.Length > 1 && char.IsUpper(t[0]) && t[1] == '.' || first.Contains(' ') && !first.Contains(" and ", StringComparison.Ordinal) && !first.Contains('&');
        if (natural) return NameList.ParseNatural(t, out _);
        return NameList.ParseInverted(t);
    }

    private void AddNames(string role, List<PersonName> names)
    {
        if (names.Count == 0) return;
        if (r.Names.TryGetValue(role, out var existing)) existing.AddRange(names);
        else r.SetNames(role, names);
        if (role == Csl.Editor) p.HasEditors = true;
    }

    /// <summary>Leftovers fill the title, the container and the publisher in print order.</summary>
    private void AssignTokens()
    {
        // APA dates a periodical or a web page to the month or day: after the title comes its periodical or site, the
        // last plain sentence before the link; sentences between belong to the title ("AI causes real harm. Let's ...").
        if (ReadsAsApa && _issued is { Month: not null } && !p.SawIn && r.ContainerTitle is null && r.Publisher is null
            && _tokens.Count >= (r.Title is null ? 2 : 1) && _tokens.All(t => t.Pure && !t.Italic))
        {
            int start = 0;
            if (r.Title is null) { SetTitle(Join(0, _tokens.Count - 1), quoted: false); start = _tokens.Count - 1; }
            else if (_tokens.Count > 1) { SetTitle(r.Title + ". " + Join(0, _tokens.Count - 1), quoted: false); start = _tokens.Count - 1; }
            SetContainer(_tokens[start].Text);
            _tokens.Clear();
        }
        AssignTokensInOrder();
        // A preprint server is where the paper is, as a journal would be: "arXiv", "SSRN".
        if (r.ContainerTitle is null && r.Publisher is { } server && ReferenceTypes.IsPreprintServer(server))
        {
            SetContainer(server);
            r.Publisher = null;
            p.Publisher = null;
        }
    }

    private void AssignTokensInOrder()
    {
        int i = 0;
        while (i < _tokens.Count)
        {
            var tok = _tokens[i];
            if (r.Title is null)
            {
                int end = Run(i, title: true);
                // "Title. Subtitle. Publisher, 2019": after a plain title of two or more elements, "X, date" is the publisher.
                if (end - i >= 2 && _tokens[end - 1].DateFollows && !_tokens[end - 1].Italic)
                {
                    SetTitle(Join(i, end - 1), quoted: false);
                    i = end - 1;
                    continue;
                }
                SetTitle(Join(i, end), quoted: false);
                _titleItalic = tok.Italic;
                i = end;
                continue;
            }
            bool containerNext = r.ContainerTitle is null
                && (p.TitleQuoted || tok.Italic || p.SawIn || ReplaceableByContainer(tok) || p.TypeHint is "webpage" or "post-weblog");
            if (containerNext)
            {
                int end = Run(i, title: false);
                if (end - i >= 2 && _tokens[end - 1].DateFollows && !_tokens[end - 1].Italic)
                {
                    SetContainer(Join(i, end - 1));
                    i = end - 1;
                    continue;
                }
                SetContainer(Join(i, end));
                i = end;
                continue;
            }
            if (r.Publisher is null && !tok.Italic)
            {
                r.Publisher = tok.Text;
                p.Publisher = tok.Text;
            }
            else if (r.ContainerTitle is null && tok.Italic) SetContainer(tok.Text);
            else AddNote(tok.Text);
            i++;
        }
    }

    // After a plain or italic title (a book), a leftover is a container only where it carries a journal's numbers.
    private bool ReplaceableByContainer(Token tok) =>
        !tok.Italic && r.Publisher is null && (p.Volume is not null || p.Issue is not null || p.Page is not null && !p.HasEditors);

    private void SetContainer(string text)
    {
        r.ContainerTitle = text;
        p.ContainerTitle = text;
    }

    /// <summary>The tokens from <paramref name="start"/> that make one value: whole elements in a row (a title and
    /// its subtitle), ending with the first that shares its element with recognised parts.</summary>
    private int Run(int start, bool title)
    {
        int end = start + 1;
        // Author-date styles print a plain title as one sentence; so does a value in italics.
        if (title && PlainTextReaderOptions.IsAuthorDate(style)) return end;
        if (_tokens[start].Italic) return end;
        if (!_tokens[start].Pure) return end;
        while (end < _tokens.Count && _tokens[end].Element == _tokens[end - 1].Element + 1 && !_tokens[end].Italic)
        {
            end++;
            if (!_tokens[end - 1].Pure) break;
        }
        return end;
    }

    private string Join(int start, int end) =>
        string.Join(". ", _tokens.Skip(start).Take(end - start).Select(t => t.Text.TrimEnd('.')));

    public void Finish()
    {
        if (_issued is { } issued && DateText.ToPartialDate(issued, _issuedEnd) is { } date) r.Issued = date;
        else if (_issued is { Year: null } monthOnly) AddNote(Format(monthOnly, null));
        if (_accessed is { } acc && DateText.ToPartialDate(acc, null) is { } accessed) r.Dates[Csl.Accessed] = accessed;
        if (_notes.Count > 0) r[Csl.Note] = string.Join("; ", _notes);
    }
}
