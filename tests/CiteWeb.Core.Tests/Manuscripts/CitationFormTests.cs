using CiteWeb.Core.Checks;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.PlainText;

namespace CiteWeb.Core.Tests.Manuscripts;

/// <summary>Each citation form and each check, table by table: what is found and what is not (STYLE.md example 2).</summary>
public sealed class CitationFormTests
{
    private const string List = """
        Apprich, Clemens. Technotopia. A Media Genealogy of Net Cultures. Rowman & Littlefield, 2017.
        Apprich, Clemens. “Introduction.” Pattern Discrimination, edited by Clemens Apprich. meson press, 2018, pp. ix-xii.
        Benjamin, Ruha. Race after Technology. Polity Press, 2019.
        Burkhardt, Marcus. “Mapping the Democratization of AI on GitHub.” The Democratization of Artificial Intelligence, edited by Andreas Sudmann. transcript, 2019, pp. 209-221.
        Costanza-Chock, Sasha. Design Justice. The MIT Press, 2020.
        Dyer-Witheford, Nick, Kjøsen, Atle Mikkola and James Steinhoff. Inhuman Power. Pluto Press, 2019.
        Google AI. “Principles.” Google AI Official Website, 2023. https://ai.google/principles.
        O’Neil, Cathy. Weapons of Math Destruction. Penguin Random House, 2016.
        Srnicek, Nick. “Data, Compute, Labor.” Digital Work in the Planetary Market, edited by Mark Graham. The MIT Press, 2022, pp. 241-262.
        West, Sarah Myers, Whittaker, Meredith and Kate Crawford. Discriminating Systems. AI Now Institute, 2019.
        """;

    private static CheckReport Check(string body, string list = List, string file = "essay.txt")
    {
        var works = PlainTextReader.Read(list, "list.txt");
        return CheckCatalogue.Run(ManuscriptReader.Read(body, file), works);
    }

    private static string Keys(CheckReport report) =>
        string.Join(" | ", report.Matches.Select(m => string.Join("; ", m.Works.Select(w => w.Entries.Count == 1 ? w.Entries[0].Id : w.Entries.Count == 0 ? "?" : "*"))));

    [Theory]
    [InlineData("As shown (Benjamin 183).", "benjamin2019race")]
    [InlineData("As shown (Costanza-Chock 11-12).", "costanzachock2020design")]
    [InlineData("As shown (Apprich, Technotopia 90).", "apprich2017technotopia")]
    [InlineData("As shown (Srnicek, “Data, Compute, Labor” 242).", "srnicek2022data")]
    [InlineData("As shown (Dyer-Witheford, Kjøsen and Steinhoff 43).", "dyerwitheford2019inhuman")]
    [InlineData("As shown (West et al. 6).", "west2019discriminating")]
    [InlineData("As shown (Google AI, “Principles”).", "google2023principles")]
    [InlineData("As shown (O’Neil; Benjamin).", "oneil2016weapons; benjamin2019race")]
    [InlineData("As shown (see, for instance, Benjamin 12).", "benjamin2019race")]
    [InlineData("As shown (Benjamin, 2019, p. 12).", "benjamin2019race")]
    [InlineData("As Marcus Burkhardt details: “AI is everywhere” (211).", "burkhardt2019mapping")]
    [InlineData("Clemens Apprich argues this (Technotopia 144).", "apprich2017technotopia")]
    [InlineData("Ruha Benjamin’s book Race after Technology (2019) shows it.", "benjamin2019race")]
    [InlineData("As Benjamin (2019) shows.", "benjamin2019race")]
    [InlineData("Kjosen shows it (Dyer-Witheford, Kjosen and Steinhoff 12).", "dyerwitheford2019inhuman")]
    [InlineData("First (Benjamin 3). Then (ibid. 4).", "benjamin2019race | benjamin2019race")]
    public void Citations_are_found_and_matched(string body, string keys) => Assert.Equal(keys, Keys(Check(body)));

    [Theory]
    [InlineData("Machine learning (ML) is everywhere.")]
    [InlineData("In the year of the hype (2019) things changed.")]
    [InlineData("Companies (e.g. Google and Amazon) compete.")]
    [InlineData("The web (as we know it) is gone.")]
    [InlineData("An aside (see below).")]
    [InlineData("A claim about Benjamin and others (see above) in (2019).")]
    public void Parentheses_that_are_not_citations_are_left_alone(string body) => Assert.Empty(Check(body).Citations);

    [Theory]
    [InlineData("As in [@benjamin2019race, p. 33].", "benjamin2019race")]
    [InlineData("As in [see @benjamin2019race; @oneil2016weapons].", "benjamin2019race; oneil2016weapons")]
    [InlineData("As @benjamin2019race shows.", "benjamin2019race")]
    [InlineData(@"As in \parencite[33]{benjamin2019race}.", "benjamin2019race")]
    [InlineData(@"As \textcite{benjamin2019race, oneil2016weapons} show.", "benjamin2019race; oneil2016weapons")]
    public void Keys_are_matched(string body, string keys)
    {
        var list = BibTexReader.Parse("@book{benjamin2019race, author={Benjamin, Ruha}, title={Race after Technology}, year=2019}\n@book{oneil2016weapons, author={O'Neil, Cathy}, title={Weapons of Math Destruction}, year=2016}", "refs.bib");
        var report = CheckCatalogue.Run(ManuscriptReader.Read(body, body.Contains('\\') ? "paper.tex" : "paper.md"), list);
        Assert.Equal(keys, Keys(report));
    }

