using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Interchange;

public sealed class RisReaderTests
{
    private static Bibliography ReadSample() => RisReader.Read(InterchangeSamples.Ris, "export.ris");

    /// <summary>One record of type GEN with the given lines.</summary>
    private static Reference ReadOne(string lines) =>
        Assert.Single(RisReader.Read($"TY  - GEN\n{lines}\nER  - \n", "x.ris").References);

    [Fact]
    public void Reads_a_zotero_export()
    {
        var bib = ReadSample();
        Assert.Equal("ris", bib.Format);
        Assert.Empty(bib.Diagnostics);
        Assert.Equal(["luchs2023", "dignazio2020", "burkhardt2019", "crunchbase2023"], bib.References.Select(r => r.Id));
        Assert.Equal(["article-journal", "book", "chapter", "webpage"], bib.References.Select(r => r.Type));
        Assert.Equal([1, 24, 38, 52], bib.References.Select(r => r.Source!.Value.Line));
    }

    [Fact]
    public void Reads_the_journal_article()
    {
        var r = ReadSample().References[0];
        Assert.Equal("Learning Machine Learning: On the Political Economy of AI Online Courses", r.Title);
        Assert.Equal(["Luchs, Inga", "Apprich, Clemens", "Broersma, Marcel"], r.Author.Select(n => $"{n.Family}, {n.Given}"));
        Assert.Equal("Big Data & Society", r.ContainerTitle);
        Assert.Equal("Big Data Soc.", r[Csl.ContainerTitleShort]);
        Assert.Equal("This article examines online courses that teach machine learning.", r[Csl.Abstract]);
        Assert.Equal(PartialDate.FromYear(2023, 1), r.Issued); // DA is more precise than PY
        Assert.Equal(PartialDate.FromYear(2023, 5, 17), r.Dates[Csl.Accessed]);
        Assert.Equal("10.1177/20539517231153806", r.Doi);
        Assert.Equal(("10", "1", "20539517231153806"), (r[Csl.Volume], r[Csl.Issue], r.Page));
        Assert.Equal("en", r[Csl.Language]);
        Assert.Equal("2053-9517", r[Csl.Issn]);
        Assert.Null(r[Csl.Isbn]);
        Assert.Equal("https://doi.org/10.1177/20539517231153806", r.Url);
        Assert.Equal("democratization, machine learning", r[Csl.Keyword]);
        Assert.Equal("SAGE Journals", r.Custom["dp"]);
        Assert.Equal(1, r.Custom.Count);
        Assert.StartsWith("TY  - JOUR\nTI  - Learning", r.Raw);
        Assert.EndsWith("KW  - machine learning\nER  -", r.Raw);
    }

    [Fact]
    public void Reads_the_book_with_book_semantics()
    {
        var r = ReadSample().References[1];
        Assert.Equal("Data Feminism", r.Title);
        Assert.Equal([new PersonName { Family = "D’Ignazio", Given = "Catherine" }, new PersonName { Family = "Klein", Given = "Lauren F." }], r.Author);
        Assert.Equal("Strong Ideas", r[Csl.CollectionTitle]); // T2 of a BOOK is its series
        Assert.Null(r.ContainerTitle);
        Assert.Equal(("The MIT Press", "Cambridge, MA"), (r.Publisher, r[Csl.PublisherPlace]));
        Assert.Equal(PartialDate.FromYear(2020), r.Issued);
        Assert.Equal("1", r[Csl.Edition]);
        Assert.Equal("328", r[Csl.NumberOfPages]);     // a lone SP of a BOOK is its page count
        Assert.Null(r.Page);
        Assert.Equal("978-0-262-04400-4", r[Csl.Isbn]);
    }

