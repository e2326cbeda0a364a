using CiteWeb.Core.Model;

namespace CiteWeb.Core.Export;

/// <summary>The export formats by their command-line names, each to one writer.</summary>
public static class Exporter
{
    public static readonly string[] Formats = ["bibtex", "biblatex", "csl-json", "ris"];

    public static string Write(string format, IReadOnlyList<Reference> references, bool ascii = false, IEnumerable<string>? preambles = null) => format switch
    {
        "bibtex" => BibTexWriter.Write(references, new BibTexWriterOptions { Ascii = ascii }, preambles),
        "biblatex" => BibTexWriter.Write(references, new BibTexWriterOptions { BibLaTeX = true, Ascii = ascii }, preambles),
        "csl-json" => CslJsonWriter.Write(references),
        "ris" => RisWriter.Write(references),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
    };

    public static string Extension(string format) => format switch
    {
        "bibtex" => ".bib",
        "biblatex" => ".biblatex.bib",
        "csl-json" => ".json",
        _ => ".ris",
    };
}
