using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static CiteWeb.Docx.Tests.Docx;

namespace CiteWeb.Docx.Tests;

public sealed class DocxManuscriptReaderTests
{
    private static Manuscript Read(Stream docx) => DocxManuscriptReader.Read(docx, "essay.docx");

    private static string[] Texts(Manuscript m) => m.Paragraphs.Select(p => p.Text).ToArray();

    [Fact]
    public void A_citation_split_across_runs_is_one_text()
    {
        var m = Read(Build([P(R("As Benjamin shows "), R("(Benj"), new Run(new RunProperties(new Italic()), new Text("amin 183)")), R("."))]));
        Assert.Equal("docx", m.Format);
        Assert.Equal("essay.docx", m.File);
        Assert.Equal(["As Benjamin shows (Benjamin 183)."], Texts(m));
    }

    [Fact]
    public void Paragraphs_are_numbered_counting_empty_ones_and_positions_are_paragraph_and_offset()
    {
        var m = Read(Build(Paragraphs("First.", "", "   ", "Third, as argued (Benjamin 183).")));
        Assert.Equal([(1, "First."), (4, "Third, as argued (Benjamin 183).")], m.Paragraphs.Select(p => (p.Line, p.Text)));
        var third = m.Paragraphs[1];
        var span = m.At(third, third.Text.IndexOf('(', StringComparison.Ordinal), 15);
        Assert.Equal((4, 18), (span.Line, span.Column));
    }

    [Fact]
    public void Citations_are_extracted_at_paragraph_and_column()
    {
        var m = Read(Build(Paragraphs("Intro.", "", "Race after technology (Benjamin 183).")));
        var citation = Assert.Single(CitationExtractor.Extract(m, new WorksIndex([])));
        Assert.Equal("(Benjamin 183)", citation.Text);
        Assert.Equal(("essay.docx", 3, 23), (citation.Span.File, citation.Span.Line, citation.Span.Column));
    }

    [Fact]
    public void Table_paragraphs_are_read_in_order()
    {
        var table = new Table(
            new TableRow(new TableCell(P("cell one (Tsing 5)")), new TableCell(P("cell two"), P("cell two, second"))),
            new TableRow(new TableCell(new Paragraph())));
        var m = Read(Build([P("Before."), table, P("After.")]));
        Assert.Equal([(1, "Before."), (2, "cell one (Tsing 5)"), (3, "cell two"), (4, "cell two, second"), (6, "After.")],
            m.Paragraphs.Select(p => (p.Line, p.Text)));
    }

    [Fact]
    public void Footnotes_and_endnotes_follow_the_body_numbered_after_it()
    {
        var body = new[] { P(R("Body text."), new Run(new FootnoteReference { Id = 1 })), new Paragraph() };
        var footnote = new Footnote(P(new Run(new FootnoteReferenceMark()), R(" See Benjamin (183).")), P("Second paragraph of the note.")) { Id = 1 };
        var endnote = new Endnote(P("An endnote (Tsing 5).")) { Id = 1 };
        var m = Read(Build(body, [footnote], [endnote]));
        Assert.Equal([(1, "Body text."), (3, " See Benjamin (183)."), (4, "Second paragraph of the note."), (5, "An endnote (Tsing 5).")],
            m.Paragraphs.Select(p => (p.Line, p.Text)));
    }

    [Fact]
    public void Tracked_deletions_are_skipped_and_insertions_kept()
    {
        var p = P(R("As argued "),
            new DeletedRun(new Run(new DeletedText("(Benjamin 18)"))) { Id = "1", Author = "A" },
            new InsertedRun(R("(Benjamin 183)")) { Id = "2", Author = "A" },
            new MoveFromRun(R("moved away ")) { Id = "3", Author = "A" },
            R("."));
        Assert.Equal(["As argued (Benjamin 183)."], Texts(Read(Build([p]))));
    }

    [Fact]
    public void Field_codes_are_skipped_and_results_kept()
    {
        var zotero = P(R("Seen before "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" ADDIN ZOTERO_ITEM CSL_CITATION {\"citationItems\":[]} ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            R("(Benjamin 183)"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            R(" and "),
            new SimpleField(R("(Tsing 5)")) { Instruction = " ADDIN EN.CITE " },
            R("."));
        Assert.Equal(["Seen before (Benjamin 183) and (Tsing 5)."], Texts(Read(Build([zotero]))));
    }

    [Fact]
    public void Tabs_breaks_and_hyphens()
    {
        var p = P(new Run(new Text("a"), new TabChar(), new Text("b"), new Break(), new Text("c"), new CarriageReturn(),
            new Text("co"), new SoftHyphen(), new Text("operation"), new NoBreakHyphen(), new Text("x")));
        Assert.Equal(["a\tb c cooperation-x"], Texts(Read(Build([p]))));
    }

    [Theory]
    [InlineData("Works Cited")]
    [InlineData("REFERENCES")]
    [InlineData("Bibliography")]
    [InlineData("  works cited:  ")]
    public void The_works_cited_heading_ends_the_body(string heading)
    {
        var m = Read(Build(Paragraphs("Body (Benjamin 183).", heading, "Benjamin, Ruha. Race After Technology. Polity, 2019.")));
        Assert.Equal(["Body (Benjamin 183)."], Texts(m));
    }

    [Fact]
    public void A_heading_in_a_sentence_or_notes_does_not_end_the_body()
    {
        var m = Read(Build(Paragraphs("Notes", "See the references in Benjamin (183).", "Works cited by Tsing (5).")));
        Assert.Equal(3, m.Paragraphs.Count);
    }

    [Fact]
    public void Footnotes_are_read_when_the_body_ends_at_works_cited()
    {
        var m = Read(Build(Paragraphs("Body.", "Works Cited", "Entry."), [new Footnote(P("A note (Tsing 5).")) { Id = 1 }]));
        Assert.Equal([(1, "Body."), (4, "A note (Tsing 5).")], m.Paragraphs.Select(p => (p.Line, p.Text)));
    }

    [Fact]
    public void An_empty_document_has_no_paragraphs()
    {
        Assert.Empty(Read(Build([])).Paragraphs);
        Assert.Empty(Read(Build(Paragraphs("", "", ""))).Paragraphs);
    }

    [Fact]
    public void A_document_without_a_body_has_no_paragraphs()
    {
        var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new Document();
        stream.Position = 0;
        Assert.Empty(Read(stream).Paragraphs);
    }

    [Fact]
    public void A_non_seekable_stream_is_read()
    {
        var bytes = Build(Paragraphs("One (Benjamin 183).")).ToArray();
        using var pipe = new ForwardOnly(bytes);
        Assert.Equal(["One (Benjamin 183)."], Texts(Read(pipe)));
    }

    [Fact]
    public void The_callers_stream_is_left_open()
    {
        var stream = Build(Paragraphs("One."));
        Read(stream);
        Assert.True(stream.CanRead);
    }

    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
