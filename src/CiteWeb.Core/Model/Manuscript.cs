using CiteWeb.Core.Diagnostics;

namespace CiteWeb.Core.Model;

/// <summary>
/// A manuscript as the citation checker sees it: its body as paragraphs with their positions (line and column;
/// for a Word document, paragraph number and offset), without its own works-cited section.
/// </summary>
public sealed class Manuscript(string file, string format)
{
    public string File { get; } = file;
    /// <summary>text, markdown, latex or docx.</summary>
    public string Format { get; } = format;
    public List<ManuscriptParagraph> Paragraphs { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The position of <paramref name="offset"/> in <paramref name="paragraph"/>: its line and column.</summary>
    public SourceSpan At(ManuscriptParagraph paragraph, int offset, int length = 0)
    {
        var breaks = LineBreaks(paragraph);
        // The line breaks before offset: the count, and where the last of them is.
        int newlines = Array.BinarySearch(breaks, Math.Clamp(offset, 0, paragraph.Text.Length));
        if (newlines < 0) newlines = ~newlines;
        if (newlines == 0) return new SourceSpan(File, paragraph.Line, paragraph.Column + offset, offset, length);
        int lastBreak = breaks[newlines - 1];
        return new SourceSpan(File, paragraph.Line + newlines, offset - lastBreak, offset, length);
    }

    // Where each paragraph's line breaks are, found on the first question about it: a paragraph is asked about once per
    // citation, and counting its breaks from the start each time was quadratic in a long paragraph full of citations.
    private readonly Dictionary<ManuscriptParagraph, int[]> _lineBreaks = new(ReferenceEqualityComparer.Instance);

    private int[] LineBreaks(ManuscriptParagraph paragraph)
    {
        if (_lineBreaks.TryGetValue(paragraph, out var breaks)) return breaks;
        var text = paragraph.Text;
        var found = new List<int>();
        for (int at = text.IndexOf('\n'); at >= 0; at = text.IndexOf('\n', at + 1)) found.Add(at);
        return _lineBreaks[paragraph] = [.. found];
    }
}

/// <summary>A paragraph of a manuscript's body; <see cref="Text"/> keeps its line breaks so positions stay exact.</summary>
public sealed record ManuscriptParagraph(string Text, int Line, int Column);

/// <summary>How a citation was written.</summary>
public enum CitationKind
{
    /// <summary>(Benjamin 183), (Apprich, Technotopia 90), (O’Neil; Eubanks)</summary>
    Parenthetical,
    /// <summary>The author named in the sentence, the page in parentheses: As Burkhardt details: “...” (211).</summary>
    Narrative,
    /// <summary>(ibid.), (ibid. 91)</summary>
    Ibid,
    /// <summary>Pandoc [@key, p. 33] and @key; LaTeX \cite{key} and its family.</summary>
    Key,
}

/// <summary>One in-text citation as printed, with the works it names.</summary>
public sealed record Citation(string Text, SourceSpan Span, CitationKind Kind, IReadOnlyList<CitedWork> Works);

/// <summary>One work a citation names: by author (or organisation), optional short title, year and locator, or by key.</summary>
public sealed record CitedWork
{
    /// <summary>The author as printed ("Dyer-Witheford, Kjøsen and Steinhoff", "West et al.", "Google AI").</summary>
    public string? Author { get; init; }
    /// <summary>Family names read from <see cref="Author"/> ("Dyer-Witheford", "Kjøsen", "Steinhoff").</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    public bool EtAl { get; init; }
    /// <summary>A short title, without its quotation marks ("Technotopia", "Data, Compute, Labor").</summary>
    public string? Title { get; init; }
    public string? Year { get; init; }
    /// <summary>Pages or another locator as printed ("183", "11-12", "ix").</summary>
    public string? Locator { get; init; }
    /// <summary>A citation key (Pandoc, LaTeX).</summary>
    public string? Key { get; init; }
    /// <summary>"see, for instance," and the like.</summary>
    public string? Prefix { get; init; }
    /// <summary>Where the author was named in the sentence (narrative citations): the name as printed there.</summary>
    public string? NamedInText { get; init; }
}
