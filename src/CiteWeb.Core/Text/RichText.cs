namespace CiteWeb.Core.Text;

/// <summary>
/// CSL rich text: the few HTML-like tags citeproc processors read in string variables — <c>&lt;i&gt;</c>,
/// <c>&lt;b&gt;</c>, <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c> and <c>&lt;span class="nocase"&gt;</c>. Formats
/// without markup (RIS, plain text) need the text without them.
/// </summary>
public static class RichText
{
    private const string NocaseOpen = "<span class=\"nocase\">";

    private static readonly string[] SimpleTags = ["<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>", "<sub>", "</sub>"];

    /// <summary>
    /// Removes exactly the CSL markup tags and keeps everything else, including a literal "&lt;" and any other
    /// span (with its closing tag), because text such as "x &lt; y" or "&lt;i&gt;" in a title must survive.
    /// </summary>
    public static string ToPlain(string richText)
    {
        // Almost no value carries markup; avoid any allocation for them.
        if (richText.IndexOf('<') < 0) return richText;
        char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(richText.Length);
        try
        {
            return new string(buffer, 0, ToPlain(richText, buffer));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>As <see cref="ToPlain(string)"/>, into <paramref name="destination"/> (as long as
    /// <paramref name="richText"/>: the plain text is never longer); returns the length written.</summary>
    internal static int ToPlain(ReadOnlySpan<char> richText, Span<char> destination)
    {
        int length = 0;
        // For each open span: true when it is a nocase span whose closing tag must go too. There are never more
        // open spans than '<' characters.
        Span<bool> spans = richText.Length <= 256 ? stackalloc bool[richText.Length] : new bool[richText.Length];
        int open = 0;
        int i = 0;
        while (i < richText.Length)
        {
            int next = richText[i..].IndexOf('<');
            if (next < 0) next = richText.Length - i;
            richText.Slice(i, next).CopyTo(destination[length..]);
            length += next;
            i += next;
            if (i >= richText.Length) break;
            var rest = richText[i..];
            if (rest.StartsWith(NocaseOpen, StringComparison.Ordinal))
            {
                spans[open++] = true;
                i += NocaseOpen.Length;
                continue;
            }
            if (rest.StartsWith("<span", StringComparison.Ordinal) && rest.IndexOf('>') is var close and > 0)
            {
                // Some other span (small caps, say): not ours to remove, but its </span> must stay paired with it.
                spans[open++] = false;
                rest[..(close + 1)].CopyTo(destination[length..]);
                length += close + 1;
                i += close + 1;
                continue;
            }
            if (rest.StartsWith("</span>", StringComparison.Ordinal))
            {
                bool remove = open > 0 && spans[--open];
                if (!remove)
                {
                    "</span>".CopyTo(destination[length..]);
                    length += "</span>".Length;
                }
                i += "</span>".Length;
                continue;
            }
            int tag = MatchSimpleTag(rest);
            if (tag > 0) { i += tag; continue; }
            destination[length++] = '<';
            i++;
        }
        return length;
    }

    private static int MatchSimpleTag(ReadOnlySpan<char> text)
    {
        foreach (var t in SimpleTags)
            if (text.StartsWith(t, StringComparison.Ordinal)) return t.Length;
        return 0;
    }
}
