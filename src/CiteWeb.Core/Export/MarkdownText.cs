using System.Text;

namespace CiteWeb.Core.Export;

/// <summary>Markdown for text that comes from files we do not trust: it must read as itself, never as markup.</summary>
public static class MarkdownText
{
    /// <summary>
    /// One table cell or inline run: every character Markdown (and GitHub's flavour) could read as markup or as a
    /// cell boundary is backslash-escaped, and line breaks and other control characters become spaces, so the
    /// value cannot end its cell, its row, or start a heading, link, image, emphasis, strike-through, code span,
    /// math, entity or HTML tag, nor a superscript or attribute block (<c>^</c>, <c>{.class}</c>).
    /// </summary>
    public static string Escape(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            if (c is '|' or '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '~' or '&' or '!' or '$' or '^'
                or '{' or '}') sb.Append('\\');
            sb.Append(char.IsControl(c) ? ' ' : c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A URL as a link that readers can follow and that renders exactly: an absolute http(s) URL is written as an
    /// autolink (<c>&lt;https://…&gt;</c>), inside which Markdown processes no escapes, so GitHub, pandoc and
    /// Markdig all link the whole URL (backslash escapes in bare text would cut it short or end up in the
    /// address); <c>|</c> is percent-encoded so a table cell keeps its bounds. Anything else — another scheme
    /// such as <c>javascript:</c>, a relative or malformed URL, one with spaces or angle brackets — is escaped
    /// text and never a link.
    /// </summary>
    public static string Url(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "";
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !url.AsSpan().ContainsAny(Unlinkable) && !url.Any(char.IsControl))
            return "<" + url.Replace("|", "%7C", StringComparison.Ordinal) + ">";
        return Escape(url);
    }

    private static readonly System.Buffers.SearchValues<char> Unlinkable = System.Buffers.SearchValues.Create(" <>\\`\"\u00A0");
}
