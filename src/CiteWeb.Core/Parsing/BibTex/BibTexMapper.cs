using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>
/// Maps a scanned BibTeX/BibLaTeX entry to the CSL-aligned model, as biblatex-csl and citation.js read the
/// fields. Nothing is dropped: a field with no CSL variable is kept, decoded, in <see cref="Reference.Custom"/>
/// under its own name, and the entry type in <c>custom.entrytype</c>, so a writer can give it all back.
/// </summary>
internal sealed class BibTexMapper(string text, LineMap lines, List<Diagnostic> diagnostics)
{
    // Room for the references' maps, shared by the references this mapper builds (see FieldMapArena).
    private readonly FieldMapArena _fields = new();
    private readonly SmallMapArena<List<PersonName>> _names = new();
    private readonly SmallMapArena<PartialDate> _dates = new();
    private readonly Dictionary<long, PartialDate> _plainDates = [];
    private readonly Reference _scratch = new("", "");
    private readonly Dictionary<string, string> _short = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PartialDate> _isoDates = new(StringComparer.Ordinal);

    public Reference Map(RawEntry e)
    {
        if (!BibTexVocabulary.TypeToCsl.TryGetValue(e.Type, out var cslType))
        {
            cslType = "document";
            Report(DiagnosticCodes.UnknownEntryType, Severity.Error, e.Start, $"unknown entry type '@{e.Type}' for '{e.Key}'; kept as a generic document");
        }
        // The entry is mapped into one reference kept for the purpose, whose maps keep their arrays from entry to
        // entry; Pack then copies what it holds into shared chunks behind a new reference (see PackedMaps).
        var r = _scratch;
        r.Id = e.Key;
        r.Type = cslType;
        r.Source = e.Line > 0 ? new SourceSpan(lines.File, e.Line, e.Column, e.Start, e.End - e.Start) : lines.At(e.Start, e.End - e.Start);
        r.RawText = text.AsMemory(e.Start, Math.Max(0, e.End - e.Start));
        r.Fields.Reset();
        r.Custom.Reset();
        r.Names.Reset();
        r.Dates.Reset();
        r.Custom["entrytype"] = e.Type;

        string? year = null, month = null, day = null;
        string? organization = null, institution = null, howPublished = null;
        string? eprint = null, eprintType = null;
        int dateField = -1;
        int fieldCount = e.FieldCount;
        for (int index = 0; index < fieldCount; index++)
        {
            var f = e.Field(index);
            var v = f.Value(text);
            // An empty field says nothing; dropping it here is what the clean export would do anyway.
            if (v.IsWhiteSpace()) continue;
            var kind = KindOf(f.Name, out var direct);
            if (kind == Kind.Direct)
            {
                Defer(r.Fields, direct.Variable, f, direct.Decoder);
                continue;
            }
            switch (kind)
            {
                case Kind.Author: SetNames(r, Csl.Author, f, v); break;
                case Kind.Editor: SetNames(r, Csl.Editor, f, v); break;
                case Kind.Translator: SetNames(r, Csl.Translator, f, v); break;
                case Kind.BookAuthor: SetNames(r, Csl.ContainerAuthor, f, v); break;
                case Kind.CollectionEditor: SetNames(r, Csl.CollectionEditor, f, v); break;
                case Kind.Director: SetNames(r, Csl.Director, f, v); break;
                case Kind.Title:
                    if (e.Has("subtitle") || e.Has("titleaddon")) r.Fields[Csl.Title] = Join(Title(v), Field(e, "subtitle", true), ": ", Field(e, "titleaddon", true));
                    else Defer(r.Fields, Csl.Title, f, TitleDecoder);
                    break;
                case Kind.JoinedToTitle: break;
                case Kind.Journal:
                    if (e.Has("journalsubtitle")) r.Fields[Csl.ContainerTitle] = Join(Title(v), Field(e, "journalsubtitle", true), ": ", null);
                    else Defer(r.Fields, Csl.ContainerTitle, f, TitleDecoder);
                    break;
                case Kind.BookTitle:
                    if (e.Has("journal") || e.Has("journaltitle")) Defer(r.Custom, "booktitle", f, TitleDecoder);
                    else if (e.Has("booksubtitle") || e.Has("booktitleaddon"))
                        r.Fields[Csl.ContainerTitle] = Join(Title(v), Field(e, "booksubtitle", true), ": ", Field(e, "booktitleaddon", true));
                    else Defer(r.Fields, Csl.ContainerTitle, f, TitleDecoder);
                    break;
                case Kind.Number: Defer(r.Fields, NumberVariable(r, e), f, PlainDecoder); break;
                case Kind.Organization: organization = Plain(v); break;
                case Kind.Institution: institution = Plain(v); break;
                // Both present (ACM's exports): address is the publisher's, location the event's.
                case Kind.Location:
                    if (!e.Has("address")) Defer(r.Fields, Csl.PublisherPlace, f, PlainDecoder);
                    else if (!e.Has("venue")) Defer(r.Fields, Csl.EventPlace, f, PlainDecoder);
                    else Defer(r.Custom, "location", f, PlainDecoder);
                    break;
                case Kind.Year: year = Short(v); break;
                case Kind.Month: month = Short(v); break;
                case Kind.Day: day = Short(v); break;
                case Kind.Date: dateField = index; break;
                case Kind.UrlDate: SetDate(r, Csl.Accessed, f, v); break;
                case Kind.OrigDate: SetDate(r, Csl.OriginalDate, f, v); break;
                case Kind.EventDate: SetDate(r, Csl.EventDate, f, v); break;
                case Kind.Eprint: eprint = LatexDecoder.DecodeVerbatim(v); r.Custom["eprint"] = eprint; break;
                case Kind.EprintType: eprintType ??= Plain(v); r.Custom[f.Name] = Plain(v); break;
                case Kind.LangId:
                    // langid (hyphenation before BibLaTeX 1.x) names a babel language; CSL's language is a BCP 47 tag.
                    if (e.Has("language") || (f.Name == "hyphenation" && e.Has("langid"))) Defer(r.Custom, f.Name, f, PlainDecoder);
                    else r.Fields[Csl.Language] = BibTexVocabulary.LanguageTags.GetValueOrDefault(Plain(v).Trim(), Plain(v));
                    break;
                case Kind.HowPublished: howPublished = Plain(v); break;
                case Kind.EntrySubtype: r.Custom["entrysubtype"] = Plain(v); break;
                default:
                    // A field named after a CSL variable (archive, medium, section ...) is that variable.
                    if (Csl.Canonical(f.Name, Csl.StringVariables) is { } variable && !r.Fields.ContainsKey(variable))
                    {
                        Defer(r.Fields, variable, f, PlainDecoder);
                        break;
                    }
                    Defer(r.Custom, f.Name, f, IsVerbatim(f.Name) ? VerbatimDecoder : PlainDecoder);
                    break;
            }
        }

        // ContainsKey, not a read: a read would decode a deferred value for nothing.
        if (institution is not null) { if (!r.Fields.ContainsKey(Csl.Publisher)) r.Publisher = institution; else r.Custom[e.Has("school") ? "school" : "institution"] = institution; }
        if (organization is not null) { if (!r.Fields.ContainsKey(Csl.Publisher)) r.Publisher = organization; else r.Custom["organization"] = organization; }
        if (howPublished is not null)
        {
            // BibTeX prints howpublished where a publisher goes; a web address there is the entry's URL.
            if (LooksLikeUrl(howPublished)) { if (!r.Fields.ContainsKey(Csl.Url)) r.Url = howPublished; else r.Custom["howpublished"] = howPublished; }
            else if (!r.Fields.ContainsKey(Csl.Publisher)) r.Publisher = howPublished;
            else r.Custom["howpublished"] = howPublished;
        }
        if (eprint is not null) MapEprint(r, eprint, eprintType);
        MapIssued(r, e, dateField, year, month, day);
        RefineType(r, e);
        // arXiv's own export is @misc with eprint and archivePrefix: a preprint, CSL's "article" (as Zotero reads it).
        if (eprint is not null && e.Type == "misc" && r.Type == "document" && string.Equals(eprintType, "arxiv", StringComparison.OrdinalIgnoreCase))
            r.Type = "article";
        return Pack(r);
    }