    [Fact]
    public void Reads_the_chapter_and_the_web_page()
    {
        var chapter = ReadSample().References[2];
        Assert.Equal("The Democratization of Artificial Intelligence", chapter.ContainerTitle);
        Assert.Equal([new PersonName { Family = "Sudmann", Given = "Andreas" }], chapter.Editor);
        Assert.Equal("209–221", chapter.Page);
        Assert.Equal("978-3-8376-4719-8", chapter[Csl.Isbn]);

        var page = ReadSample().References[3];
        Assert.Equal([PersonName.Organisation("Crunchbase")], page.Author);
        Assert.Equal("Crunchbase", page.ContainerTitle);
        Assert.Equal("https://www.crunchbase.com/organization/hugging-face", page.Url);
        Assert.Equal("https://web.archive.org/web/2023/https://www.crunchbase.com/organization/hugging-face", page.Custom["url2"]);
        Assert.Equal(PartialDate.FromYear(2023, 3, 15), page.Dates[Csl.Accessed]);
        // M3 of a web page is its kind (Zotero's websiteType), CSL's genre.
        Assert.Equal("Company profile", page[Csl.Genre]);
    }

    [Fact]
    public void Crlf_and_a_byte_order_mark_change_nothing()
    {
        var crlf = RisReader.Read("\uFEFF" + InterchangeSamples.Ris.ReplaceLineEndings("\r\n"), "export.ris");
        var lf = ReadSample();
        Assert.Empty(crlf.Diagnostics);
        Assert.Equal(lf.References.Count, crlf.References.Count);
        for (int i = 0; i < lf.References.Count; i++)
        {
            Assert.True(ReferenceComparer.ContentEquals(lf.References[i], crlf.References[i], out var difference), difference);
            Assert.Equal(lf.References[i].Source!.Value.Line, crlf.References[i].Source!.Value.Line);
        }
        Assert.Equal((1, 1, 1), (crlf.References[0].Source!.Value.Line, crlf.References[0].Source!.Value.Column, crlf.References[0].Source!.Value.Offset));
        Assert.EndsWith("KW  - machine learning\r\nER  -", crlf.References[0].Raw);
    }

    [Theory]
    [InlineData("SP  - 209\nEP  - 221", "209–221")]
    [InlineData("SP  - 209", "209")]
    [InlineData("SP  - 209-221", "209-221")]
    [InlineData("EP  - 221\nSP  - 209", "209–221")]
    [InlineData("EP  - 221", "221")]
    [InlineData("SP  - e1002\nEP  - e1010", "e1002–e1010")]
    public void Joins_SP_and_EP_with_an_en_dash(string lines, string page) => Assert.Equal(page, ReadOne(lines).Page);

    [Theory]
    [InlineData("Luchs, Inga", "Luchs", "Inga", null, null, null, null)]
    [InlineData("Luchs,Inga", "Luchs", "Inga", null, null, null, null)]
    [InlineData("King, Martin Luther, Jr.", "King", "Martin Luther", null, null, "Jr.", null)]
    [InlineData("van Dijck, José", "Dijck", "José", "van", null, null, null)]
    [InlineData("de la Cruz, Juana Inés", "Cruz", "Juana Inés", "de la", null, null, null)]
    [InlineData("Beethoven, Ludwig van", "Beethoven", "Ludwig", null, "van", null, null)]
    [InlineData("hooks, bell", "hooks", "bell", null, null, null, null)]
    [InlineData("Steyerl,", "Steyerl", null, null, null, null, null)]
    [InlineData("World Health Organization", null, null, null, null, null, "World Health Organization")]
    public void Splits_names(string value, string? family, string? given, string? ndp, string? dp, string? suffix, string? literal) =>
        Assert.Equal(
            new PersonName { Family = family, Given = given, NonDroppingParticle = ndp, DroppingParticle = dp, Suffix = suffix, Literal = literal },
            ReadOne("AU  - " + value).Author[0]);

    [Theory]
    [InlineData("A1  - Luchs, Inga\nAU  - Apprich, Clemens", "author", "Luchs; Apprich")]
    [InlineData("A2  - Sudmann, Andreas\nED  - Apprich, Clemens", "editor", "Sudmann; Apprich")]
    [InlineData("A3  - Stalder, Felix", "collection-editor", "Stalder")]
    [InlineData("A4  - Cramer, Florian", "translator", "Cramer")]
    public void Maps_name_tags_to_roles(string lines, string role, string families) =>
        Assert.Equal(families, string.Join("; ", ReadOne(lines).Names[role].Select(n => n.Family)));