    [Fact]
    public void A_latex_manuscript_stops_at_its_bibliography()
    {
        var report = Check("Text (Benjamin 3).\n\n\\begin{thebibliography}{9}\n\\bibitem{x} (Smith 4)\n\\end{thebibliography}\n", file: "paper.tex");
        Assert.Single(report.Citations);
    }

    private static IEnumerable<string> Codes(CheckReport r, Severity? severity = null) =>
        r.Findings.Where(f => f.Span.File.EndsWith(".txt", StringComparison.Ordinal) && !f.Span.File.StartsWith("list", StringComparison.Ordinal) && (severity is null || f.Severity == severity)).Select(f => f.Code);

    [Theory]
    [InlineData("(Smith 12).", "CW001")]
    [InlineData("(Benjamn 12).", "CW003")]
    [InlineData("(Costanza Chock 12).", "CW003")]
    [InlineData("(Apprich, Technotopias Revisited 12).", "CW004")]
    [InlineData("(Apprich 12).", "CW005")]
    [InlineData("(Benjamin 3). (ibid. 4).", "CW006")]
    [InlineData("(ibid. 4).", "CW007")]
    [InlineData("(Srnicek, “Data, Compute, Labor” 300).", "CW008")]
    [InlineData("(Benjamin et al. 3).", "CW009")]
    [InlineData("(Dyer-Witheford, Kjøsen and Steinhoff 43).", "CW009")]
    public void Each_citation_check_rejects(string body, string code) => Assert.Contains(code, Codes(Check("Text " + body)));

    [Theory]
    [InlineData("١٢٣–١٤٥")]           // Arabic-Indic digits
    [InlineData("１２–１５")]           // fullwidth digits
    [InlineData("99999999999-99999999999")]
    [InlineData("12-99999999999")]
    [InlineData("4294967296-7")]
    public void A_page_range_that_is_not_ascii_or_overflows_is_not_checked_and_does_not_stop_the_check(string pages)
    {
        var list = BibTexReader.Parse($"@article{{b, author={{Benjamin, Ruha}}, title={{Race after Technology}}, year=2019, pages={{{pages}}}}}", "refs.bib");
        var report = CheckCatalogue.Run(ManuscriptReader.Read("Text (Benjamin 3). More (Benjamin 99999999999).", "paper.md"), list);
        Assert.Equal(2, report.Citations.Count);
        Assert.DoesNotContain(report.Findings, f => f.Code == "CW008");
    }

    [Theory]
    [InlineData("She writes “it is so.” (Benjamin 3)", "CW014")]
    [InlineData("She writes “it is so” (Benjamin 3).", null)]
    [InlineData("A claim (Benjamin 24, cited after O’Neil).", "CW015")]
    [InlineData("A claim (O’Neil qtd. in Benjamin 24).", null)]
    public void Style_checks(string body, string? code)
    {
        var codes = Check(body).Findings.Where(f => f.Code is "CW014" or "CW015").Select(f => f.Code).ToList();
        if (code is null) Assert.Empty(codes);
        else Assert.Equal([code], codes);
    }

    [Fact]
    public void An_entry_without_its_full_stop_is_noted()
    {
        var report = Check("(Benjamin 3) (Ito 4).", "Benjamin, Ruha. Race after Technology. Polity Press, 2019.\nIto, Joichi. “Resisting Reduction.” Journal of Design and Science, 2018\n");
        Assert.Equal([2], report.Findings.Where(f => f.Code == "CW016").Select(f => f.Span.Line));
    }

    [Theory]
    [InlineData("(Benjamin 12).")]
    [InlineData("(Apprich, Technotopia 12).")]
    [InlineData("(Srnicek, “Data, Compute, Labor” 250).")]
    [InlineData("(West et al. 3).")]
    [InlineData("(Dyer-Witheford et al. 43).")]
    [InlineData("(Google AI, “Principles”) and (O’Neil; Benjamin 4).")]
    public void Correct_citations_raise_no_error(string body) => Assert.Empty(Codes(Check("Text " + body), Severity.Error));

