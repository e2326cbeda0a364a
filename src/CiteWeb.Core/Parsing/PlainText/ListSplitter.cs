using System.Text;
using System.Text.RegularExpressions;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>One entry of a printed list: its text with wrapped lines joined, where it starts, and its extent.</summary>
internal readonly record struct ListItem(string Text, int Start, int End, string? Label);

/// <summary>
/// Finds the reference list in a document (a "Works Cited", "References", "Bibliography" or "Endnotes" section, or
/// the whole text when there is no heading) and splits it into entries: one per line, separated by blank lines,
/// or wrapped with hanging indents; numbered (<c>[12]</c>, <c>12.</c>) and bulleted lists; wrapped lines joined.
/// </summary>
internal static partial class ListSplitter
{
    [GeneratedRegex(@"^\s*(?:#{1,6}\s*|<h\d[^>]*>\s*)?(?:\*\*|__)?(?<name>works\s+cited|references?(?:\s+list)?|bibliography|select(?:ed)?\s+bibliography|literature(?:\s+cited)?|sources|cited\s+works|endnotes|notes|literaturverzeichnis)(?:\*\*|__)?\s*:?\s*(?:</h\d>)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingRegex();

    // A numbered entry: "[12] ", "12. ", "12) " at the start of a line.
    [GeneratedRegex(@"^\s*(?:\[(?<n>\d{1,4})\]|(?<n>\d{1,4})[.)])\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    // Bullets and HTML list wrappers.
    [GeneratedRegex(@"^\s*(?:[-*+•‣◦]\s+|</?(?:li|p|ul|ol)[^>]*>\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BulletRegex();

    /// <summary>Where the list is: after the last reference-section heading, up to the next heading.</summary>
    public static (int Start, int End, string? Heading) FindSection(string text)
    {
        int start = 0, end = text.Length;
        string? heading = null;
        foreach (var (lineStart, lineEnd) in Lines(text))
        {
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (HeadingName(line) is { } name)
            {
                // "Notes" before a works-cited section are discursive; the reference section wins over notes.
                bool isNotes = name is "notes" or "endnotes";
                if (heading is null || !isNotes || heading is "notes" or "endnotes")
                {
                    heading = name;
                    start = lineEnd;
                    end = text.Length;
                }
            }
            else if (heading is not null && lineStart > start && end == text.Length && IsOtherHeading(line))
            {
                end = lineStart;
            }
        }
        return (start, end, heading);
    }

    /// <summary>The section a heading line names, lower-cased ("works cited", "references", "notes"), or null.</summary>
    internal static string? HeadingName(ReadOnlySpan<char> line)
    {
        // Headings are short lines; only those are matched (and only a match is made a string).
        if (line.Length > 80 || !HeadingRegex().IsMatch(line)) return null;
        return HeadingRegex().Match(line.ToString()).Groups["name"].Value.ToLowerInvariant();
    }

    // A short line that names the next section ("Acknowledgements", "## Appendix") ends the list.
    private static bool IsOtherHeading(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.StartsWith("#")) return true;
        if (t.Length is 0 or > 40) return false;
        if (t.ContainsAny(".,:;“\"()0123456789")) return false;
        return t.ToString() is var s && (s.Equals("Acknowledgements", StringComparison.OrdinalIgnoreCase)
            || s.Equals("Acknowledgments", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("Appendix", StringComparison.OrdinalIgnoreCase)
            || s.Equals("About the author", StringComparison.OrdinalIgnoreCase)
            || s.Equals("About the authors", StringComparison.OrdinalIgnoreCase)
            || s.Equals("Biography", StringComparison.OrdinalIgnoreCase)
            || s.Equals("Footnotes", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Splits <paramref name="text"/>[start..end) into entries.</summary>
    public static List<ListItem> Split(string text, int start, int end)
    {
        var lines = new List<(int Start, int End)>();
        foreach (var l in Lines(text, start, end)) lines.Add(l);

        // Groups of lines between blank lines. Paragraph mode when the groups are small (an entry and its wrapped
        // lines): each group is then one entry. Long groups are lists of one entry a line with a blank line here and there.
        var groups = new List<int>();
        bool previousBlank = true;
        foreach (var (s, e) in lines)
        {
            bool blank = text.AsSpan(s, e - s).IsWhiteSpace();
            if (!blank)
            {
                if (previousBlank) groups.Add(0);
                groups[^1]++;
            }
            previousBlank = blank;
        }
        int blankSeparated = groups.Count;
        groups.Sort();
        bool paragraphs = groups.Count >= 2 && groups[groups.Count / 2] <= 4 && groups.Any(g => g > 1);
        var labels = new List<int>();
        foreach (var l in lines)
            if (NumberRegex().IsMatch(text.AsSpan(l.Start, l.End - l.Start)))
                labels.Add(int.Parse(NumberRegex().Match(text.Substring(l.Start, l.End - l.Start)).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        bool numbered = labels.Count * 2 >= Math.Max(1, blankSeparated) && Counts(labels);

        var items = new List<ListItem>();
        var current = new StringBuilder();
        int itemStart = -1, itemEnd = -1;
        string? label = null;

        void Flush()
        {
            if (itemStart >= 0 && current.Length > 0)
                items.Add(new ListItem(current.ToString().Trim(), itemStart, itemEnd, label));
            current.Clear();
            itemStart = -1;
            label = null;
        }

        foreach (var (s, e) in lines)
        {
            var line = text.AsSpan(s, e - s);
            if (line.IsWhiteSpace())
            {
                Flush();
                continue;
            }
            int contentStart = s;
            string? lineLabel = null;
            // Only a line that starts like a marker is matched as a string.
            bool marker = line.TrimStart() is { Length: > 0 } trimmed && (char.IsDigit(trimmed[0]) || trimmed[0] is '[' or '-' or '*' or '+' or '•' or '‣' or '◦' or '<');
            var number = marker ? NumberRegex().Match(line.ToString()) : Match.Empty;
            if (number.Success && (numbered || itemStart < 0))
            {
                lineLabel = number.Groups["n"].Value;
                contentStart = s + number.Length;
            }
            else if (marker)
            {
                var bullet = BulletRegex().Match(line.ToString());
                if (bullet.Success) contentStart = s + bullet.Length;
            }
            bool indented = line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && lineLabel is null && contentStart == s;
            bool bulleted = contentStart != s && lineLabel is null;
            // One entry a line, unless the line is indented under the previous one (a hanging indent) or is
            // plainly the rest of a sentence broken by a paste from PDF (the previous line ends mid-sentence and
            // this one starts in lower case).
            bool continues = indented || (current.Length > 0 && !EndsEntry(current) && StartsLower(line));
            bool startsNew = itemStart < 0 || lineLabel is not null || bulleted
                || (!paragraphs && !numbered && !continues);
            if (startsNew) Flush();
            var content = text.AsSpan(contentStart, e - contentStart).Trim();
            if (content.IsEmpty) continue;
            if (itemStart < 0)
            {
                itemStart = contentStart + (text.AsSpan(contentStart, e - contentStart).Length - text.AsSpan(contentStart, e - contentStart).TrimStart().Length);
                label = lineLabel;
            }
            else
            {
                // A link broken after "/" or "-" goes on without a space, its hyphen kept. A word broken at a line
                // end with a hyphen joins without a space only when it is a real break.
                if (ContinuesUrl(current, content)) { }
                else if (current.Length > 0 && current[^1] == '-' && current.Length > 1 && char.IsLower(current[^2]) && char.IsLower(content[0]))
                    current.Length--;
                else current.Append(' ');
            }
            current.Append(content);
            itemEnd = e;
        }
        Flush();
        return items;
    }

    // Numbers that label entries count up (1, 2, 3 or 12, 13); a wrapped line that happens to start "2016. " or
    // "20–36. " does not make a list numbered.
    private static bool Counts(List<int> labels)
    {
        if (labels.Count == 1) return labels[0] <= 9;
        int steps = 0;
        for (int i = 1; i < labels.Count; i++) if (labels[i] == labels[i - 1] + 1) steps++;
        return steps * 2 >= labels.Count - 1;
    }

    private static bool ContinuesUrl(StringBuilder sb, ReadOnlySpan<char> next)
    {
        if (sb.Length == 0 || next.IsEmpty || sb[^1] is not ('/' or '-' or '_' or '=' or '&' or '?' or '#' or '~')) return false;
        int start = sb.Length - 1;
        while (start > 0 && !char.IsWhiteSpace(sb[start - 1])) start--;
        var last = sb.ToString(start, sb.Length - start);
        if (!last.Contains("://", StringComparison.Ordinal) && !last.StartsWith("www.", StringComparison.Ordinal) && !last.StartsWith("<www.", StringComparison.Ordinal)) return false;
        if (last.EndsWith("://", StringComparison.Ordinal)) return true;
        int space = next.IndexOfAny(' ', '\t');
        var word = space < 0 ? next : next[..space];
        return char.IsLower(word[0]) || char.IsDigit(word[0]) || word.IndexOfAny("/-_.=&?#") >= 0;
    }

    private static bool EndsEntry(StringBuilder sb)
    {
        for (int i = sb.Length - 1; i >= 0; i--)
            if (!char.IsWhiteSpace(sb[i])) return sb[i] is '.' or '>' or ')' or '/' || char.IsDigit(sb[i]);
        return true;
    }

    private static bool StartsLower(ReadOnlySpan<char> line)
    {
        var t = line.TrimStart();
        return t.Length > 0 && char.IsLower(t[0]) && !t.StartsWith("http") && !t.StartsWith("www.");
    }

    private static IEnumerable<(int Start, int End)> Lines(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        int i = start;
        while (i < end)
        {
            int nl = text.IndexOf('\n', i, end - i);
            int lineEnd = nl < 0 ? end : nl;
            int contentEnd = lineEnd > i && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            yield return (i, contentEnd);
            i = nl < 0 ? end : nl + 1;
        }
    }
}
