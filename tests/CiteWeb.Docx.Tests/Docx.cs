using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CiteWeb.Docx.Tests;

/// <summary>Builds real .docx packages in memory with the OpenXml SDK.</summary>
internal static class Docx
{
    public static MemoryStream Build(IEnumerable<OpenXmlElement> body, IEnumerable<Footnote>? footnotes = null, IEnumerable<Endnote>? endnotes = null)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            if (footnotes is not null)
            {
                var part = main.AddNewPart<FootnotesPart>();
                part.Footnotes = new Footnotes(Separators<Footnote>().Concat(footnotes));
            }
            if (endnotes is not null)
            {
                var part = main.AddNewPart<EndnotesPart>();
                part.Endnotes = new Endnotes(Separators<Endnote>().Concat(endnotes));
            }
        }
        stream.Position = 0;
        return stream;
    }

    // Word writes a separator and a continuation separator before the notes; they are furniture, not notes.
    private static IEnumerable<T> Separators<T>() where T : FootnoteEndnoteType, new() =>
    [
        new T { Type = FootnoteEndnoteValues.Separator, Id = -1, InnerXml = "" },
        new T { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
    ];

    public static Paragraph P(params OpenXmlElement[] runs) => new(runs);
    public static Paragraph P(string text) => new(R(text));
    public static Run R(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static IEnumerable<OpenXmlElement> Paragraphs(params string[] texts) => texts.Select(t => (OpenXmlElement)(t.Length == 0 ? new Paragraph() : P(t)));
}
