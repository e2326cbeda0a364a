using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>
/// The whole CSL 1.0.2 variable vocabulary, not only the part <see cref="Csl"/> models. A variable the model does
/// not type (say <c>composer</c> or <c>citation-key</c>) is still legitimate CSL-JSON: the reader keeps it in
/// Custom without a diagnostic and the writer puts it back at the top level, where CSL processors look for it.
/// </summary>
internal static class CslJsonVocabulary
{
    public static readonly HashSet<string> KnownVariables = new(StringComparer.Ordinal)
    {
        // Standard variables
        "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
        "call-number", "chapter-number", "citation-key", "citation-label", "citation-number", "collection-number",
        "collection-title", "container-title", "container-title-short", "dimensions", "division", "DOI", "edition",
        "event", "event-title", "event-place", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue",
        "jurisdiction", "keyword", "language", "license", "locator", "medium", "note", "number", "number-of-pages",
        "number-of-volumes", "original-publisher", "original-publisher-place", "original-title", "page",
        "page-first", "part-number", "part-title", "PMCID", "PMID", "printing-number", "publisher",
        "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "section", "source", "status",
        "supplement-number", "title", "title-short", "URL", "version", "volume", "volume-title",
        "volume-title-short", "year-suffix",
        // Name variables
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
        "curator", "director", "editor", "editorial-director", "editor-translator", "executive-producer", "guest",
        "host", "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer",
        "recipient", "reviewed-author", "script-writer", "series-creator", "translator",
        // Date variables
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
        // Fields of the CSL-JSON schema that are not variables, and legacy Zotero names it still emits
        "categories", "shortTitle", "journalAbbreviation",
    };

    /// <summary>Keys with a structural meaning in an item; never data.</summary>
    public const string Id = "id";
    public const string Type = "type";
    public const string Custom = "custom";

    /// <summary>Provenance keys inside <c>custom</c> (DESIGN.md, JSON contracts).</summary>
    public const string ProvenanceSource = "source";
    public const string ProvenanceRaw = "raw";
    public const string ProvenanceConfidence = "confidence";

    /// <summary>Known names that are not item data: the schema's "categories" and Zotero's legacy aliases.</summary>
    public static bool IsStructural(string name) => name is "categories" or "shortTitle" or "journalAbbreviation" or "note";

    public static bool IsModelled(string name) =>
        Array.IndexOf(Csl.StringVariables, name) >= 0
        || Array.IndexOf(Csl.NameVariables, name) >= 0
        || Array.IndexOf(Csl.DateVariables, name) >= 0;
}