    [Theory]
    [InlineData("PY  - 2019", "2019")]
    [InlineData("PY  - 2019///", "2019")]
    [InlineData("Y1  - 1990/2/27", "1990-02-27")]
    [InlineData("DA  - 2019/03/02/", "2019-03-02")]
    [InlineData("DA  - 2019/03//", "2019-03")]
    [InlineData("DA  - 2019/00/00/", "2019")]
    [InlineData("DA  - 2019///Spring", "2019-21")]
    [InlineData("DA  - 2019-03-02", "2019-03-02")]
    [InlineData("PY  - 2019\nDA  - 2019/05/04/", "2019-05-04")]
    [InlineData("DA  - 2019/09/23/2019-09-23/2019-09-27", "2019-09-23/2019-09-27")] // CiteWeb's EDTF in "other"
    [InlineData("DA  - 1995///1995~", "1995~")]
    [InlineData("DA  - -0044", "-0044")]
    [InlineData("DA  - forthcoming", "forthcoming")]
    public void Reads_dates(string lines, string issued) => Assert.Equal(issued, ReadOne(lines).Issued!.ToString());

    [Fact]
    public void A_year_that_disagrees_with_DA_is_kept_in_custom()
    {
        var r = ReadOne("PY  - 2019\nDA  - 2018/05/04/");
        Assert.Equal(PartialDate.FromYear(2018, 5, 4), r.Issued);
        Assert.Equal("2019", r.Custom["py"]);
    }

    [Theory]
    [InlineData("JOUR", "article-journal")]
    [InlineData("BOOK", "book")]
    [InlineData("EDBOOK", "book")]
    [InlineData("CHAP", "chapter")]
    [InlineData("CONF", "paper-conference")]
    [InlineData("CPAPER", "paper-conference")]
    [InlineData("THES", "thesis")]
    [InlineData("RPRT", "report")]
    [InlineData("ELEC", "webpage")]
    [InlineData("WEB", "webpage")]
    [InlineData("BLOG", "post-weblog")]
    [InlineData("NEWS", "article-newspaper")]
    [InlineData("MGZN", "article-magazine")]
    [InlineData("VIDEO", "motion_picture")]
    [InlineData("MPCT", "motion_picture")]
    [InlineData("SLIDE", "speech")]
    [InlineData("SOUND", "song")]
    [InlineData("GEN", "document")]
    public void Maps_ris_types(string risType, string cslType)
    {
        var bib = RisReader.Read($"TY  - {risType}\nTI  - T\nER  - \n", "x.ris");
        Assert.Equal(cslType, Assert.Single(bib.References).Type);
        Assert.Empty(bib.Diagnostics);
    }

