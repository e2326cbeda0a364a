using System.IO.Compression;
using System.Security;
using System.Text;
using CiteWeb.Core.Checks;
using CiteWeb.Core.Export;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Parsing.PlainText;
using CiteWeb.Docx;

namespace CiteWeb.Fuzz;

/// <summary>
/// One parser under fuzzing: its seeds (small pieces of the shipped corpus, so that mutations reach deep into the
/// grammar quickly), the tokens its grammar is made of, and how one input is run — the way the CLI runs a file:
/// bytes decoded by <see cref="TextDecoding"/>, then the reader, then (for manuscripts) the checks.
/// </summary>
public sealed record FuzzTarget(string Name, IReadOnlyList<byte[]> Seeds, IReadOnlyList<string> Tokens, Action<byte[]> Run)
{
    /// <summary>The exception type a target may end in by design (the DOCX reader's refusal), or null.</summary>
    public Type? Refusal { get; init; }

    public override string ToString() => Name;
}

public static class Targets
{
    public static readonly string[] Names = ["bibtex", "plain-text", "csl-json", "ris", "manuscript", "docx"];

    private static readonly Lazy<Bibliography> Works = new(() => PlainTextReader.Read(Seed("luchs-2023-ai-for-all.txt"), "list.txt"));

    public static FuzzTarget Get(string name) => name switch
    {
        "bibtex" => new(name, Pieces(BibFiles(), "\n@"), ["@string{", "@article{k,", "@preamble{", "@comment{", "{", "}", "\"", " # ", "=", ",", "crossref = {", "xdata = {", "author = {", " and ", "\\'", "\\", "$", "%", "@", "{\\\"o}", "month = jan"],
            input => BibTexReader.Parse(Decode(input, "f.bib"), "f.bib")),
        "plain-text" => new(name, Pieces(TextFiles(), "\n\n"), ["Works Cited\n", "References\n", "“", "”", "\"", "*", "_", "<i>", "</i>", "[1] ", "———. ", "https://", "doi:10.", "(2019)", ", and ", "et al.", "vol. ", "pp. ", "\n   ", "&amp;", "\\$"],
            input => PlainTextReader.Read(Decode(input, "f.txt"), "f.txt")),
        "csl-json" => new(name, JsonSeeds(), ["[", "]", "{", "}", "\"", ":", ",", "\\u0000", "\\ud800", "\"date-parts\": [[", "\"author\": [{", "null", "1e999", "-0", "\"literal\":", "\"custom\": {"],
            input => CslJsonReader.Read(Decode(input, "f.json"), "f.json")),
        "ris" => new(name, RisSeeds(), ["TY  - JOUR\n", "ER  - \n", "AU  - ", "PY  - ", "DA  - ", "SP  - ", "EP  - ", "DO  - ", "UR  - ", "  - ", "\r\n", "\n", "///"],
            input => RisReader.Read(Decode(input, "f.ris"), "f.ris")),
        "manuscript" => new(name, Pieces([Seed("manuscripts/luchs-2023-ai-for-all.txt")], "\n\n"), ["(", ")", "(Benjamin 183)", "(ibid.)", "[@", "\\cite{", "}", "“", "”", ";", " et al. ", "Works Cited\n", "(see, for instance, ", "–"],
            input => { foreach (var file in new[] { "m.txt", "m.md", "m.tex" }) CheckCatalogue.Run(ManuscriptReader.Read(Decode(input, file), file), Works.Value); }),
        // The input is the main document part's XML; the harness wraps it in a package, so mutations reach the
        // XML and the reader rather than dying in the zip's checksums.
        "docx" => new(name, DocxSeeds(), ["<w:p>", "</w:p>", "<w:r>", "<w:t>", "</w:t>", "<w:tab/>", "<w:br/>", "<w:del>", "<w:ins>", "<w:fldSimple w:instr=\"X\">", "<!DOCTYPE d [<!ENTITY a \"aa\">]>", "&a;", "<![CDATA[", "&#0;", "<w:footnoteReference w:id=\"1\"/>"],
            input => { using var package = Package(input); CheckCatalogue.Run(DocxManuscriptReader.Read(package, "m.docx"), Works.Value); }) { Refusal = typeof(DocxReadException) },
        _ => throw new ArgumentException($"no fuzz target '{name}'", nameof(name)),
    };

