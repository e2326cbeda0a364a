namespace CiteWeb.Core.Model;

/// <summary>CSL 1.0.2 vocabulary: the variable names the model stores as typed values.</summary>
public static class Csl
{
    public const string Title = "title";
    public const string TitleShort = "title-short";
    public const string ContainerTitle = "container-title";
    public const string ContainerTitleShort = "container-title-short";
    public const string CollectionTitle = "collection-title";
    public const string CollectionNumber = "collection-number";
    public const string Publisher = "publisher";
    public const string PublisherPlace = "publisher-place";
    public const string EventTitle = "event-title";
    public const string EventPlace = "event-place";
    public const string Volume = "volume";
    public const string NumberOfVolumes = "number-of-volumes";
    public const string Issue = "issue";
    public const string Page = "page";
    public const string NumberOfPages = "number-of-pages";
    public const string Edition = "edition";
    public const string Number = "number";
    public const string ChapterNumber = "chapter-number";
    public const string Version = "version";
    public const string Genre = "genre";
    public const string Medium = "medium";
    public const string Status = "status";
    public const string Doi = "DOI";
    public const string Url = "URL";
    public const string Isbn = "ISBN";
    public const string Issn = "ISSN";
    public const string Pmid = "PMID";
    public const string Pmcid = "PMCID";
    public const string Note = "note";
    public const string Abstract = "abstract";
    public const string Language = "language";
    public const string Keyword = "keyword";
    public const string Annote = "annote";
    public const string Archive = "archive";
    public const string ArchiveLocation = "archive_location";
    public const string OriginalTitle = "original-title";
    public const string Section = "section";
    public const string Authority = "authority";

    /// <summary>Every string (or number) variable the model knows, in the one field order used by writers.</summary>
    public static readonly string[] StringVariables =
    [
        Title, TitleShort, OriginalTitle, ContainerTitle, ContainerTitleShort, CollectionTitle, CollectionNumber,
        EventTitle, EventPlace, Publisher, PublisherPlace, Authority, Edition, Volume, NumberOfVolumes, Issue, Number,
        ChapterNumber, Section, Page, NumberOfPages, Version, Genre, Medium, Status, Language, Doi, Isbn, Issn, Pmid,
        Pmcid, Url, Archive, ArchiveLocation, Keyword, Abstract, Note, Annote,
    ];

    public const string Author = "author";
    public const string Editor = "editor";
    public const string Translator = "translator";
    public const string ContainerAuthor = "container-author";
    public const string CollectionEditor = "collection-editor";
    public const string Director = "director";

    public static readonly string[] NameVariables = [Author, Editor, Translator, ContainerAuthor, CollectionEditor, Director];

    public const string Issued = "issued";
    public const string Accessed = "accessed";
    public const string OriginalDate = "original-date";
    public const string EventDate = "event-date";

    public static readonly string[] DateVariables = [Issued, Accessed, OriginalDate, EventDate];

    /// <summary>CSL item types (CSL 1.0.2).</summary>
    public static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
        "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
        "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map",
        "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
        "personal_communication", "post", "post-weblog", "regulation", "report", "review", "review-book", "software",
        "song", "speech", "standard", "thesis", "treaty", "webpage",
    };

    public static string? Canonical(string name, string[] vocabulary)
    {
        foreach (var v in vocabulary) if (string.Equals(v, name, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }
}