    [Fact]
    public void An_unknown_type_is_read_as_document_with_a_warning()
    {
        var bib = RisReader.Read("TY  - XYZ\nTI  - T\nER  - \n", "x.ris");
        Assert.Equal("document", bib.References[0].Type);
        Assert.Equal("x.ris:1:1: warning CW212: unknown RIS type \"XYZ\"; read as \"document\"", Assert.Single(bib.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("SN  - 2053-9517", "ISSN")]
    [InlineData("SN  - 1234-567X", "ISSN")]
    [InlineData("SN  - 978-0-262-04400-4", "ISBN")]
    [InlineData("SN  - 0262044005", "ISBN")]
    public void Tells_ISBN_from_ISSN_by_shape(string line, string variable) => Assert.NotNull(ReadOne(line)[variable]);

    [Fact]
    public void Continuation_lines_continue_the_value_above()
    {
        var r = ReadOne("TI  - The Californian\nIdeology\nAB  - First paragraph,\nstill the first.\n\nSecond paragraph.\nN1  - A note");
        Assert.Equal("The Californian Ideology", r.Title);
        Assert.Equal("First paragraph,\nstill the first.\n\nSecond paragraph.", r[Csl.Abstract]);
        Assert.Equal("A note", r[Csl.Note]);
    }

    [Fact]
    public void A_garbage_line_is_skipped_with_its_position()
    {
        const string ris = "TY  - JOUR\nTI  - The Californian Ideology\nPY  - 1995\nthis line is garbage\nVL  - 1\nTI -broken tag\nER  - \n";
        var bib = RisReader.Read(ris, "x.ris");
        var r = Assert.Single(bib.References);
        Assert.Equal(("The Californian Ideology", "1", PartialDate.FromYear(1995)), (r.Title, r[Csl.Volume], r.Issued));
        Assert.Equal(
            [
                "x.ris:4:1: warning CW210: a line without a tag that does not continue a value; skipped",
                "x.ris:6:1: warning CW210: malformed tag line (expected \"XX  - value\"); skipped",
            ],
            bib.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_record_missing_ER_is_kept()
    {
        const string ris = "TY  - BOOK\nTI  - Technotopia\nPY  - 2017\nTY  - JOUR\nTI  - The Californian Ideology\nER  - \n\nTY  - GEN\nTI  - Unfinished";
        var bib = RisReader.Read(ris, "x.ris");
        Assert.Equal(["Technotopia", "The Californian Ideology", "Unfinished"], bib.References.Select(r => r.Title));
        Assert.Equal(
            [
                "x.ris:1:1: warning CW211: this record has no ER before the next TY; the record is kept",
                "x.ris:8:1: warning CW211: the file ends inside this record: ER is missing; the record is kept",
            ],
            bib.Diagnostics.Select(d => d.ToString()));
        Assert.Equal("TY  - BOOK\nTI  - Technotopia\nPY  - 2017", bib.References[0].Raw);
    }

    [Fact]
    public void Text_outside_records_is_reported_once_per_run()
    {
        const string ris = "Exported from a catalogue\nPage 1 of 1\n\nTY  - GEN\nTI  - T\nER  - \nTI  - stray tag\n";
        var bib = RisReader.Read(ris, "x.ris");
        Assert.Single(bib.References);
        Assert.Equal(
            [
                "x.ris:1:1: warning CW210: text outside a record (before TY or after ER); skipped",
                "x.ris:7:1: warning CW210: tag TI outside a record (before TY or after ER); skipped",
            ],
            bib.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("TI - One space before the dash", "One space before the dash")] // Zotero accepts it
    [InlineData("ti  - Lower-case tag", "Lower-case tag")]                       // only in the strict form
    [InlineData("TI  -   Padded value   ", "Padded value")]
    public void Tolerates_loose_tag_lines(string line, string title) => Assert.Equal(title, ReadOne(line).Title);

    [Fact]
    public void Unmapped_tags_go_to_custom_and_unknown_ones_are_reported()
    {
        var bib = RisReader.Read("TY  - GEN\nM3  - Company profile\nC1  - a\nC1  - b\nZZ  - odd\nER  - \n", "x.ris");
        var r = bib.References[0];
        Assert.Equal(("Company profile", "a\nb", "odd"), (r.Custom["m3"], r.Custom["c1"], r.Custom["zz"]));
        Assert.Equal("x.ris:5:1: info CW212: tag ZZ is not in the RIS specification; kept in custom as \"zz\"", Assert.Single(bib.Diagnostics).ToString());
    }

    [Fact]
    public void Makes_up_unique_ids_and_renames_duplicate_ones()
    {
        const string ris = """
            TY  - GEN
            AU  - Apprich, Clemens
            PY  - 2018
            ER  -
            TY  - GEN
            AU  - Apprich, Clemens
            PY  - 2018
            ER  -
            TY  - GEN
            ID  - apprich2018
            ER  -
            TY  - GEN
            ID  - x
            ER  -
            TY  - GEN
            ID  - x
            ER  -
            TY  - GEN
            TI  - The AI 50
            ER  -
            """;
        var bib = RisReader.Read(ris, "x.ris");
        Assert.Equal(["apprich2018a", "apprich2018b", "apprich2018", "x", "x-2", "thend"], bib.References.Select(r => r.Id));
        Assert.Equal("x.ris:15:1: warning CW206: ID \"x\" is used by an earlier record; this one is kept as \"x-2\"", Assert.Single(bib.Diagnostics).ToString());
    }
}
