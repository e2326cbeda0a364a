using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Checks;

/// <summary>Every consistency check, in one place (JabRef's way), and the run that applies them.</summary>
public static class CheckCatalogue
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new CitationWithoutEntry(), new EntryNeverCited(), new AuthorSpelling(), new TitleDiffers(), new AmbiguousAuthor(),
        new IbidUse(), new IbidWithoutAntecedent(), new PageOutOfRange(), new EtAlMismatch(), new AlphabeticalOrder(),
        new DuplicateEntry(), new MalformedLink(), new MissingElement(), new PunctuationBeforeCitation(), new IndirectSource(),
        new EntryWithoutFullStop(),
    ];

    /// <summary>Extracts the manuscript's citations, matches them to the works cited, and runs every check not ignored.</summary>
    public static CheckReport Run(Manuscript manuscript, Bibliography worksCited, IReadOnlyCollection<string>? ignore = null)
    {
        var index = new WorksIndex(worksCited.References);
        var citations = CitationExtractor.Extract(manuscript, index);
        var matches = new List<CitationMatch>(citations.Count);
        Citation? last = null;
        IReadOnlyList<WorkMatch>? lastWorks = null;
        foreach (var citation in citations)
        {
            if (citation.Kind == CitationKind.Ibid)
            {
                // ibid. is the work of the citation before it, whatever page it names.
                matches.Add(new CitationMatch(citation, IbidWorks(citation, lastWorks), last));
                continue;
            }
            var works = new List<WorkMatch>(citation.Works.Count);
            for (int i = 0; i < citation.Works.Count; i++) works.Add(index.Match(citation.Works[i]));
            matches.Add(new CitationMatch(citation, works, null));
            last = citation;
            lastWorks = works;
        }
        var context = new CheckContext(manuscript, worksCited, citations, matches);
        var findings = All.Where(c => ignore is null || !ignore.Contains(c.Code, StringComparer.OrdinalIgnoreCase))
            .SelectMany(c => c.Run(context))
            .OrderBy(f => f.Span.File == manuscript.File ? 0 : 1).ThenBy(f => f.Span.Line).ThenBy(f => f.Span.Column).ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToList();
        return new CheckReport(manuscript, worksCited, citations, matches, findings);
    }

    // Apart from the loop over every citation: a lambda there capturing the citation cost an allocation each.
    private static List<WorkMatch> IbidWorks(Citation ibid, IReadOnlyList<WorkMatch>? antecedent) =>
        antecedent?.Select(w => new WorkMatch(ibid.Works[0], w.Entries)).ToList() ?? [];
}

/// <summary>What `citeweb check` reports: the citations found, how they matched, and the findings.</summary>
public sealed record CheckReport(Manuscript Manuscript, Bibliography WorksCited, IReadOnlyList<Citation> Citations, IReadOnlyList<CitationMatch> Matches, IReadOnlyList<Finding> Findings);