    private static string Decode(byte[] input, string file) => TextDecoding.Decode(input, file).Text;

    private static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "Seeds");

    private static string Seed(string name) => File.ReadAllText(Path.Combine(SeedDirectory, name));

    private static IEnumerable<string> BibFiles() => Directory.GetFiles(SeedDirectory, "*.bib").Order(StringComparer.Ordinal).Select(File.ReadAllText);

    private static IEnumerable<string> TextFiles() => Directory.GetFiles(SeedDirectory, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);

    /// <summary>Each file cut at <paramref name="separator"/> into runs of one to four units, plus the file's head
    /// (where @string definitions and headings live) with each run: small seeds make fast, deep mutations.</summary>
    private static List<byte[]> Pieces(IEnumerable<string> files, string separator)
    {
        var seeds = new List<byte[]>();
        foreach (var text in files)
        {
            var units = text.Split(separator);
            for (int i = 0; i < units.Length; i++)
            {
                int take = 1 + i % 4;
                var run = string.Join(separator, units.Skip(i).Take(take));
                seeds.Add(Encoding.UTF8.GetBytes(i == 0 ? run : units[0] + separator + run));
            }
        }
        return seeds;
    }

    private static List<Reference> CorpusReferences() =>
        [.. BibFiles().SelectMany(t => BibTexReader.Parse(t, "seed.bib").References)];

    /// <summary>Pandoc's CSL-JSON of the corpus and CiteWeb's own, cut into arrays of one to four items.</summary>
    private static List<byte[]> JsonSeeds()
    {
        var references = CorpusReferences();
        var seeds = Directory.GetFiles(SeedDirectory, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        for (int i = 0; i < references.Count; i++)
            seeds.Add(Encoding.UTF8.GetBytes(CslJsonWriter.Write(references.Skip(i).Take(1 + i % 4))));
        return seeds;
    }

    /// <summary>The corpus written as RIS, one to four records per seed.</summary>
    private static List<byte[]> RisSeeds()
    {
        var references = CorpusReferences();
        var seeds = new List<byte[]>();
        for (int i = 0; i < references.Count; i++)
            seeds.Add(Encoding.UTF8.GetBytes(Exporter.Write("ris", [.. references.Skip(i).Take(1 + i % 4)])));
        return seeds;
    }

    /// <summary>The essay's paragraphs as Word body XML, a few paragraphs per seed, some with a footnote reference.</summary>
    private static List<byte[]> DocxSeeds()
    {
        var paragraphs = Seed("manuscripts/luchs-2023-ai-for-all.txt").Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var seeds = new List<byte[]>();
        for (int i = 0; i < paragraphs.Length; i += 3)
        {
            var body = new StringBuilder();
            foreach (var p in paragraphs.Skip(i).Take(3))
                body.Append("<w:p><w:r><w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(p)).Append("</w:t></w:r></w:p>");
            if (i % 2 == 0) body.Append("<w:p><w:r><w:t>Seen</w:t></w:r><w:r><w:tab/><w:t>here</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>");
            seeds.Add(Encoding.UTF8.GetBytes(DocumentXml(body.ToString())));
        }
        return seeds;
    }

    public static string DocumentXml(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>";

    /// <summary>A minimal Word package around <paramref name="documentXml"/>.</summary>
    public static MemoryStream Package(byte[] documentXml)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""u8);
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""u8);
            Add(zip, "word/document.xml", documentXml);
        }
        stream.Position = 0;
        return stream;
    }

    private static void Add(ZipArchive zip, string name, ReadOnlySpan<byte> content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(content);
    }
}
