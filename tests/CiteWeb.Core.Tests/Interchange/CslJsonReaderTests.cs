using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Interchange;

public sealed class CslJsonReaderTests
{
    private static Bibliography ReadSample() => CslJsonReader.Read(InterchangeSamples.CslJson, "refs.json");

    [Fact]
    public void Reads_every_item_of_a_realistic_file()
    {
        var bib = ReadSample();
        Assert.Equal("csl-json", bib.Format);
        Assert.Equal(["luchs2023", "dignazio2020", "burkhardt2019", "crunchbase2023", "srnicek2019"], bib.References.Select(r => r.Id));
        Assert.Equal(["article-journal", "book", "chapter", "webpage", "speech"], bib.References.Select(r => r.Type));
    }

    [Fact]
    public void Reads_strings_and_numbers_as_strings()
    {
        var luchs = ReadSample().References[0];
        Assert.Equal("Learning Machine Learning: On the Political Economy of <i>AI</i> Online Courses", luchs.Title);
        Assert.Equal("Big Data & Society", luchs.ContainerTitle);
        Assert.Equal("10", luchs[Csl.Volume]);
        Assert.Equal("1", luchs[Csl.Issue]);
        Assert.Equal("20539517231153806", luchs.Page);
        Assert.Equal("10.1177/20539517231153806", luchs.Doi);
        Assert.Equal("2053-9517", luchs[Csl.Issn]);
        Assert.Equal("1", ReadSample().References[1][Csl.Edition]);
    }

    [Fact]
    public void Reads_names_with_every_part()
    {
        var bib = ReadSample();
        Assert.Equal(
            [new PersonName { Family = "Luchs", Given = "Inga" }, new PersonName { Family = "Apprich", Given = "Clemens" },
             new PersonName { Family = "Broersma", Given = "Marcel" }],
            bib.References[0].Author);
        var burkhardt = bib.References[2];
        Assert.Equal([new PersonName { Family = "Sudmann", Given = "Andreas" }], burkhardt.Editor);
        Assert.Equal(
            [new PersonName { Family = "Dijck", Given = "José", NonDroppingParticle = "van" },
             new PersonName { Family = "Beethoven", Given = "Ludwig", DroppingParticle = "van", Suffix = "Jr." }],
            burkhardt.Names[Csl.Translator]);
        Assert.Equal([PersonName.Organisation("Crunchbase")], bib.References[3].Author);
    }

    [Fact]
    public void Reads_every_form_of_date()
    {
        var bib = ReadSample();
        Assert.Equal(PartialDate.FromYear(2023, 1), bib.References[0].Issued);
        Assert.Equal(PartialDate.FromYear(2023, 5, 17), bib.References[0].Dates[Csl.Accessed]); // parts as strings
        Assert.Equal(PartialDate.FromYear(2019, 11), bib.References[2].Issued);                  // "raw"
        Assert.Equal(PartialDate.FromYear(1995, 23), bib.References[2].Dates[Csl.OriginalDate]); // season 3 = EDTF 23
        Assert.Equal(PartialDate.FromYear(2023) with { Circa = true }, bib.References[3].Issued);
        Assert.Equal(PartialDate.FromLiteral("spring 2023"), bib.References[3].Dates[Csl.Accessed]);
        Assert.Equal(new PartialDate { Start = new DateParts(2019, 9, 23), End = new DateParts(2019, 9, 27) }, bib.References[4].Issued);
    }

    [Fact]
    public void Keeps_variables_the_model_does_not_type_in_custom_and_reports_only_unknown_ones()
    {
        var bib = ReadSample();
        Assert.Equal("SAGE Journals", bib.References[0].Custom["source"]);
        Assert.Equal("true", bib.References[0].Custom["x-zotero-starred"]);
        Assert.Equal("[{\"family\":\"Apprich\"}]", bib.References[2].Custom["composer"]);
        Assert.Equal("[\"AI\",\"political economy\"]", bib.References[4].Custom["categories"]);
        var diagnostic = Assert.Single(bib.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownCslVariable, diagnostic.Code);
        Assert.Equal(Severity.Info, diagnostic.Severity);
        Assert.Equal("refs.json:20:5", diagnostic.Span.ToString());
    }

