namespace CiteWeb.Core.Diagnostics;

/// <summary>
/// Every diagnostic code CiteWeb emits while reading and cleaning. Codes are stable: scripts and editors match
/// on them. CW0xx are manuscript checks, CW1xx input and BibTeX, CW2xx CSL-JSON and RIS, CW5xx cleanups, CW6xx enrichment.
/// </summary>
public static class DiagnosticCodes
{
    // Input and encoding
    public const string NotUtf8 = "CW100";            // bytes are not UTF-8: decoded as another encoding, reported
    public const string UnreadableFile = "CW101";     // a file that cannot be read at all (missing, too large, no permission)
    public const string NulByte = "CW102";

    // BibTeX / BibLaTeX
    public const string UnbalancedBraces = "CW110";   // a value or entry whose braces never close
    public const string MissingComma = "CW111";       // two fields not separated by a comma
    public const string MissingKey = "CW112";         // entry without a citation key
    public const string DuplicateKey = "CW113";       // a key used twice; the second entry is kept under a new key
    public const string UnknownEntryType = "CW114";   // an entry type neither BibTeX nor BibLaTeX defines
    public const string UndefinedMacro = "CW115";     // a bare word that is not a @string or month macro
    public const string ExpectedToken = "CW116";      // syntax error: something else was expected here
    public const string NestingTooDeep = "CW117";     // braces nested deeper than the cap
    public const string DuplicateField = "CW118";     // the same field twice in one entry; the first is kept
    public const string CrossrefMissing = "CW119";    // crossref/xdata names an entry that is not in the file
    public const string CrossrefCycle = "CW120";      // crossref/xdata inheritance loops
    public const string InvalidDate = "CW121";        // a date/year that is not a date
    public const string StrayText = "CW122";          // unexpected text inside an entry, skipped
    public const string UnterminatedEntry = "CW123";  // end of file inside an entry
    public const string DamagedNameList = "CW125";    // "and and", or a name ending in a stray comma: read past, reported
    public const string MacroExpansionLimit = "CW126"; // @string macros expand past the file's budget (a macro bomb): not expanded

    // CSL-JSON and RIS
    public const string InvalidJson = "CW200";        // JSON syntax error (or no JSON at all); items before and after survive
    public const string InvalidCslItem = "CW201";     // an item that is not an object or has no id: skipped
    public const string UnknownCslVariable = "CW202"; // a key CSL does not define: kept in custom
    public const string MissingCslType = "CW203";     // an item without "type": read as "document"
    public const string UnknownCslType = "CW204";     // a "type" CSL does not define: kept as is
    public const string InvalidCslValue = "CW205";    // a value of the wrong JSON kind for its variable: kept in custom
    public const string DuplicateItemId = "CW206";    // an id used twice in one CSL-JSON or RIS file: renamed
    public const string InvalidRisLine = "CW210";     // a line that is neither a tag line nor a continuation: skipped
    public const string RisMissingEnd = "CW211";      // a record without ER before the next TY or the end: kept
    public const string UnknownRisTag = "CW212";      // a TY type or a tag the RIS spec does not define

    // Plain-text works-cited lists
    public const string NotAReference = "CW300";      // a line in the list that is not a reference (a discursive note, a heading): skipped
    public const string UncertainField = "CW301";     // the reader guessed at part of an entry (no title found, an odd date): check it
    public const string RepairedUrl = "CW302";        // a URL printed with stray characters: repaired in the record, kept as printed in raw
    public const string NoReferences = "CW303";       // no reference list found in the text
    public const string MissingPreviousAuthor = "CW304"; // a repeated-author dash (———.) with no entry before it

    // Cleanups
    public const string PossibleDuplicate = "CW500";
    public const string InvalidUrl = "CW501";
    public const string InvalidDoi = "CW502";

    // Enrichment (DOIs)
    public const string DoiAttached = "CW600";       // info: a DOI found through Crossref and validated, attached
    public const string DoiCandidate = "CW601";      // info: a Crossref candidate below the threshold (or ambiguous), with its score: not attached
    public const string DoiNotRegistered = "CW602";  // a DOI the resolver does not know
    public const string DoiMalformed = "CW603";      // a DOI that is not 10.prefix/suffix: not looked up
}