    private Reference Pack(Reference r)
    {
        var (fields, fieldsOffset) = _fields.Copy(r.Fields.Entries, r.Custom.Entries);
        var (names, namesOffset) = r.Names.Count == 0 ? default : _names.Copy(r.Names.Entries);
        var (dates, datesOffset) = r.Dates.Count == 0 ? default : _dates.Copy(r.Dates.Entries);
        var packed = new PackedMaps(fields, fieldsOffset, r.Fields.Count, r.Custom.Count,
            names, namesOffset, r.Names.Count, dates, datesOffset, r.Dates.Count);
        return new Reference(r.Id, r.Type, packed) { Source = r.Source, RawText = r.RawText };
    }

    private void MapIssued(Reference r, RawEntry e, int dateField, string? year, string? month, string? day)
    {
        if (dateField >= 0)
        {
            SetDate(r, Csl.Issued, e.Field(dateField), e.Field(dateField).Value(text));
            // date wins; a year, month or day that says something else is kept, not lost.
            var start = r.Issued?.Start;
            if (year is not null && start?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) != year) r.Custom["year"] = year;
            if (month is not null && (start?.Month is not int sm || BibTexVocabulary.ParseMonth(month) != sm)) r.Custom["month"] = month;
            if (day is not null && start?.Day?.ToString(System.Globalization.CultureInfo.InvariantCulture) != day) r.Custom["day"] = day;
            return;
        }
        if (year is null)
        {
            if (month is not null) r.Custom["month"] = month;
            return;
        }
        var iso = year.Length == 4 && int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int plainYear)
            ? Date(plainYear, null, null) // what TryParseIso reads four digits as
            : PartialDate.TryParseIso(year);
        if (iso is null || iso.Start is null)
        {
            Report(DiagnosticCodes.InvalidDate, Severity.Warning, FieldOffset(e, "year"), $"year '{year}' of '{e.Key}' is not a year; kept as text");
            r.Issued = PartialDate.FromLiteral(year);
            if (month is not null) r.Custom["month"] = month;
            return;
        }
        int? m = null, d = null;
        if (month is not null && iso.Start.Value.Month is null && iso.End is null)
        {
            m = BibTexVocabulary.ParseMonth(month);
            if (m is null && day is null && BibTexVocabulary.ParseMonthWithDays(month) is var (mm, d1, d2)
                && new DateParts(iso.Start.Value.Year, mm, d1).IsValid && (d2 is null || new DateParts(iso.Start.Value.Year, mm, d2).IsValid && d2 > d1))
            {
                // "17–19 Jun": a conference's days, as PMLR and ACM exports give them.
                int y = iso.Start.Value.Year;
                r.Issued = new PartialDate { Start = new DateParts(y, mm, d1), End = d2 is int e2 ? new DateParts(y, mm, e2) : null };
                return;
            }
            if (m is null)
            {
                Report(DiagnosticCodes.InvalidDate, Severity.Warning, FieldOffset(e, "month"), $"month '{month}' of '{e.Key}' is not a month; kept as text");
                r.Custom["month"] = month;
            }
            else if (day is not null && int.TryParse(day, out int dd) && new DateParts(iso.Start.Value.Year, m, dd).IsValid) d = dd;
            else if (day is not null) r.Custom["day"] = day;
        }
        if (m is not null) r.Issued = Date(iso.Start.Value.Year, m, d);
        else if (iso is { End: null, OpenEnd: false, Circa: false, Uncertain: false, Start: { } plain }) r.Issued = Date(plain.Year, plain.Month, plain.Day);
        else r.Issued = iso;
    }

    /// <summary>A plain date, one instance per distinct date for all the references this mapper builds: dates are
    /// immutable, and a large file repeats a few hundred of them, so this spares the collector an object a reference.</summary>
    private PartialDate Date(int year, int? month, int? day)
    {
        long key = ((long)year << 16) | ((long)(month ?? 0) << 8) | (long)(day ?? 0);
        if (!_plainDates.TryGetValue(key, out var date))
        {
            date = PartialDate.FromYear(year, month, day);
            if (_plainDates.Count < 100_000) _plainDates.Add(key, date);
        }
        return date;
    }

    private void SetDate(Reference r, string variable, RawField f, ReadOnlySpan<char> v)
    {
        // A file repeats its dates (urldate above all), and dates are immutable: a valid one is read once.
        var known = _isoDates.GetAlternateLookup<ReadOnlySpan<char>>();
        if (known.TryGetValue(v, out var date))
        {
            r.Dates[variable] = date;
            return;
        }
        // Verbatim: EDTF's "~" means circa here, not a tie.
        var s = LatexDecoder.DecodeVerbatim(v);
        date = PartialDate.TryParseIso(s);
        if (date is null)
        {
            Report(DiagnosticCodes.InvalidDate, Severity.Warning, f.Offset, $"{f.Name} '{s}' is not an ISO 8601 / EDTF date; kept as text");
            date = PartialDate.FromLiteral(s);
        }
        else if (v.Length <= 40 && _isoDates.Count < 4096) _isoDates[v.ToString()] = date;
        r.Dates[variable] = date;
    }

    private static string NumberVariable(Reference r, RawEntry e)
    {
        if (r.Type is "article-journal" || e.Type is "article" or "periodical" or "suppperiodical")
            return e.Has("issue") ? Csl.Number : Csl.Issue;
        if (e.Has("series") && e.Type is not ("report" or "techreport" or "patent" or "standard" or "manual"))
            return Csl.CollectionNumber;
        return Csl.Number;
    }

    private static void MapEprint(Reference r, string eprint, string? eprintType)
    {
        switch (eprintType?.ToLowerInvariant())
        {
            case "arxiv": r.Url ??= "https://arxiv.org/abs/" + eprint; break;
            case "pubmed": r.Fields[Csl.Pmid] ??= eprint; break;
            case "doi": r.Doi ??= eprint; break;
            case "jstor": r.Url ??= "https://www.jstor.org/stable/" + eprint; break;
            case "hdl": r.Url ??= "https://hdl.handle.net/" + eprint; break;
        }
    }

    private static void RefineType(Reference r, RawEntry e)
    {
        var subtype = r.Custom["entrysubtype"];
        if (e.Type == "article" && subtype is not null)
        {
            if (subtype.Equals("magazine", StringComparison.OrdinalIgnoreCase)) r.Type = "article-magazine";
            else if (subtype.Equals("newspaper", StringComparison.OrdinalIgnoreCase)) r.Type = "article-newspaper";
            else if (subtype.Equals("preprint", StringComparison.OrdinalIgnoreCase)) r.Type = "article";
        }
        if (e.Type == "online" && subtype is not null && subtype.Equals("blog", StringComparison.OrdinalIgnoreCase)) r.Type = "post-weblog";
        bool misc = e.Type == "misc" && subtype is not null && subtype != "document" && Csl.Types.Contains(subtype);
        if (misc) r.Type = subtype!;
        // A subtype the CSL type now says is not kept twice; the writer derives it from the type again.
        if (subtype is not null && (misc || r.Type is "article-magazine" or "article-newspaper" or "article" or "post-weblog")) r.Custom["entrysubtype"] = null;
        // A localisation key in type ("phdthesis", "techreport") stands for the words it prints.
        if (e.Has("type") && r.Fields[Csl.Genre] is { } genre && BibTexVocabulary.TypeKeys.TryGetValue(genre.Trim(), out var words))
            r.Fields[Csl.Genre] = words;
        if (!r.Fields.ContainsKey(Csl.Genre))
        {
            if (e.Type == "phdthesis") r.Fields[Csl.Genre] = "PhD thesis";
            else if (e.Type == "mastersthesis") r.Fields[Csl.Genre] = "Master's thesis";
        }
    }

    private static bool IsVerbatim(string field) => field == "file" || field.Contains("url", StringComparison.Ordinal) || field == "verba";

    private static bool LooksLikeUrl(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private void SetNames(Reference r, string role, RawField f, ReadOnlySpan<char> v)
    {
        // Damage is reported now, so names are parsed now only when damaged; else when first read.
        if (!BibTexNames.IsDamaged(v))
        {
            r.Names.SetDeferred(role, Slice(f, BibTexNames.Codec));
            return;
        }
        r.SetNames(role, BibTexNames.Parse(v, out bool damaged));
        if (damaged)
            Report(DiagnosticCodes.DamagedNameList, Severity.Warning, f.Offset,
                $"{f.Name} of '{r.Id}' has an empty name or a stray comma (\"and and\", \"Merkle,\"); read as {BibTexWriter.FormatNames(r.Names.GetValueOrDefault(role) ?? [], ascii: false)}");
    }

    private static string Title(ReadOnlySpan<char> v) => LatexDecoder.Decode(v, protectCase: true);

    private static readonly SliceCodec<string> PlainDecoder = new(Plain, LatexDecoder.DecodesToItself, decodesCollapsed: LatexDecoder.DecodesCollapsed,
        decodeTo: static (ReadOnlySpan<char> v, ref char[] buffer, int at) => LatexDecoder.DecodeTo(v, protectCase: false, ref buffer, at),
        rewrite: static (ReadOnlySpan<char> v, bool ascii, ref char[] buffer, int at, out int end) => LatexDecoder.TryRewrite(v, protectCase: false, ascii, ref buffer, at, out end));
    private static readonly SliceCodec<string> TitleDecoder = new(Title, LatexDecoder.DecodesToItself, decodesCollapsed: LatexDecoder.DecodesCollapsed,
        decodeTo: static (ReadOnlySpan<char> v, ref char[] buffer, int at) => LatexDecoder.DecodeTo(v, protectCase: true, ref buffer, at),
        rewrite: static (ReadOnlySpan<char> v, bool ascii, ref char[] buffer, int at, out int end) => LatexDecoder.TryRewrite(v, protectCase: true, ascii, ref buffer, at, out end));
    private static readonly SliceCodec<string> VerbatimDecoder = new(LatexDecoder.DecodeVerbatim, LatexDecoder.DecodesVerbatimToItself,
        decodesCollapsed: LatexDecoder.DecodesVerbatimCollapsed, decodeTo: LatexDecoder.DecodeVerbatimTo);

    /// <summary>What the mapper does with a field, by its name (see <see cref="KindOf"/>).</summary>
    private enum Kind : byte
    {
        Other, Direct, Author, Editor, Translator, BookAuthor, CollectionEditor, Director, Title, JoinedToTitle, Journal,
        BookTitle, Number, Organization, Institution, Location, Year, Month, Day, Date, UrlDate, OrigDate, EventDate,
        Eprint, EprintType, LangId, HowPublished, EntrySubtype,
    }

    private static Kind KindFor(string name) => name switch
    {
        _ when Direct.ContainsKey(name) => Kind.Direct,
        "author" => Kind.Author,
        "editor" => Kind.Editor,
        "translator" => Kind.Translator,
        "bookauthor" => Kind.BookAuthor,
        "collectioneditor" => Kind.CollectionEditor,
        "director" => Kind.Director,
        "title" => Kind.Title,
        // Joined with their title (title, journal or booktitle).
        "subtitle" or "titleaddon" or "booksubtitle" or "booktitleaddon" or "journalsubtitle" => Kind.JoinedToTitle,
        "journal" or "journaltitle" => Kind.Journal,
        "booktitle" => Kind.BookTitle,
        "number" => Kind.Number,
        "organization" => Kind.Organization,
        "institution" or "school" => Kind.Institution,
        "location" => Kind.Location,
        "year" => Kind.Year,
        "month" => Kind.Month,
        "day" => Kind.Day,
        "date" => Kind.Date,
        "urldate" => Kind.UrlDate,
        "origdate" => Kind.OrigDate,
        "eventdate" => Kind.EventDate,
        "eprint" => Kind.Eprint,
        "eprinttype" or "archiveprefix" => Kind.EprintType,
        "langid" or "hyphenation" => Kind.LangId,
        "howpublished" => Kind.HowPublished,
        "entrysubtype" => Kind.EntrySubtype,
        _ => Kind.Other,
    };

    // Field names are interned by the scanner, so a file's few dozen names are each looked up once here, then
    // found by reference: a hash of a string and a string switch for each of a million fields cost more.
    private readonly string?[] _kindNames = new string?[256];
    private readonly Kind[] _kinds = new Kind[256];
    private readonly (string Variable, SliceCodec<string> Decoder)[] _directs = new (string, SliceCodec<string>)[256];

    private Kind KindOf(string name, out (string Variable, SliceCodec<string> Decoder) direct)
    {
        int slot = name.Length == 0 ? 0 : (name.Length * 7 + name[0] + name[^1] * 3) & 255;
        if (!ReferenceEquals(_kindNames[slot], name))
        {
            var kind = KindFor(name);
            _kinds[slot] = kind;
            _directs[slot] = kind == Kind.Direct ? Direct[name] : default;
            _kindNames[slot] = name;
        }
        direct = _directs[slot];
        return _kinds[slot];
    }

    /// <summary>Fields that map to one CSL variable whatever else the entry holds, and how each is decoded.</summary>
    private static readonly Dictionary<string, (string Variable, SliceCodec<string> Decoder)> Direct = new(StringComparer.Ordinal)
    {
        ["shorttitle"] = (Csl.TitleShort, TitleDecoder),
        ["shortjournal"] = (Csl.ContainerTitleShort, TitleDecoder),
        ["series"] = (Csl.CollectionTitle, TitleDecoder),
        ["eventtitle"] = (Csl.EventTitle, TitleDecoder),
        ["origtitle"] = (Csl.OriginalTitle, TitleDecoder),
        ["issue"] = (Csl.Issue, PlainDecoder),
        ["volume"] = (Csl.Volume, PlainDecoder),
        ["volumes"] = (Csl.NumberOfVolumes, PlainDecoder),
        ["edition"] = (Csl.Edition, PlainDecoder),
        ["version"] = (Csl.Version, PlainDecoder),
        ["chapter"] = (Csl.ChapterNumber, PlainDecoder),
        ["pages"] = (Csl.Page, PlainDecoder),
        ["pagetotal"] = (Csl.NumberOfPages, PlainDecoder),
        ["publisher"] = (Csl.Publisher, PlainDecoder),
        ["address"] = (Csl.PublisherPlace, PlainDecoder),
        ["venue"] = (Csl.EventPlace, PlainDecoder),
        ["doi"] = (Csl.Doi, VerbatimDecoder),
        ["url"] = (Csl.Url, VerbatimDecoder),
        ["isbn"] = (Csl.Isbn, PlainDecoder),
        ["issn"] = (Csl.Issn, PlainDecoder),
        ["pmid"] = (Csl.Pmid, PlainDecoder),
        ["pmcid"] = (Csl.Pmcid, PlainDecoder),
        ["note"] = (Csl.Note, PlainDecoder),
        ["annote"] = (Csl.Annote, PlainDecoder),
        ["annotation"] = (Csl.Annote, PlainDecoder),
        ["abstract"] = (Csl.Abstract, PlainDecoder),
        ["keywords"] = (Csl.Keyword, PlainDecoder),
        ["language"] = (Csl.Language, PlainDecoder),
        ["type"] = (Csl.Genre, PlainDecoder),
        ["pubstate"] = (Csl.Status, PlainDecoder),
    };

    /// <summary>Stores a field's value to be decoded on first read (see <see cref="Deferred{T}"/>).</summary>
    private void Defer(FieldMap map, string key, RawField f, SliceCodec<string> decoder) => map.SetDeferred(key, Slice(f, decoder));

    private Deferred<T> Slice<T>(RawField f, SliceCodec<T> decoder) =>
        f.Built is null ? new(text, f.ValueStart, f.ValueLength, decoder) : new(f.Built, 0, f.Built.Length, decoder);

    private string? Field(RawEntry e, string name, bool title)
    {
        int i = e.IndexOf(name);
        if (i < 0) return null;
        var v = e.Field(i).Value(text);
        return title ? Title(v) : Plain(v);
    }

    private static string Plain(ReadOnlySpan<char> v) => LatexDecoder.Decode(v, protectCase: false);

    /// <summary><see cref="Plain"/> for a year, month or day: a short value that decodes to itself is one string
    /// for all the references this mapper builds (a file has a few hundred distinct ones, read 100,000 times).</summary>
    private string Short(ReadOnlySpan<char> v)
    {
        if (v.Length > 16 || !LatexDecoder.DecodesToItself(v)) return Plain(v);
        if (_short.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(v, out var known)) return known;
        var s = v.ToString();
        if (_short.Count < 4096) _short.Add(s, s);
        return s;
    }

    private static string Join(string main, string? sub, string separator, string? addon)
    {
        if (!string.IsNullOrEmpty(sub)) main = main.Length == 0 ? sub : EndsWithPunctuation(main) ? main + " " + sub : main + separator + sub;
        if (!string.IsNullOrEmpty(addon)) main = EndsWithPunctuation(main) ? main + " " + addon : main + ". " + addon;
        return main;
    }

    private static bool EndsWithPunctuation(string s) => s.Length > 0 && s[^1] is '?' or '!' or ':' or '.';

    private int FieldOffset(RawEntry e, string name)
    {
        int i = e.IndexOf(name);
        return i < 0 ? e.Start : e.Field(i).Offset;
    }

    private void Report(string code, Severity severity, int offset, string message) =>
        diagnostics.Add(new Diagnostic(code, severity, message, lines.At(offset)));
}
