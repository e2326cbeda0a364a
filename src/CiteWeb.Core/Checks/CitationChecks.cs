using System.Globalization;
using System.Text.RegularExpressions;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Checks;

/// <summary>CW001: a citation names a work the works-cited list does not have.</summary>
public sealed class CitationWithoutEntry : ICheck
{
    public string Code => "CW001";
    public Severity Severity => Severity.Error;
    public string Description => "a citation with no entry in the works cited";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var (m, w) in c.MatchedWorks)
            if (w.Entries.Count == 0 && m.Citation.Kind != CitationKind.Ibid)
                yield return new Finding(Code, Severity, $"{Finding.Quote(m.Citation.Text)}: no entry in the works cited for {w.Work.Author ?? w.Work.Key}", m.Citation.Span, m.Citation.Text);
    }
}

/// <summary>CW003: the author's name is spelled one way in the text and another in the list.</summary>
public sealed class AuthorSpelling : ICheck
{
    public string Code => "CW003";
    public Severity Severity => Severity.Error;
    public string Description => "an author's name spelled differently in the text and in the works cited, with the list's spelling (an organisation cited by a shorter name: info)";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var (m, w) in c.MatchedWorks)
        {
            if (w.Entries.Count == 0) continue;
            foreach (var (cited, listed) in w.Spellings)
                yield return new Finding(Code, Severity, $"{Finding.Quote(m.Citation.Text)}: '{cited}' is spelled '{listed}' in the works cited", m.Citation.Span, m.Citation.Text, w.Entries[0].Id, listed);
            if (w.ShortOrganisationName && w.Entries[0].Creators[0].Literal is { } literal)
                yield return new Finding(Code, Severity.Info, $"{Finding.Quote(m.Citation.Text)}: '{w.Work.Names[0]}' is listed as '{literal}'; cite it by the name the works cited uses", m.Citation.Span, m.Citation.Text, w.Entries[0].Id, literal);
        }
    }
}

/// <summary>CW004: the short title in the text is not the title of the author's entry.</summary>
public sealed class TitleDiffers : ICheck
{
    public string Code => "CW004";
    public Severity Severity => Severity.Warning;
    public string Description => "a title given differently in the text and in the works cited";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var (m, w) in c.MatchedWorks)
            if (w.TitleDiffers && w.Entries.Count > 0)
            {
                var listed = Text.RichText.ToPlain(w.Entries[0].Title ?? "");
                yield return new Finding(Code, Severity, $"{Finding.Quote(m.Citation.Text)}: '{w.Work.Title}' is not how the works cited gives the title: '{listed}'", m.Citation.Span, m.Citation.Text, w.Entries[0].Id, listed);
            }
    }
}

/// <summary>CW005: an author with several works in the list is cited without a title to tell them apart.</summary>
public sealed class AmbiguousAuthor : ICheck
{
    public string Code => "CW005";
    public Severity Severity => Severity.Warning;
    public string Description => "an author with several works cited without a title";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var (m, w) in c.MatchedWorks)
            if (w.Ambiguous)
                yield return new Finding(Code, Severity,
                    $"{Finding.Quote(m.Citation.Text)}: {w.Work.Author} has {w.Entries.Count} works in the list; add a short title ({string.Join(" or ", w.Entries.Select(e => "“" + ShortTitle(e) + "”"))})",
                    m.Citation.Span, m.Citation.Text, null, string.Join(" | ", w.Entries.Select(ShortTitle)));
    }

    private static string ShortTitle(Reference r)
    {
        var t = Text.RichText.ToPlain(r.Title ?? "");
        int cut = t.IndexOfAny(['.', ':', '?']);
        return cut > 0 ? t[..cut] : t;
    }
}

/// <summary>CW006: "ibid." — MLA 9 does not use it; the author (and page) is repeated instead.</summary>
public sealed class IbidUse : ICheck
{
    public string Code => "CW006";
    public Severity Severity => Severity.Warning;
    public string Description => "ibid. used (MLA 9 repeats the author instead)";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var m in c.Matches)
            if (m.Citation.Kind == CitationKind.Ibid && m.Antecedent is not null)
            {
                var author = m.Works.FirstOrDefault()?.Entries.FirstOrDefault()?.Creators.FirstOrDefault()?.FamilyWithParticles;
                var page = m.Citation.Works[0].Locator;
                var suggestion = author is null ? null : "(" + author + (page is null ? "" : " " + page) + ")";
                yield return new Finding(Code, Severity, $"{Finding.Quote(m.Citation.Text)}: MLA 9 does not use ibid.{(suggestion is null ? "" : "; write " + suggestion)}", m.Citation.Span, m.Citation.Text, m.Works.FirstOrDefault()?.Entry?.Id, suggestion);
            }
    }
}

