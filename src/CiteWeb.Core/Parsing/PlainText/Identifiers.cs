using System.Text;
using System.Text.RegularExpressions;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>A web address found in an entry: as printed, and as repaired where the print carried stray characters.</summary>
internal readonly record struct FoundUrl(string Printed, string Url, string? Repair);

/// <summary>The identifiers of one entry, and the entry's text with them (and their lead-ins) taken out.</summary>
internal sealed class FoundIdentifiers
{
    public string? Doi { get; set; }
    public List<FoundUrl> Urls { get; } = [];
    public string Rest { get; set; } = "";
}

/// <summary>
/// Takes DOIs (bare, <c>doi:</c>, or as doi.org URLs) and URLs out of an entry. Trailing punctuation of the
/// sentence is not part of a URL; a stray character a word processor left (a trailing <c>&lt;</c>, an unmatched
/// bracket) is removed from the model's URL but kept in the raw text, and reported by the caller.
/// </summary>
internal static partial class Identifiers
{
    // The identifiers themselves: a literal start (http, www., 10.) the regex engine can search for directly.
    [GeneratedRegex(@"(?<url>(?:https?://|www\.)[^\s]+)|(?<doi>(?<![\w/.])10\.\d{4,9}/[^\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();

    // What introduces one, just before it: "Available at:", "Retrieved from", "[Online]. Available:", "doi:", "DOI ".
    [GeneratedRegex(@"(?:(?:\[Online\]\.?\s*)?(?:Available(?:\s+(?:at|from|online))?|Retrieved\s+from|Online|URL|Link)\s*:?\s*|\bdoi\s*:\s*|\bDOI\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadRegex();

    [GeneratedRegex(@"^https?://(?:dx\.)?doi\.org/(?<doi>10\.\d{4,9}/.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoiUrlRegex();

    public static FoundIdentifiers Extract(string text)
    {
        var found = new FoundIdentifiers();
        if (!text.Contains("http", StringComparison.Ordinal) && !text.Contains("www.", StringComparison.Ordinal) && !text.Contains("10.", StringComparison.Ordinal))
        {
            found.Rest = text;
            return found;
        }
        var rest = new StringBuilder(text.Length);
        int last = 0;
        foreach (Match m in IdentifierRegex().Matches(text))
        {
            int window = Math.Max(last, m.Index - 40);
            var lead = LeadRegex().Match(text, window, m.Index - window);
            int start = lead.Success ? lead.Index : m.Index;
            rest.Append(text, last, start - last);
            last = m.Index + m.Length;
            if (m.Groups["url"].Success)
            {
                var (url, repair, consumed) = TrimUrl(m.Groups["url"].Value);
                // Give back what is not part of the URL (a closing bracket or the sentence's full stop).
                last = m.Groups["url"].Index + consumed;
                var doi = DoiUrlRegex().Match(url);
                if (doi.Success && found.Doi is null)
                    found.Doi = DoiBare.Bare(doi.Groups["doi"].Value);
                else
                    found.Urls.Add(new FoundUrl(m.Groups["url"].Value[..consumed], url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "http://" + url : url, repair));
            }
            else
            {
                var (doi, _, consumed) = TrimUrl(m.Groups["doi"].Value);
                last = m.Groups["doi"].Index + consumed;
                found.Doi ??= doi;
            }
        }
        rest.Append(text, last, text.Length - last);
        found.Rest = rest.ToString();
        return found;
    }

    /// <summary>The URL without trailing sentence punctuation and stray characters; how much of the match it used.</summary>
    private static (string Url, string? Repair, int Consumed) TrimUrl(string printed)
    {
        int end = printed.Length;
        string? repair = null;
        while (end > 0)
        {
            char c = printed[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '”' or '’' or InlineMarkup.ItalicEnd or InlineMarkup.ItalicStart) { end--; continue; }
            if (c is ')' or ']' or '}' && Unbalanced(printed.AsSpan(0, end), c)) { end--; continue; }
            break;
        }
        int consumed = end;
        var url = printed[..end];
        // Characters that cannot end a URL but that a paste left behind: '<', '>', '|', '\'.
        int clean = url.Length;
        while (clean > 0 && url[clean - 1] is '<' or '>' or '|' or '\\' or '[') clean--;
        if (clean < url.Length)
        {
            repair = $"stray '{url[clean..]}' at the end of the URL";
            url = url[..clean];
            while (url.Length > 0 && url[^1] is '.' or ',') url = url[..^1];
        }
        return (url, repair, consumed);
    }

    private static bool Unbalanced(ReadOnlySpan<char> s, char close)
    {
        char open = close switch { ')' => '(', ']' => '[', _ => '{' };
        return s.Count(close) > s.Count(open);
    }
}
