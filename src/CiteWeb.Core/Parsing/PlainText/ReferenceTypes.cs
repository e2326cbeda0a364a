using System.Text.RegularExpressions;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>
/// What kind of work a parsed entry is, from what was printed: editors and "In" make a chapter, proceedings a
/// conference paper, volume and issue a journal article; a container known as a newspaper or magazine makes a
/// newspaper or magazine article; a blog a post; a talk, a video or a thesis says so itself.
/// </summary>
internal static partial class ReferenceTypes
{
    [GeneratedRegex(@"\b(?:proc|conf|symp)\.|\b(?:proceedings|conference|symposium|workshop|colloquium|congress|FAccT|CHI|CVPR|ICCV|ECCV|NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|AAAI|IJCAI|ICWSM|KDD|WWW|AIES|CSCW|SIGIR|WebSci|LTEDI)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProceedingsRegex();

    [GeneratedRegex(@"\b(?:arxiv|ssrn|biorxiv|medrxiv|psyarxiv|socarxiv|preprint|osf preprints|research square)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreprintRegex();

    [GeneratedRegex(@"\bblog\b|blogspot|substack|medium\.com", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlogRegex();

    [GeneratedRegex(@"^(?:the\s+)?(?:new york times|nyt|washington post|wall street journal|guardian|observer|financial times|ft\.com|ft|times|sunday times|independent|telegraph|los angeles times|la times|seattle times|boston globe|chicago tribune|usa today|le monde|süddeutsche zeitung|frankfurter allgemeine(?: zeitung)?|die zeit|zeit online|taz|el país|globe and mail|toronto star|hindu|times of india|south china morning post|straits times|sydney morning herald|bbc news|bbc|cbc news|cbc|cnn|nbc news|cbs news|abc news|npr|reuters|bloomberg|associated press|ap news|conversation|al jazeera|politico|axios|daily mail|mirror|huffington post|huffpost|irish times|scotsman|hindustan times)(?:\s*\(online\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewspaperRegex();

    [GeneratedRegex(@"\bmagazine\b|^(?:the\s+)?(?:wired|forbes|forbes health|techcrunch|venture ?beat|itpro|it pro|verge|gizmodo|pcmag|pc magazine|mit technology review|technology review|404 media|quartz|defector|atlantic|new yorker|time|harper['’]s|mute|fast company|vice|motherboard|slate|salon|vox|ars technica|engadget|zdnet|cnet|intercept|rest of world|jacobin|n\+1|logic|logic\(s\)|real life|e-flux|baffler|cato unbound|economist|new statesman|spectator|nation|new republic|mother jones|rolling stone|vanity fair|esquire|fortune|business insider|insider|fast company|inc\.?|the information|protocol|the markup|mit sloan management review|harvard business review|acm queue|queue|communications of the acm|scientific american|new scientist|spiegel|der spiegel|stern|focus|the register|register|maclean['’]?s|the walrus|times higher education|inside higher ed|chronicle of higher education|university affairs)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MagazineRegex();

    [GeneratedRegex(@"\b(?:report|working paper|white paper|policy brief|technical report|discussion paper)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportRegex();

    [GeneratedRegex(@"\b(?:institute|foundation|council|commission|oecd|unesco|world bank|office|ministry|agency|organi[sz]ation|centre|center|think tank|bureau)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InstitutionRegex();

    [GeneratedRegex(@"/(?:19|20)\d\d/(?:0[1-9]|1[0-2])/(?:(?:0[1-9]|[12]\d|3[01])/)?[^/]", RegexOptions.CultureInvariant)]
    private static partial Regex PermalinkRegex();

    [GeneratedRegex(@"youtube\.com|youtu\.be|vimeo\.com", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VideoUrlRegex();

    // Journals whose names begin "Proceedings" (PACM, PNAS, Proceedings of the IEEE).
    [GeneratedRegex(@"^proceedings of the (?:acm on|national academy|ieee$|royal society)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JournalProceedingsRegex();

    [GeneratedRegex(@"\.(?:com|ca|co\.uk|org|net|de|fr)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainRegex();

    [GeneratedRegex(@"^(?:arxiv|ssrn|biorxiv|medrxiv|psyarxiv|socarxiv|osf preprints|research square|preprints\.org)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreprintServerRegex();

    public static bool IsPreprintServer(string name) => PreprintServerRegex().IsMatch(name.Trim());

    public static bool IsInstitution(string name) => InstitutionRegex().IsMatch(name);

    public static bool IsProceedings(string? container) => container is not null && ProceedingsRegex().IsMatch(container) && !JournalProceedingsRegex().IsMatch(container);

    public static string Infer(ParsedParts p)
    {
        var container = p.ContainerTitle;
        if (p.TypeHint is { } hint) return hint;
        if (p.Url is { } url && VideoUrlRegex().IsMatch(url) && p.Volume is null) return "motion_picture";
        if (container is not null && PreprintRegex().IsMatch(container) || p.Publisher is { } pub && PreprintRegex().IsMatch(pub) && container is null)
            return "article";
        if (container is not null && (p.HasEditors || p.SawIn))
            return IsProceedings(container) ? "paper-conference" : "chapter";
        if (IsProceedings(container)) return "paper-conference";
        if (container is not null)
        {
            // "Bloomberg.com", "Macleans.ca": the outlet's name without its domain.
            var bare = DomainRegex().Replace(container.Trim(), "");
            if (NewspaperRegex().IsMatch(bare)) return "article-newspaper";
            if (MagazineRegex().IsMatch(bare)) return "article-magazine";
            if (BlogRegex().IsMatch(bare) || p.Url is { } u && BlogRegex().IsMatch(u)) return "post-weblog";
            // A quoted title in a book from a publisher, with pages and no journal numbers: MLA's chapter without "In".
            if (p.TitleQuoted && p.Publisher is not null && p.Page is not null && p.Volume is null && p.Issue is null) return "chapter";
            if (p.Volume is not null || p.Issue is not null || p.Page is not null) return "article-journal";
            // A dated permalink (/2015/05/21/) is how blogs address their posts.
            if (p.Url is { } permalink && PermalinkRegex().IsMatch(permalink)) return "post-weblog";
            if (p.Url is not null || p.Accessed) return "webpage";
            if (p.Publisher is not null && !p.TitleQuoted) return "book";
            return "article-journal";
        }
        if (p.Title is { } title && ReportRegex().IsMatch(title) && p.Publisher is not null) return "report";
        // An organisation's own unquoted publication, as a PDF or from a named body: a report.
        if (p.CorporateAuthor is { } org && InstitutionRegex().IsMatch(org) && !p.TitleQuoted && (p.Publisher is not null || p.Url is { } pdf && pdf.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
            return "report";
        if (p.Publisher is { } issuer && InstitutionRegex().IsMatch(issuer) && !p.TitleQuoted) return "report";
        if (p.Publisher is not null || p.PublisherPlace is not null || p.Edition) return "book";
        if (p.Url is not null) return "webpage";
        return p.TitleQuoted ? "article" : "book";
    }
}

/// <summary>What the type decision looks at, gathered while an entry is read.</summary>
internal sealed class ParsedParts
{
    public string? Title { get; set; }
    public bool TitleQuoted { get; set; }
    public string? ContainerTitle { get; set; }
    public string? Publisher { get; set; }
    public string? PublisherPlace { get; set; }
    public string? Volume { get; set; }
    public string? Issue { get; set; }
    public string? Page { get; set; }
    public string? Url { get; set; }
    public bool HasEditors { get; set; }
    public bool SawIn { get; set; }
    public bool Accessed { get; set; }
    public bool Edition { get; set; }
    public string? TypeHint { get; set; }
    /// <summary>The author when it is an organisation ("AI Now Institute").</summary>
    public string? CorporateAuthor { get; set; }
}
