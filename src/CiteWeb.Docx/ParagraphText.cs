using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CiteWeb.Docx;

/// <summary>The text of one paragraph as a reader sees it (see <see cref="DocxManuscriptReader"/> for the rules).</summary>
internal static class ParagraphText
{
    /// <summary>The paragraph's text, trailing white space trimmed; empty when it has none but white space.</summary>
    public static string Of(Paragraph paragraph)
    {
        var text = new StringBuilder();
        // Complex fields: begin, code, separate, result, end — nested. True on the stack while in a code part.
        var fields = new Stack<bool>();
        // Walked without recursion: the nesting is bounded by PackageGuard, but the walk need not rely on it.
        OpenXmlElement? node = paragraph.FirstChild;
        while (node is not null)
        {
            if (Visit(node, text, fields) && node.FirstChild is { } child)
            {
                node = child;
                continue;
            }
            while (node is not null && node != paragraph && node.NextSibling() is null) node = node.Parent;
            node = node is null || node == paragraph ? null : node.NextSibling();
        }
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        return text.ToString(0, end);
    }

    // Appends what the element contributes; returns whether its children are to be read.
    private static bool Visit(OpenXmlElement element, StringBuilder text, Stack<bool> fields)
    {
        bool inCode = fields.Contains(true);
        switch (element)
        {
            // Field codes, tracked deletions and moves away, and the paragraphs of text boxes (read on their own).
            case FieldCode or DeletedFieldCode or DeletedText or DeletedRun or MoveFromRun or Paragraph:
            case SoftHyphen or RunProperties or ParagraphProperties:
                return false;
            case Text t:
                if (!inCode) text.Append(t.Text);
                return false;
            case TabChar or PositionalTab:
                if (!inCode) text.Append('\t');
                return false;
            case Break or CarriageReturn:
                if (!inCode) text.Append(' ');
                return false;
            case NoBreakHyphen:
                if (!inCode) text.Append('-');
                return false;
            // Read as text, not as the enumeration, which throws on an unknown value; an unknown or unmatched one is ignored.
            case FieldChar f:
                var type = f.FieldCharType?.InnerText;
                if (type == "begin") fields.Push(true);
                else if (type == "separate" && fields.Count > 0) { fields.Pop(); fields.Push(false); }
                else if (type == "end" && fields.Count > 0) fields.Pop();
                return false;
            default:
                return true;
        }
    }
}
