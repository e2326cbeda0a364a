using System.Text.RegularExpressions;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Checks;

/// <summary>CW014: a quotation's full stop inside the quotation marks before its parenthetical citation; MLA puts
/// it after the citation ("... and male” (West et al. 6).). Reported once, at the first, with the count.</summary>
public sealed class PunctuationBeforeCitation : ICheck
{
    public string Code => "CW014";
    public Severity Severity => Severity.Info;
    public string Description => "a quotation's full stop before its parenthetical citation (MLA: after it)";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        Citation? first = null;
        int count = 0;
        var paragraphs = new ParagraphsByLine(c.Manuscript);
        foreach (var citation in c.Citations)
        {
            if (citation.Kind is not (CitationKind.Parenthetical or CitationKind.Narrative or CitationKind.Ibid)) continue;
            var paragraph = paragraphs.Find(static (p, s) => s.Citation.Span.Offset < p.Text.Length
                && p.Text.AsSpan(s.Citation.Span.Offset).StartsWith(s.Citation.Text, StringComparison.Ordinal) && s.Manuscript.At(p, s.Citation.Span.Offset).Line == s.Citation.Span.Line,
                (Citation: citation, c.Manuscript), citation.Span.Line);
            if (paragraph is null) continue;
            var before = paragraph.Text.AsSpan(0, citation.Span.Offset).TrimEnd();
            if (before.Length >= 2 && before[^1] is '”' or '"' && before[^2] is '.' or '!' or '?' && !before.EndsWith("...”") && !before.EndsWith("…”"))
            {
                first ??= citation;
                count++;
            }
        }
        if (first is not null)
            yield return new Finding(Code, Severity,
                $"{first.Text}: {count} citation(s) follow a quotation whose full stop is inside the quotation marks; MLA 9 puts it after the citation: “...” (Author page).",
                first.Span, first.Text);
    }
}

/// <summary>
/// The first paragraph, in order, that passes a test which only a paragraph spanning a given line can pass. When the
/// paragraphs follow each other line by line (text, Markdown, LaTeX), only the one spanning the line is tried, found by
/// a binary search; otherwise each in turn. A manuscript of thousands of paragraphs and citations is not read
/// paragraph by paragraph for each citation.
/// </summary>
internal sealed class ParagraphsByLine
{
    private readonly IReadOnlyList<ManuscriptParagraph> _paragraphs;
    private readonly int[]? _firstLines, _lastLines;

    public ParagraphsByLine(Manuscript manuscript)
    {
        _paragraphs = manuscript.Paragraphs;
        var first = new int[_paragraphs.Count];
        var last = new int[_paragraphs.Count];
        for (int i = 0; i < _paragraphs.Count; i++)
        {
            first[i] = _paragraphs[i].Line;
            last[i] = first[i] + _paragraphs[i].Text.AsSpan().Count('\n');
            if (i > 0 && first[i] <= last[i - 1]) return;
        }
        (_firstLines, _lastLines) = (first, last);
    }

    /// <summary>The first paragraph passing <paramref name="test"/> (with <paramref name="state"/>), which none but a
    /// paragraph spanning <paramref name="line"/> passes. The state is passed, not captured: asked once a citation.</summary>
    public ManuscriptParagraph? Find<TState>(Func<ManuscriptParagraph, TState, bool> test, TState state, int line)
    {
        if (_firstLines is null || _lastLines is null)
        {
            foreach (var p in _paragraphs)
                if (test(p, state)) return p;
            return null;
        }
        int i = Array.BinarySearch(_firstLines, line);
        if (i < 0) i = ~i - 1;
        return i >= 0 && line <= _lastLines[i] && test(_paragraphs[i], state) ? _paragraphs[i] : null;
    }
}

/// <summary>CW015: a source quoted from another written other than MLA's "qtd. in".</summary>
public sealed partial class IndirectSource : ICheck
{
    public string Code => "CW015";
    public Severity Severity => Severity.Info;
    public string Description => "an indirect source not written as MLA's “qtd. in”";

    [GeneratedRegex(@"^\((?<cited>[^,;]+?)\s+(?<page>[\dixvlc]+(?:\s*[-–]\s*[\dixvlc]+)?),\s*(?:cited|quoted)\s+(?:after|in|by)\s+(?<original>[^)]+)\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CitedAfterRegex();

    public IEnumerable<Finding> Run(CheckContext c)
    {
        foreach (var citation in c.Citations)
        {
            if (!citation.Text.Contains(',')) continue; // the pattern needs one: most citations skip the search
            var m = CitedAfterRegex().Match(citation.Text.Replace('\n', ' '));
            if (!m.Success) continue;
            var suggestion = $"({m.Groups["original"].Value.Trim()} qtd. in {m.Groups["cited"].Value.Trim()} {m.Groups["page"].Value})";
            yield return new Finding(Code, Severity, $"{citation.Text}: MLA 9 writes an indirect source as {suggestion}", citation.Span, citation.Text, null, suggestion);
        }
    }
}

/// <summary>CW016: an entry of a printed works-cited list that does not end with a full stop (MLA ends every entry with one).</summary>
public sealed class EntryWithoutFullStop : ICheck
{
    public string Code => "CW016";
    public Severity Severity => Severity.Info;
    public string Description => "an entry of a printed list without its closing full stop";

    public IEnumerable<Finding> Run(CheckContext c)
    {
        if (c.WorksCited.Format != "text") yield break;
        foreach (var r in c.WorksCited.References)
        {
            var raw = r.RawText.Span.TrimEnd();
            if (raw.IsEmpty || raw[^1] is '.' or '>' or '/' || raw.EndsWith(".)") || raw.EndsWith(".”")) continue;
            yield return new Finding(Code, Severity, $"'{EntryNeverCited.Label(r)}' does not end with a full stop", EntryNeverCited.Where(r, c), null, r.Id);
        }
    }
}
