namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>
/// The names BibTeX and BibLaTeX define: entry types, fields, month macros, and the CSL type each entry type
/// maps to. Names are interned so the scanner allocates no string for a field name it knows.
/// </summary>
internal static class BibTexVocabulary
{
    public static readonly Dictionary<string, string> MonthMacros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = "January", ["feb"] = "February", ["mar"] = "March", ["apr"] = "April", ["may"] = "May",
        ["jun"] = "June", ["jul"] = "July", ["aug"] = "August", ["sep"] = "September", ["oct"] = "October",
        ["nov"] = "November", ["dec"] = "December",
    };

    /// <summary>
    /// Babel and polyglossia language names (what <c>langid</c> and <c>hyphenation</c> hold) to the BCP 47 tags
    /// CSL's <c>language</c> takes, with the region pandoc gives them ("english" is en-US). A value that is not a
    /// known name is kept as written: it may already be a tag.
    /// </summary>
    public static readonly Dictionary<string, string> LanguageTags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en-US", ["american"] = "en-US", ["usenglish"] = "en-US", ["british"] = "en-GB",
        ["ukenglish"] = "en-GB", ["canadian"] = "en-CA", ["australian"] = "en-AU", ["newzealand"] = "en-NZ",
        ["german"] = "de-DE", ["ngerman"] = "de-DE", ["austrian"] = "de-AT", ["naustrian"] = "de-AT",
        ["swissgerman"] = "de-CH", ["nswissgerman"] = "de-CH", ["french"] = "fr-FR", ["francais"] = "fr-FR",
        ["acadian"] = "fr-CA", ["canadien"] = "fr-CA", ["spanish"] = "es-ES", ["italian"] = "it-IT", ["dutch"] = "nl-NL",
        ["portuguese"] = "pt-PT", ["portuges"] = "pt-PT", ["brazil"] = "pt-BR", ["brazilian"] = "pt-BR",
        ["russian"] = "ru-RU", ["ukrainian"] = "uk-UA", ["polish"] = "pl-PL", ["czech"] = "cs-CZ", ["slovak"] = "sk-SK",
        ["slovene"] = "sl-SI", ["slovenian"] = "sl-SI", ["croatian"] = "hr-HR", ["serbian"] = "sr-RS",
        ["bulgarian"] = "bg-BG", ["romanian"] = "ro-RO", ["hungarian"] = "hu-HU", ["magyar"] = "hu-HU",
        ["swedish"] = "sv-SE", ["danish"] = "da-DK", ["norsk"] = "nb-NO", ["norwegian"] = "nb-NO", ["nynorsk"] = "nn-NO",
        ["finnish"] = "fi-FI", ["icelandic"] = "is-IS", ["estonian"] = "et-EE", ["latvian"] = "lv-LV",
        ["lithuanian"] = "lt-LT", ["greek"] = "el-GR", ["turkish"] = "tr-TR", ["hebrew"] = "he-IL", ["arabic"] = "ar",
        ["persian"] = "fa-IR", ["farsi"] = "fa-IR", ["catalan"] = "ca-AD", ["basque"] = "eu-ES", ["galician"] = "gl-ES",
        ["welsh"] = "cy-GB", ["irish"] = "ga-IE", ["latin"] = "la", ["japanese"] = "ja-JP", ["chinese"] = "zh-CN",
        ["korean"] = "ko-KR", ["vietnamese"] = "vi-VN", ["thai"] = "th-TH", ["indonesian"] = "id-ID",
        ["afrikaans"] = "af-ZA",
    };

    private static readonly Dictionary<string, string> BabelNames =
        LanguageTags.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The babel name of a BCP 47 tag that <see cref="LanguageTags"/> gives ("en-US" is "english"), or null.</summary>
    public static string? BabelName(string tag) => BabelNames.GetValueOrDefault(tag.Trim());

    /// <summary>
    /// BibLaTeX's localisation keys for the <c>type</c> of a thesis or report (biblatex manual §4.9.2.13), as the
    /// words they print in English; a type that is not a key is kept as written.
    /// </summary>
    public static readonly Dictionary<string, string> TypeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["phdthesis"] = "PhD thesis", ["mathesis"] = "Master's thesis", ["candthesis"] = "Candidate thesis",
        ["bathesis"] = "Bachelor's thesis", ["techreport"] = "technical report", ["resreport"] = "research report",
        ["software"] = "computer software", ["datacd"] = "CD-ROM", ["audiocd"] = "audio CD",
    };

    public static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Entry type -> CSL type. BibTeX's standard types, BibLaTeX's, and their aliases.</summary>
    public static readonly Dictionary<string, string> TypeToCsl = new(StringComparer.OrdinalIgnoreCase)
    {
        ["article"] = "article-journal",
        ["book"] = "book", ["mvbook"] = "book", ["collection"] = "book", ["mvcollection"] = "book",
        ["proceedings"] = "book", ["mvproceedings"] = "book", ["reference"] = "book", ["mvreference"] = "book",
        ["booklet"] = "pamphlet",
        ["inbook"] = "chapter", ["bookinbook"] = "chapter", ["suppbook"] = "chapter",
        ["incollection"] = "chapter", ["suppcollection"] = "chapter",
        ["inreference"] = "entry-encyclopedia",
        ["inproceedings"] = "paper-conference", ["conference"] = "paper-conference",
        ["manual"] = "report", ["report"] = "report", ["techreport"] = "report",
        ["thesis"] = "thesis", ["phdthesis"] = "thesis", ["mastersthesis"] = "thesis",
        ["misc"] = "document", ["unpublished"] = "manuscript", ["set"] = "document", ["bibnote"] = "document",
        ["online"] = "webpage", ["electronic"] = "webpage", ["www"] = "webpage",
        ["patent"] = "patent", ["periodical"] = "periodical", ["suppperiodical"] = "article-journal",
        ["dataset"] = "dataset", ["software"] = "software", ["standard"] = "standard",
        ["artwork"] = "graphic", ["image"] = "graphic", ["audio"] = "song", ["music"] = "song",
        ["movie"] = "motion_picture", ["video"] = "motion_picture", ["performance"] = "performance",
        ["jurisdiction"] = "legal_case", ["legislation"] = "legislation", ["legal"] = "treaty",
        ["letter"] = "personal_communication", ["review"] = "review", ["commentary"] = "document",
        ["customa"] = "document", ["customb"] = "document", ["customc"] = "document",
        ["customd"] = "document", ["custome"] = "document", ["customf"] = "document",
        ["xdata"] = "document",
    };

    /// <summary>Types only BibLaTeX defines: seeing one marks the file as BibLaTeX.</summary>
    public static readonly HashSet<string> BibLaTeXOnlyTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "mvbook", "bookinbook", "suppbook", "collection", "mvcollection", "suppcollection", "mvproceedings",
        "reference", "mvreference", "inreference", "report", "thesis", "online", "patent", "periodical",
        "suppperiodical", "dataset", "software", "set", "xdata", "artwork", "audio", "image", "movie", "music",
        "performance", "video", "jurisdiction", "legislation", "legal", "letter", "review", "commentary", "standard",
        "bibnote",
    };

    public static readonly HashSet<string> BibLaTeXOnlyFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "journaltitle", "location", "date", "urldate", "eventdate", "origdate", "eprinttype", "eprintclass",
        "subtitle", "titleaddon", "booksubtitle", "maintitle", "langid", "pubstate", "xdata", "bookauthor",
        "pagetotal", "eventtitle", "venue", "origtitle", "shortjournal", "journalsubtitle", "ids", "entrysubtype",
    };

    private static readonly Dictionary<string, string> Types = BuildIntern(TypeToCsl.Keys);

    private static readonly Dictionary<string, string> FieldNames = BuildIntern(
    [
        "address", "annote", "annotation", "author", "booktitle", "chapter", "crossref", "edition", "editor",
        "howpublished", "institution", "journal", "key", "month", "note", "number", "organization", "pages",
        "publisher", "school", "series", "title", "type", "volume", "year", "doi", "url", "isbn", "issn", "abstract",
        "keywords", "language", "date", "urldate", "journaltitle", "location", "eprint", "eprinttype",
        "eprintclass", "archiveprefix", "primaryclass", "subtitle", "titleaddon", "booksubtitle", "maintitle",
        "shorttitle", "shortjournal", "translator", "bookauthor", "pagetotal", "issue", "eventtitle", "eventdate",
        "venue", "origdate", "origtitle", "langid", "pubstate", "xdata", "ids", "entrysubtype", "day", "version",
        "file", "timestamp", "biburl", "bibsource", "volumes", "journalsubtitle", "pmid", "pmcid", "mrnumber",
        "copyright", "lccn", "owner", "mendeley-tags", "groups", "editortype", "series", "addendum", "urlyear",
        "lastchecked", "accessed", "medium", "venue", "related", "options", "shortauthor", "sortname",
    ]);

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TypeLookup =
        Types.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> FieldLookup =
        FieldNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, string> BuildIntern(IEnumerable<string> names)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in names) d[n] = string.Intern(n.ToLowerInvariant());
        return d;
    }

    public static bool IsKnownType(ReadOnlySpan<char> type) => TypeLookup.ContainsKey(type);

    public static string InternType(ReadOnlySpan<char> type) =>
        TypeLookup.TryGetValue(type, out var s) ? s : type.ToString().ToLowerInvariant();

    public static string InternField(ReadOnlySpan<char> name) =>
        FieldLookup.TryGetValue(name, out var s) ? s : name.ToString().ToLowerInvariant();

    /// <summary>
    /// A month that carries days, as proceedings exports write it: "17–19 Jun", "Jun 17–19", "5 May".
    /// Returns null for anything else.
    /// </summary>
    public static (int Month, int Day, int? EndDay)? ParseMonthWithDays(string value)
    {
        var words = value.Replace('–', ' ').Replace('-', ' ').Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int? month = null;
        var days = new List<int>(2);
        foreach (var w in words)
        {
            if (int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d) && d is >= 1 and <= 31) days.Add(d);
            else if (month is null && ParseMonth(w) is int m && !char.IsAsciiDigit(w[0])) month = m;
            else return null;
        }
        if (month is null || days.Count is 0 or > 2) return null;
        return (month.Value, days[0], days.Count == 2 ? days[1] : null);
    }

    /// <summary>"mar", "March", "Mar.", "3", "03" -> 3; BibLaTeX's month is an integer.</summary>
    public static int? ParseMonth(string value)
    {
        var v = value.AsSpan().Trim().TrimEnd('.');
        if (v.IsEmpty) return null;
        if (int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
            return n is >= 1 and <= 12 ? n : null;
        if (v.Length < 3) return null;
        if (v.Equals("sept", StringComparison.OrdinalIgnoreCase)) return 9;
        for (int i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].AsSpan().StartsWith(v, StringComparison.OrdinalIgnoreCase)) return i + 1;
        return null;
    }
}
