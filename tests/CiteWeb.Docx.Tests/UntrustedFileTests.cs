using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using static CiteWeb.Docx.Tests.Docx;

namespace CiteWeb.Docx.Tests;

/// <summary>A .docx is untrusted input: the reader refuses with <see cref="DocxReadException"/>, never crashes or balloons.</summary>
public sealed class UntrustedFileTests
{
    private static DocxReadException Refused(Stream stream) =>
        Assert.Throws<DocxReadException>(() => DocxManuscriptReader.Read(stream, "bad.docx"));

    [Fact]
    public void Random_bytes_are_not_a_word_document()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        var e = Refused(new MemoryStream(bytes));
        Assert.StartsWith("not a Word document (.docx): bad.docx", e.Message, StringComparison.Ordinal);
        Assert.Equal("bad.docx", e.File);
    }

    [Fact]
    public void An_empty_file_and_plain_text_are_not_word_documents()
    {
        Refused(new MemoryStream());
        Refused(new MemoryStream(Encoding.UTF8.GetBytes("Works Cited\nBenjamin, Ruha. Race After Technology. Polity, 2019.\n")));
    }

    [Fact]
    public void A_zip_that_is_not_a_word_package_is_refused()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
            writer.Write("hello");
        stream.Position = 0;
        Assert.Contains("not a Word document", Refused(stream).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_anything_is_inflated()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) entry.Write(zeros);
        }
        Assert.True(stream.Length < 2 << 20, $"the bomb is {stream.Length} bytes");
        stream.Position = 0;
        var clock = Stopwatch.StartNew();
        var e = Refused(stream);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"refusing took {clock.ElapsedMilliseconds} ms");
        Assert.Contains("word/document.xml", e.Message, StringComparison.Ordinal);
        Assert.Contains("refused", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_compressed_beyond_the_ratio_is_refused()
    {
        // A valid document whose document.xml is padded with 8 MB of spaces: small, but a 1000:1 ratio.
        var docx = Build(Paragraphs("Body."));
        Replace(docx, "word/document.xml", xml => xml.Replace("<w:body>", "<w:body>" + new string(' ', 8 << 20), StringComparison.Ordinal));
        Assert.Contains("compressed", Refused(docx).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_that_understates_its_size_is_not_inflated_past_it()
    {
        // 16 MB of spaces that the zip's headers declare to be 4 KB: the checks pass, the inflater must stop at 4 KB.
        var docx = Build(Paragraphs("Body."));
        Replace(docx, "word/document.xml", xml => xml.Replace("<w:body>", "<w:body>" + new string(' ', 16 << 20), StringComparison.Ordinal));
        var bytes = docx.ToArray();
        Understate(bytes, "word/document.xml", 4096);
        // The part ends where it said it would, mid-element.
        Assert.Contains("/word/document.xml: Unexpected end of file", Refused(new MemoryStream(bytes)).Message, StringComparison.Ordinal);
    }

    // Rewrites the uncompressed size of an entry in its local header and in the central directory.
    private static void Understate(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.ASCII.GetBytes(entryName);
        int patched = 0;
        for (int i = 0; i + 46 < zip.Length; i++)
        {
            uint signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
                patched++;
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
                patched++;
            }
        }
        Assert.Equal(2, patched);
    }

    [Fact]
    public void A_dtd_and_entity_bomb_is_refused_without_expansion()
    {
        var docx = Build(Paragraphs("Body."));
        var entities = new StringBuilder("<!DOCTYPE w:document [<!ENTITY e0 \"lol\">");
        for (int i = 1; i <= 12; i++) entities.Append($"<!ENTITY e{i} \"" + string.Concat(Enumerable.Repeat($"&e{i - 1};", 10)) + "\">");
        entities.Append("]>");
        Replace(docx, "word/document.xml", xml =>
        {
            int rootStart = xml.IndexOf("<w:document", StringComparison.Ordinal);
            return xml[..rootStart] + entities + xml[rootStart..].Replace("Body.", "&e12;", StringComparison.Ordinal);
        });
        var clock = Stopwatch.StartNew();
        Assert.Contains("DTD", Refused(docx).Message, StringComparison.Ordinal);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"refusing took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Runaway_nesting_is_refused_not_a_stack_overflow()
    {
        var docx = Build(Paragraphs("Body."));
        const int depth = 100_000;
        Replace(docx, "word/document.xml", xml =>
        {
            var nested = new StringBuilder();
            for (int i = 0; i < depth; i++) nested.Append("<w:sdt><w:sdtContent>");
            nested.Append("<w:p><w:r><w:t>deep</w:t></w:r></w:p>");
            for (int i = 0; i < depth; i++) nested.Append("</w:sdtContent></w:sdt>");
            return xml.Replace("<w:body>", "<w:body>" + nested, StringComparison.Ordinal);
        });
        Assert.Contains("deeper", Refused(docx).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Odd_but_well_formed_markup_is_read()
    {
        var docx = Build(Paragraphs("Body."), [new DocumentFormat.OpenXml.Wordprocessing.Footnote(P("Note.")) { Id = 1 }]);
        Replace(docx, "word/document.xml", xml => xml.Replace("<w:p>", "<w:p><w:r><w:fldChar w:fldCharType=\"bogus\"/><w:fldChar w:fldCharType=\"end\"/>"
            + "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:t>stray </w:t><w:unknown><w:r><w:t>unknown </w:t></w:r></w:unknown>", StringComparison.Ordinal));
        Replace(docx, "word/footnotes.xml", xml => xml.Replace("<w:footnote w:id=\"1\"", "<w:footnote w:type=\"bogus\" w:id=\"1\"", StringComparison.Ordinal));
        var m = DocxManuscriptReader.Read(docx, "odd.docx");
        // Unknown and unmatched field characters are ignored; text out of place in the schema (the SDK reads it as
        // unknown elements) is not read; a note of an unknown type is still a note.
        Assert.Equal([(1, "Body."), (2, "Note.")], m.Paragraphs.Select(p => (p.Line, p.Text)));
    }

    [Fact]
    public void A_truncated_document_is_refused_or_read()
    {
        var bytes = Build(Paragraphs("First (Benjamin 183).", "Second (Tsing 5).")).ToArray();
        for (int length = 0; length < bytes.Length; length += Math.Max(1, bytes.Length / 200))
        {
            try { DocxManuscriptReader.Read(new MemoryStream(bytes, 0, length), "cut.docx"); }
            catch (DocxReadException) { }
        }
    }

    [Fact]
    public void Damaged_bytes_never_escape_as_another_exception()
    {
        var original = Build([P("First (Benjamin 183)."), P("Second.")], [new DocumentFormat.OpenXml.Wordprocessing.Footnote(P("A note.")) { Id = 1 }]).ToArray();
        var random = new Random(7);
        for (int round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            for (int flips = random.Next(1, 8); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            try { DocxManuscriptReader.Read(new MemoryStream(bytes), "fuzz.docx"); }
            catch (DocxReadException) { }
        }
    }

    private static void Replace(MemoryStream docx, string entryName, Func<string, string> edit)
    {
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Update, leaveOpen: true))
        {
            var old = zip.GetEntry(entryName)!;
            string xml;
            using (var reader = new StreamReader(old.Open())) xml = reader.ReadToEnd();
            old.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(edit(xml));
        }
        docx.Position = 0;
    }
}
