using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Text;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Core.Checks;

/// <summary>CW002: an entry of the works cited that the text never cites.</summary>
public sealed class EntryNeverCited : ICheck
{
    public string Code => "CW002";
    public Severity Severity => Severity.Warning;
    public string Description => "an entry of the works cited never cited in the text";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        var cited = new HashSet<Reference>(ReferenceEqualityComparer.Instance);
        foreach (var (_, w) in c.MatchedWorks)
            for (int i = 0; i < w.Entries.Count; i++) cited.Add(w.Entries[i]);
        foreach (var r in c.WorksCited.References)
            if (!cited.Contains(r))
                yield return new Finding(Code, Severity, $"'{Label(r)}' is in the works cited but never cited", Where(r, c), null, r.Id);
    }

    internal static string Label(Reference r) =>
        (r.Creators.Count > 0 ? r.Creators[0].FamilyWithParticles + ", " : "") + RichText.ToPlain(r.Title ?? r.Id);

    internal static SourceSpan Where(Reference r, CheckContext c) => r.Source ?? new SourceSpan(c.WorksCited.Source, 1, 1);
}

/// <summary>CW010: the works cited is not in alphabetical order: by the first author (else by title, a leading
/// article ignored); a first author's works alone before those written with others, and those by the co-authors'
/// names (MLA 9 5.6, APA 7 9.46, Chicago 13.70 and 15.17); works by the same authors by title, or by year in an
/// author-date list (APA, Chicago author-date, Harvard).</summary>
public sealed class AlphabeticalOrder : ICheck
{
    public string Code => "CW010";
    public Severity Severity => Severity.Warning;
    public string Description => "the works cited out of alphabetical order";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        var refs = c.WorksCited.References;
        bool byYear = c.WorksCited.Style is "apa" or "chicago-author-date" or "harvard";
        for (int i = 1; i < refs.Count; i++)
        {
            if (Compare(refs[i], refs[i - 1], byYear) < 0)
                yield return new Finding(Code, Severity, $"'{EntryNeverCited.Label(refs[i])}' comes after '{EntryNeverCited.Label(refs[i - 1])}' but sorts before it", EntryNeverCited.Where(refs[i], c), null, refs[i].Id);
        }
    }

    /// <summary>Where <paramref name="here"/> sorts against <paramref name="before"/>: negative when before it.</summary>
    internal static int Compare(Reference here, Reference before, bool byYear)
    {
        IReadOnlyList<PersonName> hereNames = ListedUnder(here), beforeNames = ListedUnder(before);
        int order = CompareElement(here, hereNames, before, beforeNames, 0);
        if (order != 0) return order;
        // The same first author: alone first, then with others, by the others' names in turn.
        int hereCount = hereNames.Count, beforeCount = beforeNames.Count;
        if ((hereCount > 1) != (beforeCount > 1)) return hereCount > 1 ? 1 : -1;
        for (int k = 1; k < Math.Min(hereCount, beforeCount); k++)
        {
            order = CompareElement(here, hereNames, before, beforeNames, k);
            if (order != 0) return order;
        }
        if (hereCount != beforeCount) return hereCount.CompareTo(beforeCount);
        // The same authors: by year where the list is author-date (a work with no date first), else by title.
        if (byYear && (here.Issued?.Year ?? int.MinValue) is var a && (before.Issued?.Year ?? int.MinValue) is var b && a != b) return a.CompareTo(b);
        return string.CompareOrdinal(TextFolding.NormaliseTitle(here.Title ?? ""), TextFolding.NormaliseTitle(before.Title ?? ""));
    }

    // The k-th element: a creator by family name (with its particle) and then by given name, so that "Chan" comes
    // before "Chandra" whatever their given names; an entry with no creator by its title without a leading article.
    // Each letter by letter, ignoring case, accents and punctuation.
    private static int CompareElement(Reference here, IReadOnlyList<PersonName> hereNames, Reference before, IReadOnlyList<PersonName> beforeNames, int k)
    {
        if (hereNames.Count > k && beforeNames.Count > k)
        {
            int order = string.CompareOrdinal(TextFolding.KeyPart(hereNames[k].FamilyWithParticles), TextFolding.KeyPart(beforeNames[k].FamilyWithParticles));
            return order != 0 ? order : string.CompareOrdinal(TextFolding.KeyPart(hereNames[k].Given ?? ""), TextFolding.KeyPart(beforeNames[k].Given ?? ""));
        }
        return string.CompareOrdinal(SortKey(here, hereNames, k), SortKey(before, beforeNames, k));
    }

    private static string SortKey(Reference r, IReadOnlyList<PersonName> names, int k)
    {
        var first = names.Count > k ? names[k].FamilyWithParticles + " " + (names[k].Given ?? "") : TextFolding.NormaliseTitle(r.Title ?? "");
        return TextFolding.KeyPart(first);
    }

    /// <summary>Whom an entry is listed under: its authors, else its editors. Other contributors (a film's director, a
    /// translator) only where the printed entry opens with them ("Kantayya, Shalini, director."), not where it opens
    /// with its title ("Coded Bias. Directed by Shalini Kantayya"), which it is then listed under.</summary>
    private static IReadOnlyList<PersonName> ListedUnder(Reference r)
    {
        var creators = r.Creators;
        if (creators.Count == 0 || r.Author.Count > 0 || r.Editor.Count > 0) return creators;
        var printed = r.RawText.Span.TrimStart();
        if (printed.IsEmpty || printed[0] == '@') return creators; // no printed form, or a BibTeX entry
        return printed.StartsWith(creators[0].FamilyWithParticles, StringComparison.OrdinalIgnoreCase) ? creators : [];
    }
}

