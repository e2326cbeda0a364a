using System.Security.Cryptography;
using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Core.Text;

namespace CiteWeb.Core.Works;

/// <summary>
/// What decides whether two references denote one work: the DOI, else the first creator's family name, the
/// main title (subtitle dropped) and whether the reference is a part (a chapter, an encyclopedia entry, a
/// conference paper) or a whole; years within one of each other are the same work (editions, reprints).
/// </summary>
public sealed record WorkFeatures(string? Doi, string Family, int? Year, string TitleKey, bool IsPart, string Fallback)
{
    /// <summary>The key references are grouped by before years are compared; empty when the title is unknown.</summary>
    public string NameTitleKey => TitleKey.Length == 0 ? "" : (IsPart ? "part|" : "whole|") + Family + "|" + TitleKey;
}

public static class WorkIdentity
{
    private static readonly HashSet<string> PartTypes = new(StringComparer.Ordinal)
    {
        // Things printed inside a book: a chapter titled like its book is still not the book.
        "chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia",
    };

    public static WorkFeatures Of(Reference r)
    {
        var creators = r.Creators;
        var first = creators.Count == 0 ? null : creators[0];
        var family = first is null ? "" : TextFolding.KeyPart(first.Literal ?? first.Family ?? "");
        var fallback = r.Raw is { } raw ? TextFolding.NormaliseTitle(raw) : r.Id;
        // Without a creator the main title alone says too little ("Wikipedia: Tay (bot)" and "Wikipedia: Unicode"
        // are two pages): the subtitle is kept.
        var title = r.Title ?? "";
        var key = family.Length == 0 ? TextFolding.NormaliseTitle(title) : TitleKey(title);
        return new WorkFeatures(NormaliseDoi(r.Doi), family, r.Issued?.Year, key, PartTypes.Contains(r.Type), fallback);
    }

    /// <summary>"https://doi.org/10.1145/ABC" and "doi:10.1145/abc" are one DOI: lower case, resolver prefix dropped.</summary>
    public static string? NormaliseDoi(string? doi)
    {
        if (string.IsNullOrWhiteSpace(doi)) return null;
        var d = doi.Trim().ToLowerInvariant();
        foreach (var prefix in (ReadOnlySpan<string>)["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"])
            if (d.StartsWith(prefix, StringComparison.Ordinal)) { d = d[prefix.Length..].Trim(); break; }
        return d.StartsWith("10.", StringComparison.Ordinal) ? d : null;
    }

    /// <summary>
    /// The main title folded for comparison: the subtitle (after ':', '?', '!', a spaced dash, or a full stop after
    /// at least two words, as MLA lists print "Discriminating Systems. Gender, Race, and Power in AI") dropped, then case,
    /// punctuation, diacritics and one leading article folded. "Discriminating Systems: Gender, Race and Power in
    /// AI", "Discriminating Systems" and "DISCRIMINATING SYSTEMS" all give "discriminating systems".
    /// </summary>
    public static string TitleKey(string title)
    {
        var main = title.AsSpan().Trim();
        int cut = main.IndexOfAny(':', '?', '!');
        foreach (var dash in (ReadOnlySpan<string>)[" — ", " – ", " - ", " -- "])
        {
            int at = main.IndexOf(dash, StringComparison.Ordinal);
            if (at > 0 && (cut < 0 || at < cut)) cut = at;
        }
        int stop = main.IndexOf(". ", StringComparison.Ordinal);
        if (stop > 0 && (cut < 0 || stop < cut) && main[..stop].Trim().Contains(' ')) cut = stop;
        var key = cut > 0 ? TextFolding.NormaliseTitle(main[..cut].ToString()) : "";
        return key.Length > 0 ? key : TextFolding.NormaliseTitle(main.ToString());
    }

    /// <summary>A readable id with a hash of the identity it stands for: "west2019discriminating-3fa2c1".</summary>
    public static string MakeId(string family, int? year, string titleKey, string canonical)
    {
        var firstWord = titleKey.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var slug = (family.Length > 20 ? family[..20] : family) + (year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "") + (firstWord.Length > 16 ? firstWord[..16] : firstWord);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return (slug.Length == 0 ? "work" : slug) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 3));
    }
}
