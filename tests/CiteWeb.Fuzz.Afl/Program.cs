using CiteWeb.Core.Parsing;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Parsing.PlainText;
using CiteWeb.Docx;
using SharpFuzz;

// One parser per AFL++ run: `dotnet CiteWeb.Fuzz.Afl.dll bibtex|plain-text|csl-json|ris|docx`. Any exception that
// escapes is a crash to AFL; the DOCX reader's DocxReadException is its documented refusal and is not.
var parser = args.Length > 0 ? args[0] : "bibtex";
Action<byte[]> run = parser switch
{
    "bibtex" => b => BibTexReader.Parse(TextDecoding.Decode(b, "f.bib").Text, "f.bib"),
    "plain-text" => b => PlainTextReader.Read(TextDecoding.Decode(b, "f.txt").Text, "f.txt"),
    "csl-json" => b => CslJsonReader.Read(TextDecoding.Decode(b, "f.json").Text, "f.json"),
    "ris" => b => RisReader.Read(TextDecoding.Decode(b, "f.ris").Text, "f.ris"),
    "docx" => b => { try { DocxManuscriptReader.Read(new MemoryStream(b), "f.docx"); } catch (DocxReadException) { } },
    _ => throw new ArgumentException($"unknown parser '{parser}'"),
};
Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    run(buffer.ToArray());
});
