using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Core.Tests.Transforms;

public sealed class PageRangeTests
{
    [Theory]
    [InlineData("60-69", "60–69")]
    [InlineData("60--69", "60–69")]
    [InlineData("60 - 69", "60–69")]
    [InlineData("60—69", "60–69")]
    [InlineData("pp. 209-221", "209–221")]
    [InlineData("p. 33", "33")]
    [InlineData("e1002", "e1002")]
    [InlineData("xii-xiv", "xii–xiv")]
    [InlineData("S12-S19", "S12–S19")]
    [InlineData("1-4, 7-9", "1–4, 7–9")]
    [InlineData("60–69", "60–69")]
    public void Cleans(string input, string expected) => Assert.Equal(expected, PageRanges.Clean(input));
}

public sealed class DoiTests
{
    [Theory]
    [InlineData("https://doi.org/10.1145/3025453.3025727", "10.1145/3025453.3025727")]
    [InlineData("http://dx.doi.org/10.1177/2053951719844352", "10.1177/2053951719844352")]
    [InlineData("doi:10.1007/978-3-030-51110-4_1", "10.1007/978-3-030-51110-4_1")]
    [InlineData("DOI: 10.5555/abc.", "10.5555/abc")]
    [InlineData("10.1000/xyz", "10.1000/xyz")]
    [InlineData("https://doi.org/10.1002/(SICI)1097-4571%28199806%2949%3A8", "10.1002/(SICI)1097-4571(199806)49:8")]
    public void Makes_bare(string input, string expected) => Assert.Equal(expected, DoiBare.Bare(input));

    [Theory]
    [InlineData("10.1145/3025453.3025727", true)]
    [InlineData("10.12/x", false)]
    [InlineData("11.1145/x", false)]
    [InlineData("10.1145/", false)]
    public void Validates(string doi, bool valid) => Assert.Equal(valid, DoiBare.IsValid(doi));

    [Fact]
    public void A_doi_link_in_the_url_field_of_a_file_moves_to_the_doi_field_and_other_links_stay()
    {
        const string Bib = """
            @article{a, title={A}, url={https://doi.org/10.1145/3025453.3025727}}
            @article{b, title={B}, url={https://example.org/10.1145/x}}
            @article{c, title={C}, url={doi:10.1000/not valid}}
            """;
        var refs = BibTexReader.Parse(Bib, "u.bib").References;
        var changes = new DoiBare().Apply(refs, new TransformContext()).ToList();
        Assert.Equal(new FieldChange("doi", "a", Csl.Doi, null, "10.1145/3025453.3025727"), Assert.Single(changes));
        Assert.Equal(["10.1145/3025453.3025727", null, null], refs.Select(r => r.Doi));
        Assert.Equal("https://example.org/10.1145/x", refs[1].Url);
    }
}

public sealed class UrlTests
{
    [Theory]
    [InlineData(" <https://example.org/a> ", "https://example.org/a")]
    [InlineData("https://example.org/a.", "https://example.org/a")]
    [InlineData("\\url{https://example.org/b}", "https://example.org/b")]
    [InlineData("https://example.org/a b", "https://example.org/a%20b")]
    public void Trims(string input, string expected) => Assert.Equal(expected, Urls.Trim(input));