    [Fact]
    public void Reads_the_custom_object_back_into_provenance()
    {
        var dignazio = ReadSample().References[1];
        Assert.Equal(new SourceSpan("bib/luchs-2023.txt", 127, 1), dignazio.Source);
        Assert.Equal("D’Ignazio, Catherine and Lauren F. Klein. Data Feminism. The MIT Press, 2020.", dignazio.Raw);
        Assert.Equal(0.92, dignazio.Confidence);
        Assert.Equal("mla", dignazio.Custom["style"]);
        Assert.Single(dignazio.Custom);
    }

    [Fact]
    public void Without_custom_provenance_an_item_points_at_itself()
    {
        var luchs = ReadSample().References[0];
        // Line 2, column 3: "  {" after "[\n"; offset 4.
        Assert.Equal("refs.json", luchs.Source!.Value.File);
        Assert.Equal((2, 3, 4), (luchs.Source.Value.Line, luchs.Source.Value.Column, luchs.Source.Value.Offset));
        Assert.StartsWith("{\n    \"id\": \"luchs2023\",", luchs.Raw);
        Assert.EndsWith("\"x-zotero-starred\": true\n  }", luchs.Raw);
        Assert.Equal(luchs.Raw!.Length, luchs.Source.Value.Length);
        Assert.Equal(new SourceSpan("refs.json", 69, 3), ReadSample().References[4].Source!.Value with { Offset = 0, Length = 0 });
    }

