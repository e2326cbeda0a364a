using CiteWeb.Core.Diagnostics;

namespace CiteWeb.Core.Model;

/// <summary>One citing document's reference list, as read from one file, with what the reader found wrong.</summary>
public sealed class Bibliography
{
    public Bibliography(string source) => Source = source;

    /// <summary>The file (or stream name) the references came from.</summary>
    public string Source { get; }
    public List<Reference> References { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];
    /// <summary>BibTeX @preamble text, kept so a writer can put it back.</summary>
    public List<string> Preambles { get; } = [];
    /// <summary>The format it was read from: bibtex, biblatex, csl-json, ris, text.</summary>
    public string Format { get; set; } = "";
    /// <summary>The citation style a plain-text list was read as (mla, apa, chicago, ...); null for structured formats.</summary>
    public string? Style { get; set; }

    public bool HasErrors => Diagnostics.Exists(d => d.Severity == Severity.Error);
}