    [Theory]
    [InlineData("https://www.fairmlbook.org/", true)]
    [InlineData("ftp://ftp.example.org/file", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("www.example.org", false)]
    [InlineData("http://", false)]
    public void Validates(string url, bool valid) => Assert.Equal(valid, Urls.IsValid(url));
}

public sealed class ProtectCapitalsTests
{
    [Theory]
    [InlineData("A Reductions Approach to Fair Classification", "A Reductions Approach to Fair Classification")]
    [InlineData("Fairness in AI", "Fairness in <span class=\"nocase\">AI</span>")]
    [InlineData("Why the iPhone and YouTube matter", "Why the <span class=\"nocase\">iPhone</span> and <span class=\"nocase\">YouTube</span> matter")]
    [InlineData("GPT-3 and ImageNet", "<span class=\"nocase\">GPT-3</span> and <span class=\"nocase\">ImageNet</span>")]
    [InlineData("Already <span class=\"nocase\">ICML</span>", "Already <span class=\"nocase\">ICML</span>")]
    [InlineData("Machine-Learning Fairness", "Machine-Learning Fairness")]
    [InlineData("O'Neil's Weapons", "O'Neil's Weapons")]
    [InlineData("Bounds in $O(NP)$", "Bounds in $O(NP)$")]
    [InlineData("Der Élan von l'Équipe", "Der Élan von l'Équipe")]
    [InlineData("Vom ÆØÅ-Alphabet", "Vom <span class=\"nocase\">ÆØÅ-Alphabet</span>")]
    public void Protects(string input, string expected) => Assert.Equal(expected, ProtectCapitals.Protect(input));
}

public sealed class CitationKeyTests
{
    private static List<Reference> Parse(string bib) => BibTexReader.Parse(bib, "k.bib").References;

    [Theory]
    [InlineData("@misc{x, author={Agarwal, Alekh}, year=2018, title={A Reductions Approach}}", "agarwal2018reductions")]
    [InlineData("@misc{x, author={Kjøsen, Atle}, year=2020, title={The Inhuman Power}}", "kjosen2020inhuman")]
    [InlineData("@misc{x, author={D'Ignazio, Catherine}, year=2020, title={Data Feminism}}", "dignazio2020data")]
    [InlineData("@misc{x, author={Dud{\\'\\i}k, Miroslav}, year=2020, title={Équité in Ranking}}", "dudik2020equite")]
    [InlineData("@misc{x, author={Müller, Jürgen}, year=2019, title={Über Öffentlichkeit}}", "muller2019uber")]
    [InlineData("@misc{x, author={von Neumann, John}, year=1945, title={First Draft}}", "neumann1945first")]
    [InlineData("@misc{x, author={{World Health Organization}}, year=2021, title={Ethics of AI}}", "world2021ethics")]
    [InlineData("@misc{x, title={On the Dangers of Stochastic Parrots}}", "anonnddangers")]
    [InlineData("@misc{x, editor={Apprich, Clemens}, year=2018, title={Pattern Discrimination}}", "apprich2018pattern")]
    public void Key_is_author_year_word(string bib, string expected) => Assert.Equal(expected, CitationKeys.Key(Parse(bib)[0]));

    [Fact]
    public void An_entry_with_nothing_to_make_a_key_from_keeps_its_own()
    {
        var refs = Parse("@misc{broken, note = {what survived}}\n@misc{ok, author = {Noble, Safiya}, year = 2018, title = {Algorithms}}");
        new CitationKeys().Apply(refs, new TransformContext());
        Assert.Equal(["broken", "noble2018algorithms"], refs.Select(r => r.Id));
    }

    [Fact]
    public void Clashing_keys_get_letters_in_input_order_and_stay_stable()
    {
        var refs = Parse("""
            @misc{one, author={Noble, Safiya}, year=2018, title={Algorithms of Oppression}}
            @misc{two, author={Noble, Safiya}, year=2018, title={Algorithms: a reply}}
            @misc{three, author={Benjamin, Ruha}, year=2019, title={Race After Technology}}
            """);
        var context = new TransformContext();
        var changes = new CitationKeys().Apply(refs, context).ToList();
        Assert.Equal(["noble2018algorithmsa", "noble2018algorithmsb", "benjamin2019race"], refs.Select(r => r.Id));
        Assert.Equal(3, changes.Count);
        Assert.Empty(new CitationKeys().Apply(refs, context));
    }
}

public sealed class DuplicateTests
{
    private const string Bib = """
        @book{a, author={West, Sarah Myers}, year=2019, title={Discriminating Systems: Gender, Race and Power in AI}}
        @report{b, author={West, Sarah Myers and Whittaker, Meredith}, year=2019, title={DISCRIMINATING SYSTEMS: GENDER, RACE, AND POWER IN AI}, url={https://ainowinstitute.org/discriminatingsystems.pdf}}
        @article{c, author={Noble, Safiya}, year=2018, title={Other}, doi={10.1/x}}
        @article{d, author={Someone, Else}, year=2017, title={Different title}, doi={10.1/X}}
        """;

