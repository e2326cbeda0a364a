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
        var ahead = new Lookahead(text);
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
                    if (TryTag(text, i, ahead, sb, ref italic, out int next)) { i = next; continue; }
                    break;
                case '[':
                    if (TryLink(text, i, ahead, sb, out next)) { i = next; continue; }
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
    private static bool TryTag(string text, int i, Lookahead ahead, StringBuilder sb, ref bool italic, out int next)
    {
        next = i;
        int close = ahead.Next(ref ahead.TagClose, i + 1);
        if (close < 0) return false;
        var inner = text.AsSpan(i + 1, close - i - 1);
        if (inner.StartsWith("http://") || inner.StartsWith("https://") || inner.StartsWith("www.") || inner.StartsWith("doi:"))
        {
            if (ahead.Next(ref ahead.SpaceOrNewline, i + 1) is >= 0 and var blank && blank < close) return false;
            sb.Append(inner);
            next = close + 1;
            return true;
        }
        var name = inner.TrimStart('/');
        // The tags read here are at most six letters long: a longer name is no tag of theirs, and copying it (for
        // each '<' of a line of "<w:p<w:p...") would cost memory in the square of the line.
        int nameEnd = name[..Math.Min(name.Length, LongestTag + 1)].IndexOfAny(' ', '/');
        if (nameEnd < 0 && name.Length > LongestTag) return false;
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

    private const int LongestTag = 6; // "strong"

    // [text](url): a link whose text is itself a URL reads as that URL (the target may be a mail filter's wrapper);
    // other links keep their text and their target.
    private static bool TryLink(string text, int i, Lookahead ahead, StringBuilder sb, out int next)
    {
        next = i;
        int closeText = ahead.Next(ref ahead.LinkMiddle, i + 1);
        if (closeText < 0 || ahead.Next(ref ahead.Newline, i + 1) is >= 0 and var newline && newline < closeText) return false;
        var (closeUrl, plainTarget) = ahead.LinkEnd(closeText);
        if (!plainTarget) return false;
        var label = text.AsSpan(i + 1, closeText - i - 1).Trim();
        var target = text.AsSpan(closeText + 2, closeUrl - closeText - 2).Trim();
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

    /// <summary>
    /// The next '>', "](", line end or blank after a position, found once per text: a line of 100,000 '[' or '<'
    /// that never closes would otherwise search the rest of the line again from every bracket, in time (and, for
    /// the tag's name, memory) growing with the square of the line.
    /// </summary>
    private sealed class Lookahead(string text)
    {
        public Cache TagClose = new(static (t, from) => t.IndexOf('>', from));
        public Cache LinkMiddle = new(static (t, from) => t.IndexOf("](", from, StringComparison.Ordinal));
        public Cache Newline = new(static (t, from) => t.IndexOf('\n', from));
        public Cache SpaceOrNewline = new(static (t, from) => t.AsSpan(from).IndexOfAny(' ', '\n') is >= 0 and var at ? from + at : -1);
        private int linkMiddle = -1, closeUrl;
        private bool plainTarget;

        public struct Cache(Func<string, int, int> find)
        {
            internal readonly Func<string, int, int> Find = find;
            internal int From = int.MaxValue, Found;
        }

        /// <summary>The first match at or after <paramref name="from"/>, or -1; an earlier answer is reused while it
        /// still holds (it was searched from no later, and lies at or after <paramref name="from"/>).</summary>
        public int Next(ref Cache cache, int from)
        {
            if (from > text.Length) return -1;
            if (cache.From <= from && (cache.Found < 0 || cache.Found >= from)) return cache.Found;
            cache.From = from;
            cache.Found = cache.Find(text, from);
            return cache.Found;
        }

        /// <summary>The ')' that closes the target after the "](" at <paramref name="middle"/> (-1 if none), and whether
        /// the target is one word; every '[' before the same "](" asks the same.</summary>
        public (int CloseUrl, bool PlainTarget) LinkEnd(int middle)
        {
            if (middle != linkMiddle)
            {
                linkMiddle = middle;
                closeUrl = text.IndexOf(')', middle + 2);
                plainTarget = closeUrl >= 0 && !text.AsSpan(middle + 2, closeUrl - middle - 2).Trim().ContainsAny(' ', '\n');
            }
            return (closeUrl, plainTarget);
        }
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
