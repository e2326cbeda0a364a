namespace CiteWeb.Index;

/// <summary>
/// The index holds three kinds of document, told apart by <see cref="Kind"/>:
/// <list type="bullet">
/// <item>a bibliography (one per input file): id, label, source path, content hash, reference count;</item>
/// <item>a reference (one per entry of a bibliography): what the entry says, stored only, found by its
/// bibliography id so a changed file's references are replaced as one;</item>
/// <item>a work (one per cluster of references denoting the same work): analysed text for search, the ids of
/// the bibliographies citing it as an indexed term (the postings co-citation walks), its citation count in doc
/// values; the ids of the citing bibliographies again as one stored value, so a work cited by thousands of
/// bibliographies reads as one field;</item>
/// <item>a work's variants (one per work with more than one citing reference): stored only, found by the work id,
/// so showing or searching a work does not load as many variants as it has citing references.</item>
/// </list>
/// Works and variants are derived: rebuilt from the references after every indexing run.
/// </summary>
public static class IndexFields
{
    public const string Kind = "kind";
    public const string KindBibliography = "bib";
    public const string KindReference = "ref";
    public const string KindWork = "work";
    public const string KindVariants = "variants";

    // bibliography and reference
    public const string Bibliography = "bib";
    public const string Label = "label";
    public const string Path = "path";
    public const string Hash = "hash";
    public const string Format = "format";
    public const string Count = "count";

    // reference (stored) and work (analysed)
    public const string Key = "key";
    public const string Title = "title";
    public const string Author = "author";
    public const string AuthorFamily = "family";
    public const string Container = "container";
    public const string Publisher = "publisher";
    public const string Year = "year";
    public const string Type = "type";
    public const string Doi = "doi";
    public const string Url = "url";
    public const string Note = "note";
    public const string Archived = "archived";
    public const string Raw = "raw";

    // work
    public const string Work = "work";
    public const string CitedBy = "cited_by";
    public const string CitedByIds = "cited_by_ids";
    public const string Citations = "citations";
    public const string Variants = "variants";
    public const string VariantsOf = "variants_of";
    public const string YearsDiffer = "years_differ";

    /// <summary>Fields a query without a field name searches.</summary>
    public static readonly string[] DefaultSearch = [Title, Author, Container, Publisher, Note, Year, Type];

    /// <summary>Commit user data: "true" while the works do not yet reflect the committed bibliographies.</summary>
    public const string WorksStale = "works-stale";
}