    [Fact]
    public void Duplicates_are_reported_but_kept_without_merge()
    {
        var refs = BibTexReader.Parse(Bib, "d.bib").References;
        var context = new TransformContext();
        new Duplicates().Apply(refs, context);
        Assert.Equal(4, refs.Count);
        Assert.Equal(["'b' looks like a duplicate of 'a' (use --merge-duplicates to merge)", "'d' looks like a duplicate of 'c' (use --merge-duplicates to merge)"],
            context.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Merge_fills_missing_fields_and_drops_the_later_entry()
    {
        var refs = BibTexReader.Parse(Bib, "d.bib").References;
        var context = new TransformContext { Options = new CleanOptions { MergeDuplicates = true } };
        new Duplicates().Apply(refs, context);
        Assert.Equal(["a", "c"], refs.Select(r => r.Id));
        Assert.Equal("https://ainowinstitute.org/discriminatingsystems.pdf", refs[0].Url);
    }

    // The cleaner works out citation keys in the duplicates pass; a reference others are merged into may gain
    // the creator and year its key is made of, and then gets the key of what it has become.
    [Theory]
    [InlineData(false, new[] { "anonnddeep", "smith2020deep", "noble2018othera", "noble2018otherb", "noble2018otherc" })]
    [InlineData(true, new[] { "smith2020deep", "noble2018other" })]
    public void Keys_after_duplicates_are_those_of_the_references_left(bool merge, string[] expected)
    {
        const string Bib = """
            @article{a, title={Deep Models}, doi={10.1/deep}}
            @article{b, author={Smith, Jane}, year=2020, title={Deep Models}, doi={10.1/DEEP}}
            @article{c, author={Noble, Safiya}, year=2018, title={Other}}
            @article{d, author={Noble, Safiya}, year=2018, title={Other}}
            @article{e, author={Noble, Safiya}, year=2018, title={Other}}
            """;
        var refs = BibTexReader.Parse(Bib, "k.bib").References;
        new Cleaner().Run(refs, new TransformContext { Options = new CleanOptions { MergeDuplicates = merge } });
        Assert.Equal(expected, refs.Select(r => r.Id));
    }
}

public sealed class WhitespaceTests
{
    [Theory]
    [InlineData("  a  b ", "a b")]
    [InlineData("a\tb\nc", "a b c")]
    [InlineData("a\u00A0b", "a\u00A0b")]
    [InlineData("clean", "clean")]
    public void Collapses(string input, string expected) => Assert.Equal(expected, Whitespace.Collapse(input));

    [Fact]
    public void Every_white_space_character_but_the_no_break_space_is_collapsed()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            var value = "a" + (char)c + "b";
            var expected = char.IsWhiteSpace((char)c) && c != 0xA0 ? "a b" : value;
            Assert.Equal(expected, Whitespace.Collapse(value));
        }
    }

