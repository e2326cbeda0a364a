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

    /// <summary>Streams the references to <paramref name="stream"/> as UTF-8 (no BOM): a large export never sits in memory whole.</summary>
    public static void Write(string format, IReadOnlyList<Reference> references, Stream stream, bool ascii = false, IEnumerable<string>? preambles = null)
    {
        switch (format)
        {
            case "csl-json": CslJsonWriter.Write(references, stream); return;
            case "ris": RisWriter.Write(references, stream); return;
        }
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        BibTexWriter.Write(writer, references, new BibTexWriterOptions { BibLaTeX = format == "biblatex", Ascii = ascii }, preambles);
    }

    public static string Extension(string format) => format switch
    {
        "bibtex" => ".bib",
        "biblatex" => ".biblatex.bib",
        "csl-json" => ".json",
        _ => ".ris",
    };
}