/// <summary>CW011: the same work twice in the works cited.</summary>
public sealed class DuplicateEntry : ICheck
{
    public string Code => "CW011";
    public Severity Severity => Severity.Warning;
    public string Description => "the same work twice in the works cited";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        var seen = new Dictionary<string, Reference>(StringComparer.Ordinal);
        foreach (var r in c.WorksCited.References)
        {
            var key = (r.Creators.Count > 0 ? TextFolding.KeyPart(r.Creators[0].FamilyWithParticles) : "") + "|" + TextFolding.NormaliseTitle(r.Title ?? "") + "|" + (r.ContainerTitle is null ? "" : TextFolding.NormaliseTitle(r.ContainerTitle));
            if (r.Title is null) continue;
            if (seen.TryGetValue(key, out var first))
                yield return new Finding(Code, Severity, $"'{EntryNeverCited.Label(r)}' is listed twice (first at line {first.Source?.Line})", EntryNeverCited.Where(r, c), null, r.Id);
            else seen[key] = r;
        }
    }
}

/// <summary>CW012: a URL or DOI in an entry that is malformed (or was printed with stray characters).</summary>
public sealed class MalformedLink : ICheck
{
    public string Code => "CW012";
    public Severity Severity => Severity.Warning;
    public string Description => "a malformed URL or DOI in an entry";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var r in c.WorksCited.References)
        {
            if (r.Url is { } url && !Urls.IsValid(url))
                yield return new Finding(Code, Severity, $"'{EntryNeverCited.Label(r)}': '{url}' is not a valid web address", EntryNeverCited.Where(r, c), null, r.Id);
            if (r.Doi is { } doi && !DoiBare.IsValid(doi))
                yield return new Finding(Code, Severity, $"'{EntryNeverCited.Label(r)}': '{doi}' is not a DOI", EntryNeverCited.Where(r, c), null, r.Id);
        }
        // URLs the reader repaired (a stray '<' printed after one) are malformed as printed.
        foreach (var d in c.WorksCited.Diagnostics)
            if (d.Code == DiagnosticCodes.RepairedUrl)
                yield return new Finding(Code, Severity, "as printed, " + d.Message, d.Span);
    }
}

/// <summary>CW013: an element the entry's type needs is missing (a journal article without its journal, a book
/// without its publisher); a web source without an access date is only advice.</summary>
public sealed class MissingElement : ICheck
{
    public string Code => "CW013";
    public Severity Severity => Severity.Warning;
    public string Description => "an element the entry's type needs is missing (a web source without an access date: info)";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var r in c.WorksCited.References)
        {
            var missing = new List<string>();
            if (r.Creators.Count == 0 && r.Type is not ("webpage" or "post-weblog")) missing.Add("author");
            if (r.Title is null) missing.Add("title");
            if (r.Issued is null) missing.Add("date");
            switch (r.Type)
            {
                case "article-journal":
                    if (r.ContainerTitle is null) missing.Add("journal");
                    if (r.Fields[Csl.Volume] is null && r.Fields[Csl.Issue] is null && r.Page is null && r.Doi is null && r.Url is null) missing.Add("volume, issue, pages or DOI");
                    break;
                case "chapter":
                    if (r.ContainerTitle is null) missing.Add("book title");
                    if (r.Page is null) missing.Add("pages");
                    if (r.Publisher is null) missing.Add("publisher");
                    break;
                case "book":
                case "report":
                    if (r.Publisher is null) missing.Add("publisher");
                    break;
                case "paper-conference":
                    if (r.ContainerTitle is null && r.Fields[Csl.EventTitle] is null) missing.Add("proceedings or conference");
                    if (r.Page is null && r.Doi is null && r.Url is null) missing.Add("pages, DOI or URL");
                    break;
                case "article-magazine" or "article-newspaper":
                    if (r.ContainerTitle is null) missing.Add("magazine or newspaper");
                    break;
            }
            if (missing.Count > 0)
                yield return new Finding(Code, Severity, $"'{EntryNeverCited.Label(r)}' ({r.Type}) has no {string.Join(", no ", missing)}", EntryNeverCited.Where(r, c), null, r.Id);
            if (r.Type == "article-journal" && r.Fields[Csl.Volume] is not null && r.Page is null && r.Doi is null)
                yield return new Finding(Code, Severity.Info, $"'{EntryNeverCited.Label(r)}' gives a volume but no page range or DOI", EntryNeverCited.Where(r, c), null, r.Id);
            bool web = r.Url is not null && r.Type is "webpage" or "post-weblog" or "article-magazine" or "article-newspaper" or "motion_picture";
            if (web && !r.Dates.ContainsKey(Csl.Accessed))
                yield return new Finding(Code, Severity.Info, $"'{EntryNeverCited.Label(r)}' is a web source without an access date (MLA 9: optional, recommended when there is no publication date)", EntryNeverCited.Where(r, c), null, r.Id);
        }
    }
}
