using System.Text;
using System.Text.RegularExpressions;
using CiteWeb.Core.Checks;
using CiteWeb.Core.Export;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.PlainText;

namespace CiteWeb.Core.Tests.Export;

public sealed class RunReportHtmlTests
{
    private static readonly DateTimeOffset Generated = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private const string WorksCited = """
        Benjamin, Ruha. Race After Technology. Polity, 2019.
        Costanza-Chock, Sasha. Design Justice. MIT Press, 2020.
        """;

    private static Bibliography Bib(string text, string file) =>
        BibTexReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), file);

    /// <summary>A run over two files and one manuscript with one misspelt and one unknown author.</summary>
    private static RunReport Report(IReadOnlyList<LinkCheck>? links = null, string? svg = null, string bibText = "")
    {
        var printed = PlainTextReader.Read(WorksCited, "bib/essay.txt");
        var bib = Bib(bibText.Length > 0 ? bibText : """
            @book{benjamin2019, author = {Benjamin, Ruha}, title = {Race After Technology}, year = 2019, doi = {10.1000/xyz}}
            @online{noble2018, author = {Noble, Safiya}, title = {Algorithms}, year = 2018, url = {https://example.org/noble}}
            @online{eubanks2018, author = {Eubanks, Virginia}, title = {Automating}, year = 2018, url = {https://example.org/eubanks}}
            """, "bib/other.bib");
        var manuscript = ManuscriptReader.Read("Design matters (Costanza Chock 12). Nobody (Smith 4) said so.\n", "bib/manuscripts/essay.txt");
        var check = CheckCatalogue.Run(manuscript, printed);
        return new RunReport(Generated, "bib", [new("bib/essay.txt", printed, "read as mla"), new("bib/other.bib", bib)], [check], links ?? LinkRotReportTests.Three, svg);
    }

    [Fact]
    public void The_summary_sentence_counts_references_inconsistencies_dead_links_and_archived_copies()
    {
        var summary = Report().Summary;
        Assert.Equal("5 references in 2 bibliographies, 2 inconsistencies, 1 of 3 links dead, 1 archived copy found", summary.ToString());
        Assert.Equal("5 references in 2 bibliographies, 2 inconsistencies, links not checked",
            (Report() with { Links = null }).Summary.ToString());
    }

    [Fact]
    public void A_printed_list_beside_its_structured_twin_is_listed_but_counted_once()
    {
        var r = Report();
        r = r with { Bibliographies = [r.Bibliographies[0] with { PrintedTwinOf = "other.bib" }, r.Bibliographies[1]] };
        Assert.StartsWith("3 references in 1 bibliography,", r.Summary.ToString());
        var html = RunReportHtml.Write(r);
        Assert.Contains("printed form of other.bib, counted once, as that file", html);
        Assert.Contains("<tfoot><tr><th scope=\"row\">1 bibliography</th><td></td><td class=\"n\">3</td>", html);
    }

    [Fact]
    public void The_page_has_a_row_per_bibliography_with_its_counts()
    {
        var html = RunReportHtml.Write(Report());
        Assert.Contains("<tr><td>bib/other.bib</td><td>biblatex</td><td class=\"n\">3</td><td class=\"types\">webpage 2, book 1</td>"
            + "<td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td><td></td></tr>", html);
        Assert.Contains("<tr><td>bib/essay.txt</td><td>text</td><td class=\"n\">2</td><td class=\"types\">book 2</td>", html);
    }

    [Fact]
    public void Each_finding_shows_its_position_the_citation_as_printed_and_the_suggestion()
    {
        var html = RunReportHtml.Write(Report());
        Assert.Contains("<h3>bib/manuscripts/essay.txt</h3>\n<p>Checked against bib/essay.txt: 2 citations, 2 entries; 2 inconsistencies,", html);
        Assert.Contains("<tr><td data-sort=\"0\"><span class=\"badge dead\">error</span></td><td>CW003</td><td data-sort=\"00000010000016\">1:16</td>"
            + "<td class=\"cited\">(Costanza Chock 12)</td>", html);
        Assert.Contains("&#39;Costanza Chock&#39; is spelled &#39;Costanza-Chock&#39; in the works cited</td><td>Costanza-Chock</td></tr>", html);
        Assert.Contains("<td class=\"cited\">(Smith 4)</td>", html);
    }

    [Fact]
    public void The_link_table_is_the_link_rot_reports_with_the_archived_copy_linked()
    {
        var html = RunReportHtml.Write(Report());
        Assert.Contains("<table id=\"links\" class=\"sortable filterable\">", html);
        Assert.Contains("<a href=\"https://web.archive.org/web/20140101000000/https://journal.example/article/42\" rel=\"noopener noreferrer nofollow\">2014-01-01T00:00:00+00:00</a> <span class=\"source\">wayback</span>", html);
        Assert.Contains("1 of 3 links is dead;", html);
        Assert.Contains("The links were not checked in this run.", RunReportHtml.Write(Report() with { Links = null }));
    }

    [Fact]
    public void The_network_svg_is_embedded_as_markup_and_its_absence_is_said()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"2\"/></svg>";
        Assert.Contains("<figure class=\"network\">" + svg + "</figure>", RunReportHtml.Write(Report(svg: svg)));
        Assert.Contains("there is no network to draw", RunReportHtml.Write(Report()));
    }

    [Fact]
    public void The_page_is_self_contained_and_its_policy_admits_exactly_its_style_and_script()
    {
        var html = RunReportHtml.Write(Report());
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        Assert.Single(Regex.Matches(html, "<script>"));
        Assert.Single(Regex.Matches(html, "<style>"));
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        string Hash(string tag) => "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(
            Encoding.UTF8.GetBytes(Regex.Match(html, $"<{tag}>(.*?)</{tag}>", RegexOptions.Singleline).Groups[1].Value)));
        Assert.Contains($"default-src 'none'; style-src '{Hash("style")}'; script-src '{Hash("script")}'", html);
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), h => Assert.Matches("^(https?://|#[a-z-]+$)", h));
        Assert.Contains("<input id=\"filter\" type=\"search\"", html);
    }

    [Fact]
    public void Hostile_values_from_files_and_servers_are_escaped_and_a_javascript_url_is_never_a_link()
    {
        var hostile = new LinkCheck
        {
            Url = "javascript:alert(1)", Reference = "<img src=x onerror=alert(2)>", File = "bib/\"><script>alert(3)</script>.bib",
            Status = LinkStatus.NotFound, Detail = "<b>bold</b>", Archive = new ArchivedCopy("javascript:alert(4)", Generated, "<i>w</i>"),
        };
        var html = RunReportHtml.Write(Report(links: [hostile], bibText: """
            @book{x, author = {<script>alert(5)</script>}, title = {"><svg onload=alert(6)>}, year = 2019, url = {javascript:alert(7)}}
            """) with { Folder = "<script>alert(8)</script>" });
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..html.LastIndexOf("<script>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(8)&lt;/script&gt;", body);
        Assert.Contains("bib/&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;.bib", body);
    }
}