    [Fact]
    public void The_list_checks_find_order_duplicates_links_and_missing_elements()
    {
        const string list = """
            Benjamin, Ruha. Race after Technology. Polity Press, 2019.
            Apprich, Clemens. Technotopia. Rowman & Littlefield, 2017.
            Benjamin, Ruha. Race after Technology. Polity Press, 2019.
            Crunchbase. “Hugging Face.” 2023. https://www.crunchbase.com/organization/hugging-face.
            Ito, Joichi. “Resisting Reduction.” Journal of Design and Science, 2018
            """;
        var report = Check("Text (Benjamin 1) (Apprich 2) (Crunchbase) (Ito 3).", list);
        var byCode = report.Findings.GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Select(f => f.Span.Line).ToList());
        Assert.Equal([2], byCode["CW010"]);
        Assert.Equal([3], byCode["CW011"]);
        Assert.Contains(5, byCode["CW013"]);
        Assert.Contains(report.Findings, f => f.Code == "CW013" && f.Severity == Severity.Info && f.Span.Line == 4);
        Assert.DoesNotContain("CW002", byCode.Keys);
    }

    // A first author's works alone come before those written with others, in every style; works by the same
    // authors go by title in MLA and by year in an author-date list.
    [Theory]
    [InlineData("mla", "Gebru, Timnit. “Race and Gender.” The Oxford Handbook of Ethics of AI, Oxford UP, 2020, pp. 251-69.\nGebru, Timnit, et al. “Datasheets for Datasets.” Communications of the ACM, vol. 64, no. 12, 2021, pp. 86-92.\n", false)]
    [InlineData("mla", "Gebru, Timnit, et al. “Datasheets for Datasets.” Communications of the ACM, vol. 64, no. 12, 2021, pp. 86-92.\nGebru, Timnit. “Race and Gender.” The Oxford Handbook of Ethics of AI, Oxford UP, 2020, pp. 251-69.\n", true)]
    [InlineData("mla", "Crawford, Kate, and Ryan Calo. “There Is a Blind Spot in AI Research.” Nature, vol. 538, 2016, pp. 311-13.\nCrawford, Kate, and Vladan Joler. “Anatomy of an AI System.” AI Now Institute, 2018.\n", false)]
    [InlineData("mla", "Crawford, Kate, and Vladan Joler. “Anatomy of an AI System.” AI Now Institute, 2018.\nCrawford, Kate, and Ryan Calo. “There Is a Blind Spot in AI Research.” Nature, vol. 538, 2016, pp. 311-13.\n", true)]
    [InlineData("mla", "Apprich, Clemens. Technotopia. Rowman & Littlefield, 2017.\nApprich, Clemens. “Introduction.” Pattern Discrimination, meson press, 2018, pp. 1-14.\n", true)]
    // Family names first, then given names: "Chan" before "Chandra", whatever their given names.
    [InlineData("mla", "Chan, Gerald. “Geometry Is Fun For Me.” 2019.\nChandra, Ashok K. “Computer Queries for Relational Data Bases.” Journal of Computer and System Sciences, vol. 21, no. 2, 1980, pp. 156-78.\n", false)]
    [InlineData("mla", "Chandra, Ashok K. “Computer Queries for Relational Data Bases.” Journal of Computer and System Sciences, vol. 21, no. 2, 1980, pp. 156-78.\nChan, Gerald. “Geometry Is Fun For Me.” 2019.\n", true)]
    // A film printed under its title is listed under its title, one printed under its director under the director.
    [InlineData("mla", "Coded Bias. Directed by Shalini Kantayya, 7th Empire Media, 2020.\nCrawford, Kate. Atlas of AI. Yale UP, 2021.\n", false)]
    [InlineData("mla", "Crawford, Kate. Atlas of AI. Yale UP, 2021.\nCoded Bias. Directed by Shalini Kantayya, 7th Empire Media, 2020.\n", true)]
    [InlineData("apa", "Berry, D. M. (2012). Understanding digital humanities. Palgrave Macmillan.\nBerry, D. M. (2014). Critical theory and the digital. Bloomsbury.\n", false)]
    [InlineData("apa", "Berry, D. M. (2014). Critical theory and the digital. Bloomsbury.\nBerry, D. M. (2012). Understanding digital humanities. Palgrave Macmillan.\n", true)]
    public void The_works_cited_is_in_the_order_the_style_gives(string style, string list, bool outOfOrder)
    {
        PlainTextReaderOptions.TryParseStyle(style, out var parsed);
        var works = PlainTextReader.Read(list, "list.txt", new PlainTextReaderOptions { Style = parsed });
        Assert.Equal(2, works.References.Count);
        var report = CheckCatalogue.Run(ManuscriptReader.Read("Text.", "essay.txt"), works);
        Assert.Equal(outOfOrder ? [2] : [], report.Findings.Where(f => f.Code == "CW010").Select(f => f.Span.Line));
    }

    [Fact]
    public void Empty_input_is_never_an_error()
    {
        var report = CheckCatalogue.Run(ManuscriptReader.Read("", "empty.txt"), new Bibliography("empty.txt"));
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Ignored_checks_are_left_out()
    {
        var works = PlainTextReader.Read(List, "list.txt");
        var report = CheckCatalogue.Run(ManuscriptReader.Read("(Smith 12).", "essay.txt"), works, ["CW001", "cw002"]);
        Assert.DoesNotContain(report.Findings, f => f.Code is "CW001" or "CW002");
    }
}
