using System.Text;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Interchange;

public sealed class RisWriterTests
{
    private static Reference Apprich()
    {
        var r = new Reference("apprich2018", "chapter")
        {
            Title = "Introduction",
            ContainerTitle = "Pattern Discrimination: <span class=\"nocase\">meson</span> <i>press</i>",
            Publisher = "meson press",
            Page = "ix–xii",
            Url = "https://meson.press/books/pattern-discrimination/",
            Issued = PartialDate.FromYear(2018, 11),
        };
        r[Csl.PublisherPlace] = "Lüneburg";
        r[Csl.Isbn] = "978-3-95796-151-9, 978-1-5179-0645-0";
        r[Csl.Keyword] = "pattern recognition, big data";
        r[Csl.Note] = "First line\nSecond line";
        r.Names[Csl.Editor] = [new PersonName { Family = "Chun", Given = "Wendy Hui Kyong" }, new PersonName { Family = "Dijck", Given = "José", NonDroppingParticle = "van" }];
        r.Names[Csl.Author] = [new PersonName { Family = "Apprich", Given = "Clemens" }];
        r.Dates[Csl.Accessed] = PartialDate.FromYear(2023, 5, 17);
        r.Custom["organization"] = "meson press"; // no RIS tag: not written
        r.Custom["m3"] = "Essay";
        r.Custom["url2"] = "https://web.archive.org/web/2023/https://meson.press/";
        return r;
    }

    [Fact]
    public void Writes_one_record_with_tags_in_a_fixed_order_and_crlf()
    {
        const string expected = """
            TY  - CHAP
            ID  - apprich2018
            TI  - Introduction
            AU  - Apprich, Clemens
            A2  - Chun, Wendy Hui Kyong
            A2  - van Dijck, José
            T2  - Pattern Discrimination: meson press
            PY  - 2018
            DA  - 2018/11//
            Y2  - 2023/05/17/
            SP  - ix
            EP  - xii
            PB  - meson press
            CY  - Lüneburg
            SN  - 978-3-95796-151-9
            SN  - 978-1-5179-0645-0
            UR  - https://meson.press/books/pattern-discrimination/
            UR  - https://web.archive.org/web/2023/https://meson.press/
            KW  - pattern recognition
            KW  - big data
            N1  - First line
            Second line
            M3  - Essay
            ER  -


            """;
        // The expected text has no trailing spaces (editors strip them); the writer ends ER with one, as RIS does.
        Assert.Equal(expected.Replace("ER  -\n", "ER  - \n").ReplaceLineEndings("\r\n"), RisWriter.Write([Apprich()]));
    }

    [Fact]
    public void Writes_lf_when_asked()
    {
        var ris = RisWriter.Write([new Reference("a", "book") { Title = "T" }], new RisWriterOptions { NewLine = "\n" });
        Assert.Equal("TY  - BOOK\nID  - a\nTI  - T\nER  - \n\n", ris);
    }

    [Theory]
    [InlineData("209–221", "SP  - 209\nEP  - 221\n")]
    [InlineData("209-221", "SP  - 209\nEP  - 221\n")]
    [InlineData("209", "SP  - 209\n")]
    [InlineData("209-211, 215", "SP  - 209-211, 215\n")]
    [InlineData("e1002–e1010", "SP  - e1002\nEP  - e1010\n")]
    public void Splits_the_page_range(string page, string expected) =>
        Assert.Contains(expected, RisWriter.Write([new Reference("a", "article-journal") { Page = page }], new RisWriterOptions { NewLine = "\n" }));

