using System.Xml;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CiteWeb.Docx;

/// <summary>
/// Reads a Word manuscript (.docx) into the shape <see cref="ManuscriptReader"/> gives text: one
/// <see cref="ManuscriptParagraph"/> per non-empty paragraph, its <c>Line</c> the paragraph's number and its column
/// 1, so a citation at offset k of paragraph n is reported at n:k+1.
/// </summary>
/// <remarks>
/// <para>Paragraphs are the <c>w:p</c> of the main document body in document order, those in tables and text boxes
/// included; every paragraph is counted, empty ones too, so numbers match a count in Word. The body ends at the
/// manuscript's own works-cited heading (<see cref="ManuscriptReader.IsWorksCitedHeading"/>, the last such
/// paragraph, as for text). Footnotes and then endnotes follow as further paragraphs, numbered on after the last
/// paragraph of the whole body.</para>
/// <para>Text is the runs joined: a tab is '\t'; a line or page break is ' ', so that positions stay paragraph
/// and offset (Manuscript.At would count a '\n' as a new line); a soft hyphen is dropped and a non-breaking hyphen
/// is '-'. Field codes are skipped and field results kept; tracked deletions (and moved-from text) are skipped,
/// insertions kept.</para>
/// <para>The file is untrusted: anything that is not a readable Word package, or exceeds the limits in
/// <see cref="PackageGuard"/>, is a <see cref="DocxReadException"/>.</para>
/// </remarks>
public static class DocxManuscriptReader
{
    /// <summary>
    /// Reads the package in <paramref name="stream"/> (a seekable stream from its start; it is left open) as the
    /// manuscript <paramref name="file"/>.
    /// </summary>
    /// <exception cref="DocxReadException">Not a readable Word package, or beyond the limits in <see cref="PackageGuard"/>.</exception>
    public static Manuscript Read(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var package = Seekable(stream, file);
        try
        {
            PackageGuard.CheckArchive(package, file);
            var settings = new OpenSettings { MaxCharactersInPart = PackageGuard.MaxCharactersInPart };
            using var document = WordprocessingDocument.Open(package, false, settings);
            return Read(document, file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or OpenXmlPackageException
                                      or FormatException or InvalidOperationException or ArgumentException or NotSupportedException
                                      or UnauthorizedAccessException)
        {
            throw new DocxReadException(file, $"not a Word document (.docx): {file}: {e.Message}", e);
        }
    }

    private static Manuscript Read(WordprocessingDocument document, string file)
    {
        var main = document.MainDocumentPart ?? throw new DocxReadException(file, $"not a Word document (.docx): {file}: it has no main document part");
        Check(main, file);
        var manuscript = new Manuscript(file, "docx");
        var body = main.Document?.Body;
        int number = 0;
        if (body is not null)
        {
            var paragraphs = new List<ManuscriptParagraph>();
            int end = -1;
            foreach (var p in ParagraphsOf(body))
            {
                number++;
                var text = ParagraphText.Of(p);
                if (text.Length == 0) continue;
                if (ManuscriptReader.IsWorksCitedHeading(text)) end = paragraphs.Count;
                paragraphs.Add(new ManuscriptParagraph(text, number, 1));
            }
            manuscript.Paragraphs.AddRange(end < 0 ? paragraphs : paragraphs[..end]);
        }
        if (main.FootnotesPart is { } footnotesPart && Check(footnotesPart, file).Footnotes is { } footnotes)
            number = AddNotes(manuscript, footnotes.Elements<Footnote>(), number);
        if (main.EndnotesPart is { } endnotesPart && Check(endnotesPart, file).Endnotes is { } endnotes)
            AddNotes(manuscript, endnotes.Elements<Endnote>(), number);
        return manuscript;
    }

    // Separator and continuation notes are Word's furniture, not notes: they are neither read nor counted.
    private static int AddNotes(Manuscript manuscript, IEnumerable<FootnoteEndnoteType> notes, int number)
    {
        foreach (var note in notes)
        {
            // As text: the enumeration throws on an unknown value, and a note of an unknown type is still a note.
            if (note.Type?.InnerText is "separator" or "continuationSeparator" or "continuationNotice") continue;
            foreach (var p in ParagraphsOf(note))
            {
                number++;
                var text = ParagraphText.Of(p);
                if (text.Length > 0) manuscript.Paragraphs.Add(new ManuscriptParagraph(text, number, 1));
            }
        }
        return number;
    }

    // A text box has its paragraphs twice: as DrawingML (read) and as a VML fallback (skipped).
    private static IEnumerable<Paragraph> ParagraphsOf(OpenXmlElement container) =>
        container.Descendants<Paragraph>().Where(p => !InFallback(p, container));

    private static bool InFallback(OpenXmlElement element, OpenXmlElement container)
    {
        for (var e = element.Parent; e is not null && e != container; e = e.Parent)
            if (e is AlternateContentFallback) return true;
        return false;
    }

    private static TPart Check<TPart>(TPart part, string file) where TPart : OpenXmlPart
    {
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read)) PackageGuard.CheckXml(stream, file, part.Uri.OriginalString);
        return part;
    }

    // The zip reader and the SDK both need to seek: a seekable stream is read from its start and left open for
    // the caller to dispose; any other is copied, up to the size limit.
    private static Stream Seekable(Stream stream, string file)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
            return new NonClosing(stream);
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + n > PackageGuard.MaxPackageBytes) throw PackageGuard.Refuse(file, $"the file is larger than {PackageGuard.MaxPackageBytes >> 20} MB");
            buffer.Write(chunk, 0, n);
        }
        buffer.Position = 0;
        return buffer;
    }

    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
