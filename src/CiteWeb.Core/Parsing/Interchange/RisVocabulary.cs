namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>RIS types and tags (RIS specification, Research Information Systems 2011, plus Zotero's usage).</summary>
internal static class RisVocabulary
{
    /// <summary>RIS type to CSL type, for reading. Several RIS types fold into one CSL type.</summary>
    public static readonly Dictionary<string, string> ToCsl = new(StringComparer.Ordinal)
    {
        ["ABST"] = "article-journal", ["ADVS"] = "motion_picture", ["AGGR"] = "dataset", ["ANCIENT"] = "classic",
        ["ART"] = "graphic", ["BILL"] = "bill", ["BLOG"] = "post-weblog", ["BOOK"] = "book", ["CASE"] = "legal_case",
        ["CHAP"] = "chapter", ["CHART"] = "graphic", ["CLSWK"] = "classic", ["COMP"] = "software",
        ["CONF"] = "paper-conference", ["CPAPER"] = "paper-conference", ["CTLG"] = "book", ["DATA"] = "dataset",
        ["DBASE"] = "dataset", ["DICT"] = "entry-dictionary", ["EBOOK"] = "book", ["ECHAP"] = "chapter",
        ["EDBOOK"] = "book", ["EJOUR"] = "article-journal", ["ELEC"] = "webpage", ["ENCYC"] = "entry-encyclopedia",
        ["EQUA"] = "document", ["FIGURE"] = "figure", ["GEN"] = "document", ["GOVDOC"] = "report", ["GRANT"] = "document",
        ["HEAR"] = "hearing", ["ICOMM"] = "personal_communication", ["INPR"] = "article-journal",
        ["JFULL"] = "article-journal", ["JOUR"] = "article-journal", ["LEGAL"] = "legislation", ["MANSCPT"] = "manuscript",
        ["MAP"] = "map", ["MGZN"] = "article-magazine", ["MPCT"] = "motion_picture", ["MULTI"] = "motion_picture",
        ["MUSIC"] = "musical_score", ["NEWS"] = "article-newspaper", ["PAMP"] = "pamphlet", ["PAT"] = "patent",
        ["PCOMM"] = "personal_communication", ["RPRT"] = "report", ["SER"] = "book", ["SLIDE"] = "speech",
        ["SOUND"] = "song", ["STAND"] = "standard", ["STAT"] = "legislation", ["THES"] = "thesis", ["UNBILL"] = "bill",
        ["UNPB"] = "manuscript", ["VIDEO"] = "motion_picture", ["WEB"] = "webpage",
    };

    /// <summary>
    /// CSL type to RIS type, for writing: each maps back to itself through <see cref="ToCsl"/>. CSL types with no
    /// RIS type of their own (article, broadcast, interview, post, review, ...) are written as GEN and come back
    /// as "document".
    /// </summary>
    public static readonly Dictionary<string, string> FromCsl = new(StringComparer.Ordinal)
    {
        ["article-journal"] = "JOUR", ["article-magazine"] = "MGZN", ["article-newspaper"] = "NEWS", ["bill"] = "BILL",
        ["book"] = "BOOK", ["chapter"] = "CHAP", ["classic"] = "CLSWK", ["dataset"] = "DATA", ["document"] = "GEN",
        ["entry-dictionary"] = "DICT", ["entry-encyclopedia"] = "ENCYC", ["figure"] = "FIGURE", ["graphic"] = "ART",
        ["hearing"] = "HEAR", ["legal_case"] = "CASE", ["legislation"] = "STAT", ["manuscript"] = "UNPB", ["map"] = "MAP",
        ["motion_picture"] = "MPCT", ["musical_score"] = "MUSIC", ["pamphlet"] = "PAMP", ["paper-conference"] = "CPAPER",
        ["patent"] = "PAT", ["personal_communication"] = "PCOMM", ["post-weblog"] = "BLOG", ["report"] = "RPRT",
        ["software"] = "COMP", ["song"] = "SOUND", ["speech"] = "SLIDE", ["standard"] = "STAND", ["thesis"] = "THES",
        ["webpage"] = "ELEC",
    };

    public const string Fallback = "GEN";

    /// <summary>Every tag the specification (and Zotero's SV) defines; others are reported as unknown.</summary>
    public static readonly HashSet<string> SpecTags = new(StringComparer.Ordinal)
    {
        "TY", "A1", "A2", "A3", "A4", "AB", "AD", "AN", "AU", "AV", "BT", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8",
        "CA", "CN", "CP", "CR", "CT", "CY", "DA", "DB", "DO", "DP", "ED", "EP", "ER", "ET", "ID", "IS", "J1", "J2", "JA",
        "JF", "JO", "KW", "L1", "L2", "L3", "L4", "LA", "LB", "LK", "M1", "M2", "M3", "N1", "N2", "NV", "OP", "PB", "PP",
        "PY", "RI", "RN", "RP", "SE", "SN", "SP", "ST", "SV", "T1", "T2", "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4",
        "U5", "UR", "VL", "VO", "Y1", "Y2",
    };

    /// <summary>Tags whose values are paragraphs: a continuation line starts a new line rather than a space.</summary>
    public static bool IsParagraphTag(string tag) => tag is "AB" or "N1" or "N2";

    /// <summary>
    /// Tags whose values are short codes (dates, numbers, identifiers). A line without a tag after one of these is
    /// not a wrapped value but stray text.
    /// </summary>
    public static bool IsCodeTag(string tag) => tag is "TY" or "ER" or "ID" or "PY" or "Y1" or "DA" or "Y2" or "SP" or "EP"
        or "VL" or "IS" or "SN" or "DO" or "ET" or "NV" or "LA";

    /// <summary>CSL types RIS describes with its book tag semantics: BT is the title, T2 the series.</summary>
    public static bool IsBookLike(string cslType) => cslType is "book";

    /// <summary>CSL types whose M3 is the kind of work (CSL genre), as Zotero's RIS translator reads it; for other
    /// types M3 is something else (Scopus: the document type "Article").</summary>
    public static bool HasGenreInM3(string cslType) => cslType is "thesis" or "report" or "manuscript" or "map" or "webpage"
        or "post-weblog" or "speech";

    public static bool IsPeriodical(string cslType) =>
        cslType is "article-journal" or "article-magazine" or "article-newspaper" or "periodical";

    /// <summary>Custom key for the extra UR values: url2, url3, ...</summary>
    public static string ExtraUrlKey(int index) => "url" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Custom keys that carry an unmapped tag: the tag in lower case ("M3" is "m3").</summary>
    public static string? TagOfCustomKey(string key)
    {
        if (key.Length != 2) return null;
        var tag = key.ToUpperInvariant();
        return SpecTags.Contains(tag) && tag is not ("TY" or "ER" or "ID") && key == tag.ToLowerInvariant() ? tag : null;
    }
}
