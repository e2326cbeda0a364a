using System.Net;
using System.Text;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>
/// Strips the inline markup that reference lists carry when they come from Markdown, HTML or a word processor
/// (<c>*italic*</c>, <c>_italic_</c>, <c>&lt;i&gt;</c>, <c>&lt;url&gt;</c>, <c>[text](url)</c>, backslash escapes,
/// entities) and keeps their content. Italics matter to a reference — they mark the title of a book or of a
/// container — so they survive as the private-use marks <see cref="ItalicStart"/> and <see cref="ItalicEnd"/>.
/// </summary>
internal static class InlineMarkup
{
    public const char ItalicStart = '\uE000';
    public const char ItalicEnd = '\uE001';

    public static string Strip(string text)
    {
        if (text.Contains('&')) text = WebUtility.HtmlDecode(text);
        // Most entries of a plain list carry no markup at all.
        if (text.AsSpan().IndexOfAny(MarkupChars) < 0) return text;
        var sb = new StringBuilder(text.Length);
        bool italic = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is 'h' or 'w' && StartsUrl(text, i) && !(i > 0 && text[i - 1] == '('))
            {
                int end = UrlEnd(text, i);
                sb.Append(text, i, end - i);
                i = end;
                continue;
            }
            switch (c)
            {
                case '\\' when i + 1 < text.Length && IsEscapable(text[i + 1]):
                    sb.Append(text[i + 1]);
                    i += 2;
                    continue;
                case '<':
                    if (TryTag(text, i, sb, ref italic, out int next)) { i = next; continue; }
                    break;
                case '[':
                    if (TryLink(text, i, sb, out next)) { i = next; continue; }
                    break;
                case '*' or '_':
                    if (TryEmphasis(text, i, sb, ref italic, out next)) { i = next; continue; }
                    break;
            }
            sb.Append(c);
            i++;
        }
        if (italic) sb.Append(ItalicEnd);
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> MarkupChars = System.Buffers.SearchValues.Create("\\<[*_");

    private static bool IsEscapable(char c) => c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')'
        or '#' or '+' or '-' or '.' or '!' or '$' or '<' or '>' or '&' or '|' or '~' or '"' or '\'';

    internal static bool StartsUrl(string text, int i) =>
        string.CompareOrdinal(text, i, "http://", 0, 7) == 0 || string.CompareOrdinal(text, i, "https://", 0, 8) == 0
        || (string.CompareOrdinal(text, i, "www.", 0, 4) == 0 && (i == 0 || !char.IsLetterOrDigit(text[i - 1])));

    private static int UrlEnd(string text, int i)
    {
        int j = i;
        while (j < text.Length && !char.IsWhiteSpace(text[j]) && text[j] != '>' && text[j] != ']' && text[j] != '"' && text[j] != '”') j++;
        return j;
    }

    // <https://...>, <i>, </em>, <br/>: URLs keep their text, italics become marks, other tags vanish.
    private static bool TryTag(string text, int i, StringBuilder sb, ref bool italic, out int next)
    {
        next = i;
        int close = text.IndexOf('>', i + 1);
        if (close < 0) return false;
        var inner = text.AsSpan(i + 1, close - i - 1);
        if (inner.StartsWith("http://") || inner.StartsWith("https://") || inner.StartsWith("www.") || inner.StartsWith("doi:"))
        {
            if (inner.ContainsAny(' ', '\n')) return false;
            sb.Append(inner);
            next = close + 1;
            return true;
        }
        var name = inner.TrimStart('/');
        int nameEnd = name.IndexOfAny(' ', '/');
        var tag = (nameEnd < 0 ? name : name[..nameEnd]).ToString().ToLowerInvariant();
        if (tag is "i" or "em" or "cite")
        {
            bool closing = inner.StartsWith("/");
            if (closing && italic) { sb.Append(ItalicEnd); italic = false; }
            else if (!closing && !italic) { sb.Append(ItalicStart); italic = true; }
            next = close + 1;
            return true;
        }
        if (tag is "b" or "strong" or "span" or "a" or "br" or "p" or "li" or "sup" or "sub" or "u" or "small" or "div" or "font")
        {
            if (tag == "br") sb.Append(' ');
            next = close + 1;
            return true;
        }
        return false;
    }

    // [text](url): a link whose text is itself a URL reads as that URL (the target may be a mail filter's wrapper);
    // other links keep their text and their target.
    private static bool TryLink(string text, int i, StringBuilder sb, out int next)
    {
        next = i;
        int closeText = text.IndexOf("](", i + 1, StringComparison.Ordinal);
        if (closeText < 0 || text.AsSpan(i + 1, closeText - i - 1).Contains('\n')) return false;
        int closeUrl = text.IndexOf(')', closeText + 2);
        if (closeUrl < 0) return false;
        var label = text.AsSpan(i + 1, closeText - i - 1).Trim();
        var target = text.AsSpan(closeText + 2, closeUrl - closeText - 2).Trim();
        if (target.ContainsAny(' ', '\n')) return false;
        if (label.StartsWith("http://") || label.StartsWith("https://") || label.StartsWith("www."))
            sb.Append(label);
        else
        {
            sb.Append(Strip(label.ToString()));
            if (target.StartsWith("http")) sb.Append(' ').Append(target);
        }
        next = closeUrl + 1;
        return true;
    }

    // *x* and _x_ (also ** and __): a run that opens before a non-space and closes after one, on word edges.
    private static bool TryEmphasis(string text, int i, StringBuilder sb, ref bool italic, out int next)
    {
        char c = text[i];
        int run = 1;
        while (i + run < text.Length && text[i + run] == c) run++;
        next = i + run;
        bool before = i > 0 && !char.IsWhiteSpace(text[i - 1]);
        bool after = i + run < text.Length && !char.IsWhiteSpace(text[i + run]);
        bool wordBefore = i > 0 && char.IsLetterOrDigit(text[i - 1]);
        bool wordAfter = i + run < text.Length && char.IsLetterOrDigit(text[i + run]);
        if (c == '_' && wordBefore && wordAfter) return false; // snake_case inside a word
        if (run >= 2 && run != 3)
        {
            // Bold carries no bibliographic meaning: drop the marks.
            return before || after;
        }
        if (!italic && after && (!before || !wordBefore || c == '*'))
        {
            if (text.IndexOf(c, i + run) < 0) return false; // a lone star is a character
            sb.Append(ItalicStart);
            italic = true;
            return true;
        }
        if (italic && before)
        {
            sb.Append(ItalicEnd);
            italic = false;
            return true;
        }
        return false;
    }
}
