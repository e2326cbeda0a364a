using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Core.Tests.Conformance;

/// <summary>
/// Files written the way EndNote, Web of Science, Scopus, Zotero, Better BibTeX, Mendeley, JabRef, citation.js,
/// pandoc, Google Scholar, DBLP, ACM, IEEE and arXiv write them (Conformance/exports/, README there lists how each
/// compares with pandoc). The expected values are what each tool's documented meaning says, written by hand.
/// </summary>
public sealed class ExportSamplesTests
{
    private static string Dir => Path.Combine(AppContext.BaseDirectory, "Conformance", "exports");

    private static Bibliography Read(string name)
    {
        var path = Path.Combine(Dir, name);
        using var stream = File.OpenRead(path);
        return Path.GetExtension(name) switch
        {
            ".ris" => RisReader.Read(stream, name),
            ".json" => CslJsonReader.Read(stream, name),
            _ => BibTexReader.Read(stream, name),
        };
    }

    private static Reference Item(string file, string id) => Read(file).References.Single(r => r.Id == id);

    public static TheoryData<string> Samples() => new(Directory.GetFiles(Dir).Select(Path.GetFileName).Where(f => !f!.EndsWith(".md")).Order()!);

    [Fact]
    public void EndNote_ris_with_bom_crlf_and_wrapped_lines()
    {
        var b = Read("endnote.ris");
        Assert.Empty(b.Diagnostics);
        Assert.Equal(["noble2020", "gitelman2013", "ai2019", "buolamwini2018"], b.References.Select(r => r.Id));
        var noble = b.References[0];
        Assert.Equal("Engine Failure: Search, Bias and the Politics of Ranking", noble.Title);
        Assert.Equal("We examine how ranking systems reproduce\nracial and gendered hierarchies.", noble[Csl.Abstract]);
        Assert.Equal("2020", noble.Issued!.ToString());
        Assert.Equal("512–530", noble.Page);
        Assert.Equal("Inf. Commun. Soc.", noble[Csl.ContainerTitleShort]);
        Assert.Equal(["Noble", "Roberts"], noble.Author.Select(a => a.Family));
        Assert.Equal("file:///C:/Users/noble/Documents/EndNote/engine-failure.pdf", noble.Custom["l1"]);
        Assert.Equal("2013-01-25", b.References[1].Issued!.ToString());
        Assert.Equal("978-0-262-51828-4", b.References[1][Csl.Isbn]);
        Assert.Equal("AI Now Institute", b.References[2].Author.Single().Literal);
    }

    [Fact]
    public void EndNote_ur_with_two_addresses_gives_the_url_and_url2()
    {
        var r = Item("endnote.ris", "ai2019");
        Assert.Equal("https://ainowinstitute.org/discriminatingsystems.pdf", r.Url);
        Assert.Equal("https://ainowinstitute.org/discriminatingsystems.html", r.Custom["url2"]);
    }

    [Theory]
    [InlineData("crawford2021", "2021-12")]
    [InlineData("benjamin2019", "2019-10-25")]
    public void Web_of_science_month_in_da_joins_the_year_in_py(string id, string issued)
    {
        var r = Item("webofscience.ris", id);
        Assert.Equal(issued, r.Issued!.ToString());
        Assert.Null(r.Custom["da"]);
    }

    [Fact]
    public void Scopus_labelled_standard_numbers_are_read_by_their_label()
    {
        var b = Read("scopus.ris");
        Assert.Equal("9780738142661", b.References[0][Csl.Isbn]);
        Assert.Null(b.References[0][Csl.Issn]);
        Assert.Equal("20539517", b.References[1][Csl.Issn]);
        // M3 of a journal article is Scopus's document type, not a genre: kept as it was.
        Assert.Equal("Article", b.References[1].Custom["m3"]);
        Assert.Null(b.References[1][Csl.Genre]);
    }

    [Fact]
    public void Zotero_ris_m3_of_a_thesis_is_its_genre()
    {
        var r = Item("zotero.ris", "berg2022");
        Assert.Equal("PhD Thesis", r[Csl.Genre]);
        Assert.Null(r.Custom["m3"]);
        Assert.Equal(("van der", "Berg"), (r.Author[0].NonDroppingParticle, r.Author[0].Family));
    }