/// <summary>CW007: an "ibid." with no citation before it to refer to.</summary>
public sealed class IbidWithoutAntecedent : ICheck
{
    public string Code => "CW007";
    public Severity Severity => Severity.Error;
    public string Description => "an ibid. with nothing before it to refer to";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var m in c.Matches)
            if (m.Citation.Kind == CitationKind.Ibid && m.Antecedent is null)
                yield return new Finding(Code, Severity, $"{Finding.Quote(m.Citation.Text)}: ibid. with no citation before it", m.Citation.Span, m.Citation.Text);
    }
}

/// <summary>CW008: a page cited outside the page range the entry gives (a chapter's or an article's pages).</summary>
public sealed partial class PageOutOfRange : ICheck
{
    public string Code => "CW008";
    public Severity Severity => Severity.Warning;
    public string Description => "a page outside the entry's page range";

    // ASCII digits only: \d takes every script's digits, which int.Parse does not read.
    [GeneratedRegex(@"^(?<a>[0-9]+)\s*[-–—]+\s*(?<b>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeRegex();

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var (m, w) in c.MatchedWorks)
        {
            var loc = m.Citation.Kind == CitationKind.Ibid ? m.Citation.Works[0].Locator : w.Work.Locator;
            if (w.Entry?.Page is not { } pages || loc is null) continue;
            if (Range(pages) is not (int first, int last)) continue;
            foreach (var cited in Pages(loc))
                if (cited < first || cited > last)
                {
                    yield return new Finding(Code, Severity, $"{Finding.Quote(m.Citation.Text)}: page {cited} is outside the entry's pages {pages}", m.Citation.Span, m.Citation.Text, w.Entry.Id);
                    break;
                }
        }
    }

    // "209-221", "1745–64" (the second number shortened, as Chicago prints it).
    private static (int, int)? Range(string pages)
    {
        var m = RangeRegex().Match(pages.Trim());
        if (!m.Success) return null;
        var bs = m.Groups["b"].Value;
        var asText = m.Groups["a"].Value;
        // A page number past int's range is no page range we can check.
        if (!int.TryParse(asText, NumberStyles.None, CultureInfo.InvariantCulture, out int a)
            || !int.TryParse(bs, NumberStyles.None, CultureInfo.InvariantCulture, out int b)) return null;
        if (b < a && bs.Length < asText.Length
            && !int.TryParse(asText[..(asText.Length - bs.Length)] + bs, NumberStyles.None, CultureInfo.InvariantCulture, out b)) return null;
        return b >= a ? (a, b) : null;
    }

    private static IEnumerable<int> Pages(string locator)
    {
        foreach (Match m in Regex.Matches(locator, "[0-9]+"))
            if (int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int p)) yield return p;
    }
}

/// <summary>CW009: "et al." used for fewer than three authors, or every name written out where MLA shortens.</summary>
public sealed class EtAlMismatch : ICheck
{
    public string Code => "CW009";
    public Severity Severity => Severity.Warning;
    public string Description => "et al. inconsistent with the number of authors (MLA: et al. for three or more)";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var (m, w) in c.MatchedWorks)
        {
            if (w.Entry is not { } e || w.Work.Key is not null || m.Citation.Kind == CitationKind.Narrative) continue;
            int authors = e.Creators.Count(n => !n.IsOthers);
            bool othersInList = e.Creators.Any(n => n.IsOthers);
            if (w.Work.EtAl && authors < 3 && !othersInList)
                yield return new Finding(Code, Severity, $"{Finding.Quote(m.Citation.Text)}: et al. for a work with {authors} author(s); name them", m.Citation.Span, m.Citation.Text, e.Id,
                    "(" + string.Join(" and ", e.Creators.Select(n => n.FamilyWithParticles)) + (w.Work.Locator is null ? "" : " " + w.Work.Locator) + ")");
            else if (!w.Work.EtAl && authors >= 3 && w.Work.Names.Count >= 3)
                yield return new Finding(Code, Severity, $"{Finding.Quote(m.Citation.Text)}: MLA 9 cites a work with {authors} authors as '{e.Creators[0].FamilyWithParticles} et al.'", m.Citation.Span, m.Citation.Text, e.Id,
                    "(" + e.Creators[0].FamilyWithParticles + " et al." + (w.Work.Locator is null ? "" : " " + w.Work.Locator) + ")");
        }
    }
}
