using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>One tag line of a record, with its value (continuations joined) and where the line starts.</summary>
internal readonly record struct RisEntry(string Tag, string Value, SourceSpan Span);

/// <summary>
/// Maps the tag lines of one RIS record to a <see cref="Reference"/>. Each value is taken at most once, in
/// document order and by tag priority; whatever no variable took (a second TI, M3, C1, an unknown tag) ends in
/// Custom under the tag in lower case, so nothing is lost and the RIS writer can put it back.
/// </summary>
internal sealed class RisRecordBuilder
{
    private readonly List<RisEntry> _entries;
    private readonly bool[] _used;
    private readonly List<Diagnostic> _diagnostics;

    public RisRecordBuilder(List<RisEntry> entries, List<Diagnostic> diagnostics)
    {
        _entries = entries;
        _used = new bool[entries.Count];
        _diagnostics = diagnostics;
    }

    /// <summary>The reference; its Id is empty when the record has no ID (the reader makes one up).</summary>
    public Reference Build(string risType, SourceSpan typeSpan)
    {
        string type = MapType(risType, typeSpan);
        var r = new Reference(Take("ID") ?? "", type);
        bool book = RisVocabulary.IsBookLike(type);

        // BT is the title of a book (and of an unpublished work) and the book title of anything else (RIS spec).
        Set(r, Csl.Title, Take("TI") ?? Take("T1") ?? (book || type == "manuscript" ? Take("BT") : null) ?? Take("CT"));
        Set(r, Csl.TitleShort, Take("ST"));
        if (book)
        {
            // For BOOK, T2 is the series (the RIS spec and Zotero agree); JF is where CiteWeb writes a book's container.
            Set(r, Csl.CollectionTitle, Take("T2") ?? Take("T3"));
            Set(r, Csl.ContainerTitle, Take("JF") ?? Take("JO"));
        }
        else
        {
            Set(r, Csl.ContainerTitle, Take("T2") ?? Take("JF") ?? Take("BT") ?? Take("JO"));
            Set(r, Csl.CollectionTitle, Take("T3"));
        }
        // JO is "the journal name" in some exports and an abbreviation in others: full if nothing else is.
        Set(r, Csl.ContainerTitleShort, Take("J2") ?? Take("JA") ?? Take("J1") ?? Take("JO"));

        SetNames(r, Csl.Author, "AU", "A1");
        SetNames(r, Csl.Editor, "A2", "ED");
        SetNames(r, Csl.CollectionEditor, "A3");
        SetNames(r, Csl.Translator, "A4");

        if (TakeIssued() is { } issued) r.Dates[Csl.Issued] = issued;
        if (Take("Y2") is { } accessed) r.Dates[Csl.Accessed] = RisValues.ParseDate(accessed) ?? PartialDate.FromLiteral(accessed);

        Set(r, Csl.Edition, Take("ET"));
        Set(r, Csl.Volume, Take("VL"));
        Set(r, Csl.NumberOfVolumes, Take("NV"));
        Set(r, Csl.Issue, Take("IS"));
        Set(r, Csl.Section, Take("SE"));
        Set(r, Csl.Page, TakePage());
        // For BOOK a lone SP is the number of pages (RIS spec; Zotero exports numPages there).
        if (book && r.Page is { } pages && pages.IndexOfAny(['\u2013', '-']) < 0)
        {
            r.Page = null;
            r[Csl.NumberOfPages] = pages;
        }
        Set(r, Csl.Publisher, Take("PB"));
        Set(r, Csl.PublisherPlace, Take("CY") ?? Take("PP") ?? Take("CP"));
        SetNumbers(r, type);
        Set(r, Csl.Doi, Take("DO"));
        var urls = TakeAll("UR").SelectMany(RisValues.SplitUrls).ToList();
        for (int i = 0; i < urls.Count; i++)
            if (i == 0) r.Url = urls[0];
            else r.Custom[RisVocabulary.ExtraUrlKey(i + 1)] = urls[i];
        // M3 is the kind of work for these types (Zotero: thesisType, reportType, manuscriptType, websiteType ...).
        if (RisVocabulary.HasGenreInM3(type)) Set(r, Csl.Genre, Take("M3"));
        Set(r, Csl.ArchiveLocation, Take("AV"));
        Set(r, Csl.Language, Take("LA"));
        Set(r, Csl.Keyword, Join(TakeAll("KW"), ", "));
        Set(r, Csl.Abstract, Take("AB") ?? Take("N2"));
        Set(r, Csl.Note, Join(TakeAll("N1"), "\n"));
        KeepTheRest(r);
        return r;
    }

