using System.Text;

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

        var sb = new StringBuilder(richText.Length);
        // For each open span: true when it is a nocase span whose closing tag must go too.
        var spans = new Stack<bool>();
        int i = 0;
        while (i < richText.Length)
        {
            char c = richText[i];
            if (c != '<') { sb.Append(c); i++; continue; }
            var rest = richText.AsSpan(i);
            if (rest.StartsWith(NocaseOpen, StringComparison.Ordinal))
            {
                spans.Push(true);
                i += NocaseOpen.Length;
                continue;
            }
            if (rest.StartsWith("<span", StringComparison.Ordinal) && rest.IndexOf('>') is var close and > 0)
            {
                // Some other span (small caps, say): not ours to remove, but its </span> must stay paired with it.
                spans.Push(false);
                sb.Append(rest[..(close + 1)]);
                i += close + 1;
                continue;
            }
            if (rest.StartsWith("</span>", StringComparison.Ordinal))
            {
                bool remove = spans.Count > 0 && spans.Pop();
                if (!remove) sb.Append("</span>");
                i += "</span>".Length;
                continue;
            }
            int tag = MatchSimpleTag(rest);
            if (tag > 0) { i += tag; continue; }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static int MatchSimpleTag(ReadOnlySpan<char> text)
    {
        foreach (var t in SimpleTags)
            if (text.StartsWith(t, StringComparison.Ordinal)) return t.Length;
        return 0;
    }
}