    [Theory]
    [InlineData("2019", "PY  - 2019\nDA  - 2019///\n")]
    [InlineData("2019-03-02", "PY  - 2019\nDA  - 2019/03/02/\n")]
    [InlineData("2019-09-23/2019-09-27", "PY  - 2019\nDA  - 2019/09/23/2019-09-23/2019-09-27\n")]
    [InlineData("1995~", "PY  - 1995\nDA  - 1995///1995~\n")]
    [InlineData("1995-23", "PY  - 1995\nDA  - 1995///1995-23\n")]
    [InlineData("-0044", "DA  - -0044\n")]
    public void Writes_dates(string edtf, string expected) =>
        Assert.Contains(expected, RisWriter.Write([new Reference("a", "book") { Issued = PartialDate.TryParseIso(edtf) }], new RisWriterOptions { NewLine = "\n" }));

    [Theory]
    [InlineData("King", "Martin Luther", null, null, "Jr.", null, "King, Martin Luther, Jr.")]
    [InlineData("Beethoven", "Ludwig", null, "van", null, null, "Beethoven, Ludwig van")]
    [InlineData("Steyerl", null, null, null, null, null, "Steyerl,")]
    [InlineData(null, null, null, null, null, "Google AI", "Google AI")]
    public void Writes_names_last_first_suffix(string? family, string? given, string? ndp, string? dp, string? suffix, string? literal, string expected)
    {
        var r = new Reference("a", "book");
        r.Names[Csl.Author] = [new PersonName { Family = family, Given = given, NonDroppingParticle = ndp, DroppingParticle = dp, Suffix = suffix, Literal = literal }];
        Assert.Contains("AU  - " + expected + "\n", RisWriter.Write([r], new RisWriterOptions { NewLine = "\n" }));
    }

    [Fact]
    public void A_continuation_line_that_looks_like_a_tag_is_indented_and_reads_back()
    {
        var r = new Reference("a", "report");
        r[Csl.Abstract] = "First paragraph.\n\nTY  - not a record\nAI - not a tag either";
        var ris = RisWriter.Write([r], new RisWriterOptions { NewLine = "\n" });
        Assert.Contains("AB  - First paragraph.\n\n TY  - not a record\n AI - not a tag either\n", ris);
        var back = RisReader.Read(ris, "x.ris");
        Assert.Empty(back.Diagnostics);
        Assert.Equal(r[Csl.Abstract], Assert.Single(back.References)[Csl.Abstract]);
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark_to_a_stream()
    {
        using var stream = new MemoryStream();
        RisWriter.Write([new Reference("a", "book") { Title = "Kjøsen" }], stream);
        Assert.Equal("TY  - BOOK\r\nID  - a\r\nTI  - Kjøsen\r\nER  - \r\n\r\n", Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal((byte)'T', stream.ToArray()[0]);
    }

    [Fact]
    public void Reading_the_export_back_after_writing_it_gives_the_same_references()
    {
        var first = RisReader.Read(InterchangeSamples.Ris, "export.ris");
        var second = RisReader.Read(RisWriter.Write(first.References), "again.ris");
        Assert.Empty(second.Diagnostics);
        Assert.Equal(first.References.Count, second.References.Count);
        for (int i = 0; i < first.References.Count; i++)
            Assert.True(ReferenceComparer.ContentEquals(first.References[i], second.References[i], out var difference), difference);
    }

    [Fact]
    public void Every_csl_type_with_a_ris_type_of_its_own_comes_back()
    {
        string[] types = ["article-journal", "article-magazine", "article-newspaper", "bill", "book", "chapter", "classic",
            "dataset", "document", "entry-dictionary", "entry-encyclopedia", "figure", "graphic", "hearing", "legal_case",
            "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
            "personal_communication", "post-weblog", "report", "software", "song", "speech", "standard", "thesis", "webpage"];
        var written = types.Select((t, i) => new Reference("r" + i, t) { Title = "T" }).ToList();
        Assert.Equal(types, RisReader.Read(RisWriter.Write(written), "x.ris").References.Select(r => r.Type));
    }

    [Fact]
    public void A_csl_type_without_a_ris_type_is_written_as_GEN()
    {
        Assert.StartsWith("TY  - GEN\r\n", RisWriter.Write([new Reference("a", "interview")]));
    }
}
