using System.Text.RegularExpressions;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.PlainText;

namespace CiteWeb.Core.Manuscripts;

/// <summary>
/// Reads a manuscript's body — plain text, Markdown or LaTeX — into paragraphs with their positions, stopping
/// where its own works-cited list begins (a "Works Cited"/"References"/"Bibliography" heading,
/// <c>\begin{thebibliography}</c>, <c>\printbibliography</c>, <c>\bibliography{...}</c>). Word documents are read by
/// CiteWeb.Docx's DocxManuscriptReader into the same shape.
/// </summary>
public static partial class ManuscriptReader
{
    [GeneratedRegex(@"\\begin\{thebibliography\}|\\printbibliography|\\bibliography\{", RegexOptions.CultureInvariant)]
    private static partial Regex LatexBibliographyRegex();

    public static string FormatOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => "markdown",
        ".tex" or ".latex" => "latex",
        ".docx" => "docx",
        _ => "text",
    };

    public static Manuscript Read(string text, string file)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var format = FormatOf(file);
        var manuscript = new Manuscript(file, format);
        int end = BodyEnd(text, format);
        int line = 1, i = 0;
        int paragraphStart = -1, paragraphLine = 0;
        while (i <= end)
        {
            int nl = i < end ? text.IndexOf('\n', i, end - i) : -1;
            int lineEnd = nl < 0 ? end : nl;
            bool blank = text.AsSpan(i, lineEnd - i).IsWhiteSpace();
            if (blank && paragraphStart >= 0)
            {
                Add(manuscript, text, paragraphStart, i, paragraphLine);
                paragraphStart = -1;
            }
            else if (!blank && paragraphStart < 0)
            {
                paragraphStart = i;
                paragraphLine = line;
            }
            if (nl < 0) break;
            i = nl + 1;
            line++;
        }
        if (paragraphStart >= 0) Add(manuscript, text, paragraphStart, end, paragraphLine);
        return manuscript;
    }

    private static void Add(Manuscript m, string text, int start, int end, int line)
    {
        var body = text[start..end].TrimEnd('\r', '\n', ' ', '\t');
        if (body.Length > 0) m.Paragraphs.Add(new ManuscriptParagraph(body.Replace("\r\n", "\n", StringComparison.Ordinal), line, 1));
    }

    /// <summary>
    /// Whether <paramref name="line"/> is, as a whole, the heading of a works-cited section ("Works Cited",
    /// "References", "Bibliography", ...; not "Notes"), the heading at which <see cref="BodyEnd"/> ends a body.
    /// </summary>
    public static bool IsWorksCitedHeading(ReadOnlySpan<char> line) =>
        ListSplitter.HeadingName(line) is { } name && name is not ("notes" or "endnotes");

    /// <summary>Where the body ends: at the start of the manuscript's own reference list, else at the end.</summary>
    public static int BodyEnd(string text, string format)
    {
        if (format == "latex")
        {
            var m = LatexBibliographyRegex().Match(text);
            return m.Success ? m.Index : text.Length;
        }
        var (start, _, heading) = ListSplitter.FindSection(text);
        if (heading is null || heading is "notes" or "endnotes") return text.Length;
        // The section starts after its heading line; the body ends before it.
        int headingStart = start > 0 ? text.LastIndexOf('\n', Math.Max(0, start - 2)) + 1 : 0;
        return headingStart;
    }
}