    [Fact]
    public void A_bad_item_is_reported_where_it_is_and_the_good_items_around_it_survive()
    {
        const string json = """
            [
              {"id": "apprich2017", "type": "book", "title": "Technotopia"},
              42,
              {"type": "book", "title": "No id"},
              {"id": "broken", "type": "book" "title": "Missing comma"},
              {"id": "apprich2018", "type": "chapter", "title": "Introduction"}
            ]
            """;
        var bib = CslJsonReader.Read(json, "bad.json");

        Assert.Equal(["apprich2017", "apprich2018"], bib.References.Select(r => r.Id));
        Assert.Equal((2, 3), (bib.References[0].Source!.Value.Line, bib.References[0].Source!.Value.Column));
        Assert.Equal((6, 3), (bib.References[1].Source!.Value.Line, bib.References[1].Source!.Value.Column));
        Assert.Equal("Introduction", bib.References[1].Title);
        Assert.Equal(
            [
                "bad.json:3:3: error CW201: item 2 is a number, not an object; skipped",
                "bad.json:4:3: error CW201: item 3 has no \"id\"; skipped",
                "bad.json:5:35: error CW200: invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'.",
                "bad.json:5:3: warning CW201: item 4 could not be read; skipped up to line 6",
            ],
            bib.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("[\n  {\"id\": \"a\", \"type\": \"book\",}\n]", 2, 30)]                     // trailing comma in an object
    [InlineData("[\n  {\"id\": \"a\", \"type\": tru}\n]", 2, 26)]                           // "tru" breaks at the "}"
    [InlineData("[{\"id\": \"ä\", \"type\": \"book\", x}]", 1, 30)]                         // ä is two bytes, one column
    [InlineData("[\n  {\"id\": \"a\",\n   \"title\": \"Über\"\n   \"type\": \"book\"}\n]", 4, 4)] // missing comma, third line
    [InlineData("TY  - JOUR", 1, 1)]                                                         // not JSON at all
    public void Invalid_json_gives_CW200_at_its_line_and_column(string json, int line, int column)
    {
        var bib = CslJsonReader.Read(json, "x.json");
        var error = bib.Diagnostics.First(d => d.Code == DiagnosticCodes.InvalidJson);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void A_truncated_file_keeps_the_items_before_the_cut()
    {
        const string json = "[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"b\", \"ty";
        var bib = CslJsonReader.Read(json, "cut.json");
        Assert.Equal("a", Assert.Single(bib.References).Id);
        var error = bib.Diagnostics.First(d => d.Code == DiagnosticCodes.InvalidJson);
        Assert.Equal((3, 18), (error.Span.Line, error.Span.Column)); // just past the last character
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"type\": \"book\"}")]                             // a single item
    [InlineData("{\"items\": [{\"id\": \"a\", \"type\": \"book\"}]}")]              // a wrapper
    [InlineData("\uFEFF[{\"id\": \"a\", \"type\": \"book\"}]")]                     // a byte-order mark
    [InlineData("[{\"id\": \"a\", \"type\": \"book\"}]\n")]
    public void Accepts_the_common_shapes_of_a_file(string json)
    {
        var bib = CslJsonReader.Read(json, "x.json");
        Assert.Empty(bib.Diagnostics);
        var item = Assert.Single(bib.References);
        Assert.Equal(("a", "book"), (item.Id, item.Type));
    }

    [Fact]
    public void Reads_json_lines()
    {
        var bib = CslJsonReader.Read("{\"id\": \"a\", \"type\": \"book\"}\n{\"id\": \"b\", \"type\": \"report\"}\n", "x.jsonl");
        Assert.Equal(["a", "b"], bib.References.Select(r => r.Id));
        Assert.Equal(2, bib.References[1].Source!.Value.Line);
    }

    [Fact]
    public void A_missing_type_becomes_document_with_a_warning()
    {
        var bib = CslJsonReader.Read("[\n  {\"id\": \"a\", \"title\": \"T\"}\n]", "x.json");
        Assert.Equal("document", Assert.Single(bib.References).Type);
        Assert.Equal("x.json:2:3: warning CW203: item \"a\" has no \"type\"; read as \"document\"", Assert.Single(bib.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"type\": \"blog\"}", "CW204", "blog")]
    [InlineData("{\"id\": \"a\", \"type\": \"book\", \"title\": [\"T\"]}", "CW205", "book")]
    [InlineData("{\"id\": \"a\", \"type\": \"book\", \"issued\": {\"date-parts\": [[2019, 17]]}}", "CW205", "book")]
    public void Wrong_values_are_warned_about_and_kept(string json, string code, string type)
    {
        var bib = CslJsonReader.Read(json, "x.json");
        Assert.Equal(type, Assert.Single(bib.References).Type);
        Assert.Equal(code, Assert.Single(bib.Diagnostics).Code);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_kept_in_custom_as_compact_json()
    {
        var bib = CslJsonReader.Read("{\"id\": \"a\", \"type\": \"book\",\n \"title\": [ \"T\", 2 ]}", "x.json");
        Assert.Equal("[\"T\",2]", bib.References[0].Custom["title"]);
        Assert.Null(bib.References[0].Title);
        Assert.Equal("x.json:2:2: warning CW205: \"title\" should be a string or a number; kept in custom", bib.Diagnostics[0].ToString());
    }

    [Fact]
    public void A_duplicate_id_is_renamed()
    {
        var bib = CslJsonReader.Read("[{\"id\": \"a\", \"type\": \"book\"}, {\"id\": \"a\", \"type\": \"book\"}]", "x.json");
        Assert.Equal(["a", "a-2"], bib.References.Select(r => r.Id));
        Assert.Equal(DiagnosticCodes.DuplicateItemId, Assert.Single(bib.Diagnostics).Code);
    }

    [Theory]
    [InlineData("{\"date-parts\": [[2019, 3, 2]]}", "2019-03-02")]
    [InlineData("{\"date-parts\": [[\"2019\", \"3\"]]}", "2019-03")]
    [InlineData("{\"date-parts\": [[2019, 0, 0]]}", "2019")]                 // 0 means unknown
    [InlineData("{\"date-parts\": [[2019, 14]]}", "2019-22")]                // citeproc-js season 14 = summer
    [InlineData("{\"date-parts\": [[2019], [2021]]}", "2019/2021")]
    [InlineData("{\"raw\": \"2019-03/2019-05\"}", "2019-03/2019-05")]
    [InlineData("{\"date-parts\": [[2019]], \"raw\": \"2019/..\"}", "2019/..")] // raw adds the open end
    [InlineData("{\"date-parts\": [[2019]], \"raw\": \"2020\"}", "2019")]       // raw that disagrees is ignored
    [InlineData("{\"date-parts\": [[-44, 3, 15]]}", "-0044-03-15")]
    [InlineData("\"2019-03-02\"", "2019-03-02")]
    [InlineData("2019", "2019")]
    [InlineData("{\"raw\": \"March 2019\"}", "March 2019")]                  // not ISO: kept as literal
    public void Reads_dates(string date, string expected)
    {
        var bib = CslJsonReader.Read($"{{\"id\": \"a\", \"type\": \"book\", \"issued\": {date}}}", "x.json");
        Assert.Empty(bib.Diagnostics);
        Assert.Equal(expected, bib.References[0].Issued!.ToString());
    }
}