    [Fact]
    public void Mendeley_ris_junk_line_is_reported_where_it_is_and_the_records_survive()
    {
        var b = Read("mendeley.ris");
        var d = Assert.Single(b.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidRisLine, 37, 1), (d.Code, d.Span.Line, d.Span.Column));
        Assert.Equal(["Eubanks2018", "Couldry2019", "Gebru2021"], b.References.Select(r => r.Id));
        Assert.Equal("10.1145/3458723", b.References[2].Doi);
        Assert.Equal("86–92", b.References[2].Page);
        Assert.Null(b.References[0].Url);
    }

    [Fact]
    public void Zotero_csl_json_note_lines_are_the_variables_they_name()
    {
        var r = Read("zotero.json").References[0];
        Assert.Equal("34820643", r[Csl.Pmid]);
        Assert.Equal("2020-11-03", r.Dates[Csl.OriginalDate].ToString());
        Assert.Equal("paullada2021", r.Custom["citation-key"]);
        Assert.Null(r[Csl.Note]);
        Assert.Equal("2021-11-12", r.Issued!.ToString());
        Assert.Equal("2023-05-17", r.Dates[Csl.Accessed].ToString());
    }

    [Theory]
    [InlineData("Read twice.\nPMID: 1234\nauthor: Doe || Jane", "1234", "Read twice.\nauthor: Doe || Jane")]
    [InlineData("See: chapter 3", null, "See: chapter 3")]
    [InlineData("DOI: 10.1/x", null, "DOI: 10.1/x")] // the item has a DOI already: the line stays
    public void Note_lines_name_only_variables_the_item_lacks(string note, string? pmid, string? rest)
    {
        var json = $$"""[{"id": "a", "type": "book", "DOI": "10.9/y", "note": {{System.Text.Json.JsonSerializer.Serialize(note)}}}]""";
        var r = CslJsonReader.Read(json, "a.json").References.Single();
        Assert.Equal(pmid, r[Csl.Pmid]);
        Assert.Equal(rest, r[Csl.Note]);
        Assert.Equal("10.9/y", r.Doi);
    }

    [Fact]
    public void Csl_json_particles_in_family_and_given_are_parsed_unless_the_name_says_not_to()
    {
        var names = Item("betterbibtex.json", "beethoven1808").Author;
        Assert.Equal(new PersonName { Family = "Beethoven", Given = "Ludwig", DroppingParticle = "van" }, names[0]);
        Assert.Equal(new PersonName { Family = "Gates", Given = "Henry Louis", Suffix = "Jr." }, names[1]);
        Assert.Equal(new PersonName { Family = "Humboldt", Given = "Alexander", DroppingParticle = "von" }, names[2]);
        Assert.Equal(new PersonName { Family = "Fontaine", Given = "Jean", NonDroppingParticle = "de la" }, names[3]);
        var json = """[{"id": "a", "type": "book", "author": [{"family": "van Dyke", "given": "Dick", "static-particles": true}, {"family": "de Beauvoir", "given": "Simone", "parse-names": false}, {"family": "van Dijck", "given": "José"}]}]""";
        var read = CslJsonReader.Read(json, "a.json").References.Single().Author;
        Assert.Equal(["van Dyke", "de Beauvoir", "Dijck"], read.Select(n => n.Family));
        Assert.Equal([null, null, "van"], read.Select(n => n.NonDroppingParticle));
    }

    [Fact]
    public void A_given_name_ending_in_lower_case_words_is_written_with_parse_names_false_and_reads_back_whole()
    {
        var r = new Reference("bellacasa2017", "book");
        r.Names[Csl.Author] = [new PersonName { Family = "Bellacasa", Given = "Maria Puig de la" }, new PersonName { Family = "Haraway", Given = "Donna" }];
        var json = CslJsonWriter.Write([r]);
        var names = System.Text.Json.Nodes.JsonNode.Parse(json)![0]!["author"]!.AsArray();
        Assert.Equal([false, null], names.Select(n => (bool?)n!["parse-names"]));
        Assert.Equal(r.Author, CslJsonReader.Read(json, "w.json").References.Single().Author);
    }

    [Fact]
    public void A_note_of_an_item_with_custom_data_is_kept_as_written()
    {
        var json = """[{"id": "a", "type": "book", "note": "PMID: 1234", "custom": {"entrytype": "book"}}]""";
        var r = CslJsonReader.Read(json, "a.json").References.Single();
        Assert.Equal("PMID: 1234", r[Csl.Note]);
        Assert.Null(r[Csl.Pmid]);
    }

    [Fact]
    public void Citation_js_and_pandoc_csl_json_read_whole()
    {
        var c = Read("citationjs.json");
        Assert.Equal(["temp_id_4421348745", "crawford2021"], c.References.Select(r => r.Id));
        Assert.Equal("610–623", c.References[0].Page!.Replace('-', '–'));
        Assert.Equal("2021", c.References[1].Issued!.ToString());
        var p = Read("pandoc.json");
        var r = Assert.Single(p.References);
        Assert.Equal("2018-04-27/2018-05-03", r.Issued!.ToString());
        Assert.Empty(p.Diagnostics);
    }

    [Fact]
    public void Better_biblatex_extended_names_langid_and_thesis_type()
    {
        var r = Item("zotero-bbt.bib", "vanderberg2022Seeing");
        Assert.Equal(new PersonName { Family = "Berg", Given = "Anneke", NonDroppingParticle = "van der" }, r.Author.Single());
        Assert.Equal("PhD thesis", r[Csl.Genre]);
        Assert.Equal("en-US", Item("zotero-bbt.bib", "paullada2021Data")[Csl.Language]);
    }

    [Theory]
    [InlineData("family=Humboldt, given=Alexander, prefix=von", "von", "Humboldt", "Alexander", null)]
    [InlineData("family={Ng}, given={Andrew Y.}", null, "Ng", "Andrew Y.", null)]
    [InlineData("given=Henry Louis, family=Gates, suffix=Jr.", null, "Gates", "Henry Louis", "Jr.")]
    [InlineData("family=M{\\\"u}ller, given=J{\\\"o}rg", null, "Müller", "Jörg", null)]
    [InlineData("Prefix=von Last, First", null, "Prefix=von Last", "First", null)] // not a part key: an ordinary name
    public void Extended_name_format(string value, string? particle, string family, string given, string? suffix) =>
        Assert.Equal(new PersonName { NonDroppingParticle = particle, Family = family, Given = given, Suffix = suffix },
            BibTexNames.Parse(value).Single());

    [Theory]
    [InlineData("langid = {english}", "en-US")]
    [InlineData("langid = {british}", "en-GB")]
    [InlineData("langid = {ngerman}", "de-DE")]
    [InlineData("hyphenation = {french}", "fr-FR")]
    [InlineData("langid = {en-GB}", "en-GB")]
    [InlineData("langid = {klingon}", "klingon")]
    [InlineData("language = {english}", "english")] // BibLaTeX's language is printed text, not a babel name
    public void Langid_becomes_a_bcp47_tag(string field, string language) =>
        Assert.Equal(language, BibTexReader.Parse($"@book{{a, title = {{T}}, {field}}}", "a.bib").References.Single()[Csl.Language]);

    [Theory]
    [InlineData("english", true, @"langid\s*= \{english\}")]
    [InlineData("ngerman", true, @"langid\s*= \{german\}")]
    [InlineData("english", false, @"language\s*= \{en-US\}")]
    public void A_language_tag_is_written_to_biblatex_as_its_babel_name(string langid, bool biblatex, string line)
    {
        var r = BibTexReader.Parse($"@book{{a, title = {{T}}, author = {{Doe, Jane}}, langid = {{{langid}}}}}", "a.bib").References;
        var written = BibTexWriter.Write(r, new BibTexWriterOptions { BibLaTeX = biblatex });
        Assert.Matches(line, written);
        Assert.Equal(r[0][Csl.Language], BibTexReader.Parse(written, "w.bib").References.Single()[Csl.Language]);
    }

    [Theory]
    [InlineData("thesis", "mathesis", "Master's thesis")]
    [InlineData("report", "techreport", "technical report")]
    [InlineData("thesis", "Habilitationsschrift", "Habilitationsschrift")]
    [InlineData("phdthesis", "", "PhD thesis")]
    public void Type_keys_become_the_words_they_print(string entryType, string type, string genre)
    {
        var field = type.Length == 0 ? "" : $", type = {{{type}}}";
        Assert.Equal(genre, BibTexReader.Parse($"@{entryType}{{a, title = {{T}}{field}}}", "a.bib").References.Single()[Csl.Genre]);
    }

    [Fact]
    public void Broken_bibtex_entry_is_reported_and_the_next_survives()
    {
        var b = Read("scholar-dblp-acm.bib");
        var error = Assert.Single(b.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.UnbalancedBraces, 69, 11), (error.Code, error.Span.Line, error.Span.Column));
        var kalluri = b.References.Single(r => r.Id == "kalluri2020");
        Assert.Equal("Don’t ask if artificial intelligence is good or fair, ask how it shifts power", kalluri.Title);
        Assert.Equal("2020-07", kalluri.Issued!.ToString());
        Assert.Equal("Springer Science and Business Media LLC", kalluri.Publisher);
        var acm = b.References.Single(r => r.Id == "10.1145/3442188.3445922");
        Assert.Equal(("New York, NY, USA", "Virtual Event, Canada"), (acm[Csl.PublisherPlace], acm[Csl.EventPlace]));
        var arxiv = b.References.Single(r => r.Id == "birhane2021multimodal");
        Assert.Equal(("article", "arXiv", "cs.CY"), (arxiv.Type, arxiv.Custom["archiveprefix"], arxiv.Custom["primaryclass"]));
        // DBLP's CoRR entry is an @article in the journal CoRR, as DBLP says.
        Assert.Equal("article-journal", b.References.Single(r => r.Id == "DBLP:journals/corr/abs-2010-15581").Type);
    }

    [Fact]
    public void Jabref_accents_and_month_names()
    {
        var b = Read("jabref.bib");
        Assert.Equal(["Noble2018", "Mueller2020"], b.References.Select(r => r.Id));
        var m = b.References[1];
        Assert.Equal(["Müller, Jörg", "François, Françoise", "Ångström, Lars", "Nießen, Anaïs"], m.Author.Select(a => a.Family + ", " + a.Given));
        Assert.Equal("2020-01", m.Issued!.ToString());
        Assert.Equal("2018-01", b.References[0].Issued!.ToString());
        Assert.Equal(":Noble2018 - Algorithms of Oppression.pdf:PDF;:supplement/Noble2018-notes.pdf:PDF", b.References[0].Custom["file"]);
    }

    private static Reference Plain(Reference r)
    {
        var plain = r.Clone();
        foreach (var (key, value) in r.Fields) plain.Fields[key] = Text.RichText.ToPlain(value);
        return plain;
    }

    /// <summary>parse(write(parse(x))) == parse(x) after `export --clean`, in the sample's own format, and in CSL-JSON.</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void Cleaned_sample_round_trips(string name)
    {
        var first = Read(name).References;
        new Cleaner().Run(first, new TransformContext());
        string format = Path.GetExtension(name) switch { ".ris" => "ris", ".json" => "csl-json", _ => "biblatex" };
        foreach (var to in new[] { format, "csl-json" }.Distinct())
        {
            var written = Exporter.Write(to, first);
            var second = to switch
            {
                "ris" => RisReader.Read(written, "w.ris"),
                "csl-json" => CslJsonReader.Read(written, "w.json"),
                _ => BibTexReader.Parse(written, "w.bib"),
            };
            Assert.DoesNotContain(second.Diagnostics, d => d.Severity != Severity.Info);
            Assert.Equal(first.Count, second.References.Count);
            for (int i = 0; i < first.Count; i++)
            {
                // RIS is plain text: the nocase spans the cleanup puts around acronyms have no RIS form.
                var expected = to == "ris" ? Plain(first[i]) : first[i];
                Assert.True(ReferenceComparer.ContentEquals(expected, second.References[i], out var difference), $"{to}: {difference}\n{written}");
            }
        }
    }
}
