using System.Text;

namespace CiteWeb.Core.Export;

/// <summary>Markdown for text that comes from files we do not trust: it must read as itself, never as markup.</summary>
public static class MarkdownText
{
    /// <summary>
    /// One table cell or inline run: every character Markdown (and GitHub's flavour) could read as markup or as a
    /// cell boundary is backslash-escaped, and line breaks and other control characters become spaces, so the
    /// value cannot end its cell, its row, or start a heading, link, emphasis, code span or HTML tag.
    /// </summary>
    public static string Escape(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            if (c is '|' or '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#') sb.Append('\\');
            sb.Append(char.IsControl(c) ? ' ' : c);
        }
        return sb.ToString();
    }
}