    [Fact]
    public void Empty_fields_are_dropped_and_reported()
    {
        var r = new Reference("k", "book");
        r.Fields[Csl.Note] = "   ";
        r.Fields[Csl.Title] = "T";
        var changes = new Whitespace().Apply([r], new TransformContext()).ToList();
        Assert.Null(r.Fields[Csl.Note]);
        Assert.Equal(new FieldChange("whitespace", "k", "note", "   ", null), Assert.Single(changes));
    }
}

public sealed class CleanerTests
{
    [Fact]
    public void Transforms_run_after_what_they_depend_on()
    {
        var order = Cleaner.All.Select(t => t.Name).ToList();
        foreach (var t in Cleaner.All)
            foreach (var d in t.DependsOn)
                Assert.True(order.IndexOf(d) < order.IndexOf(t.Name), $"{t.Name} runs before {d}");
    }
}

public sealed class PlainWebAddressTests
{
    // The shape validated without System.Uri, and what falls through to it; where the shortcut says valid, Uri
    // must agree, by the rule Urls.IsValid states.
    [Theory]
    [InlineData("https://www.example.org/datasets/ai-governance/", true)]
    [InlineData("https://example.com/search?q=blog+papers&lang=en#results", true)]
    [InlineData("http://a-b.example.net", true)]
    [InlineData("https://example.org/~user/(draft);v=2,final!*'@:$", true)]
    [InlineData("https://example.org:8080/x", false)]
    [InlineData("https://my_host.example.org/", false)]
    [InlineData("https://192.168.0.1/", false)]
    [InlineData("https://EXAMPLE.org/", false)]
    [InlineData("https://example.org/a%20b", false)]
    [InlineData("https://xn--bcher-kva.example/", false)]
    [InlineData("https://example.org/a b", false)]
    [InlineData("https://localhost/", false)]
    [InlineData("https://-bad.example.org/", false)]
    [InlineData("https://a..example.org/", false)]
    [InlineData("https://example.org/a\\b", false)]
    [InlineData("https://example.org/ä", false)]
    [InlineData("ftp://example.org/", false)]
    public void Shortcut_only_where_Uri_agrees(string url, bool plain)
    {
        Assert.Equal(plain, Urls.IsPlainWebAddress(url));
        if (plain)
            Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.Host.Length > 0 && !u.Host.Contains('_'));
    }

    [Theory]
    [InlineData("https://example.org:8080/x", true)]
    [InlineData("https://my_host.example.org/", false)]
    [InlineData("https://localhost/", true)]
    [InlineData("https://example.org/a%20b", true)]
    public void What_the_shortcut_leaves_Uri_decides(string url, bool valid) => Assert.Equal(valid, Urls.IsValid(url));
}

public sealed class CleanerPassTests
{
    // The per-reference cleanups share one pass; the change list must still read as if each had its own pass:
    // every change of one cleanup (each kind in reference order) before the next cleanup's. 10,000 references
    // are cleaned in parallel slices, so this also checks that the slices are joined in order.
    [Fact]
    public void Changes_come_cleanup_by_cleanup_in_reference_order()
    {
        const int count = 10_000;
        var refs = new List<Reference>();
        for (int i = 0; i < count; i++)
        {
            var r = new Reference($"r{i}", "paper-conference");
            if (i % 2 == 0) r.Doi = $"doi:10.1000/{i}";
            else r.Url = $"https://doi.org/10.1000/u{i}";
            r.Title = $"On iPhone {i}";
            r.ContainerTitle = $"Proc. of iOS {i}";
            refs.Add(r);
        }
        var context = new TransformContext();
        var changes = new Cleaner(Cleaner.All.Where(t => t is not Duplicates and not CitationKeys)).Run(refs, context);

        var expected = new List<(string, string, string)>();
        for (int i = 0; i < count; i += 2) expected.Add(("doi", $"r{i}", "DOI"));
        for (int i = 1; i < count; i += 2) expected.Add(("doi", $"r{i}", "DOI"));
        for (int i = 0; i < count; i++) expected.Add(("capitals", $"r{i}", "title"));
        for (int i = 0; i < count; i++) expected.Add(("capitals", $"r{i}", "container-title"));
        Assert.Equal(expected, changes.Select(c => (c.Transform, c.ReferenceId, c.Field)).ToList());
        Assert.Equal("10.1000/u1", refs[1].Doi);
        Assert.Equal("On <span class=\"nocase\">iPhone</span> 0", refs[0].Title);
    }
}