    private string MapType(string risType, SourceSpan span)
    {
        if (RisVocabulary.ToCsl.TryGetValue(risType.ToUpperInvariant(), out var type)) return type;
        _diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownRisTag, Severity.Warning,
            risType.Length == 0 ? "TY has no type; read as \"document\"" : $"unknown RIS type \"{risType}\"; read as \"document\"", span));
        return "document";
    }

    /// <summary>DA is the full date, PY and Y1 the year: the most precise of those that agree on the year wins.</summary>
    private PartialDate? TakeIssued()
    {
        PartialDate? best = null;
        foreach (var tag in (string[])["DA", "PY", "Y1"])
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                if (_used[i] || _entries[i].Tag != tag || RisValues.ParseDate(_entries[i].Value) is not { } date) continue;
                if (best is null) best = date;
                else if (date.Year != best.Year) continue; // a different year: kept in Custom, not silently dropped
                else if (Precision(date) > Precision(best)) best = date;
                _used[i] = true;
            }
        }
        // Web of Science gives the year in PY and the month (and day) in DA: "DA  - DEC", "DA  - OCT 25".
        if (best is { Start: { Month: null } start } && best.End is null)
            for (int i = 0; i < _entries.Count; i++)
            {
                if (_used[i] || _entries[i].Tag != "DA" || RisValues.ParseMonthDay(_entries[i].Value) is not var (month, day)) continue;
                _used[i] = true;
                var date = new DateParts(start.Year, month, day);
                if (date.IsValid) best = best with { Start = date };
                break;
            }
        if (best is not null) return best;
        // No date at all, only text such as "n.d." or "forthcoming".
        return (Take("DA") ?? Take("PY") ?? Take("Y1")) is { } text ? PartialDate.FromLiteral(text) : null;
    }

    private static int Precision(PartialDate d) =>
        (d.Start?.Month is null ? 0 : 1) + (d.Start?.Day is null ? 0 : 1) + (d.End is null && !d.OpenEnd && !d.Circa && !d.Uncertain ? 0 : 1);

    /// <summary>SP and EP as "SP–EP" (en dash); a lone SP (or EP) is the page. An SP that is already a range keeps
    /// its EP out (Zotero reads that EP as a page count).</summary>
    private string? TakePage()
    {
        var start = Take("SP");
        if (start is not null && start.IndexOfAny(['-', '\u2013']) >= 0) return start;
        var end = Take("EP");
        return start is null ? end : end is null ? start : start + "\u2013" + end;
    }

    private void SetNumbers(Reference r, string type)
    {
        var isbn = new List<string>();
        var issn = new List<string>();
        // Scopus labels each number and joins several with "; ": "0951-5666 (ISSN); 9780738142661 (ISBN)".
        foreach (var value in TakeAll("SN"))
            foreach (var part in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var (number, label) = RisValues.SplitNumberLabel(part);
                bool isIssn = label is null ? RisValues.IsIssn(number, type) : label == "ISSN";
                (isIssn ? issn : isbn).Add(number);
            }
        Set(r, Csl.Isbn, Join(isbn, ", "));
        Set(r, Csl.Issn, Join(issn, ", "));
    }

    private void SetNames(Reference r, string role, params string[] tags)
    {
        var names = new List<PersonName>();
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_used[i] || Array.IndexOf(tags, _entries[i].Tag) < 0) continue;
            _used[i] = true;
            if (RisValues.ParseName(_entries[i].Value) is { } name) names.Add(name);
        }
        r.SetNames(role, names);
    }

    private void KeepTheRest(Reference r)
    {
        // Values of a repeated tag are joined once at the end: appending to the string line by line is quadratic,
        // and a hostile record repeats a tag tens of thousands of times.
        var kept = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_used[i]) continue;
            var (tag, value, span) = _entries[i];
            string key = tag.ToLowerInvariant();
            if (!kept.TryGetValue(key, out var values))
            {
                kept[key] = values = [];
                if (r.Custom[key] is { } earlier) values.Add(earlier);
            }
            values.Add(value);
            if (!RisVocabulary.SpecTags.Contains(tag))
                _diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownRisTag, Severity.Info,
                    $"tag {tag} is not in the RIS specification; kept in custom as \"{key}\"", span));
        }
        foreach (var (key, values) in kept) r.Custom[key] = string.Join('\n', values);
    }

    private string? Take(string tag)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_used[i] || _entries[i].Tag != tag) continue;
            _used[i] = true;
            return _entries[i].Value;
        }
        return null;
    }

    private List<string> TakeAll(string tag)
    {
        var values = new List<string>();
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_used[i] || _entries[i].Tag != tag) continue;
            _used[i] = true;
            values.Add(_entries[i].Value);
        }
        return values;
    }

    private static void Set(Reference r, string variable, string? value)
    {
        if (!string.IsNullOrEmpty(value)) r.Fields[variable] = value;
    }

    private static string? Join(List<string> values, string separator) => values.Count == 0 ? null : string.Join(separator, values);
}
