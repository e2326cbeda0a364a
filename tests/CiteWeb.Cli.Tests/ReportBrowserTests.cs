using System.Text.RegularExpressions;

namespace CiteWeb.Cli.Tests;

/// <summary>
/// The report page of a run over the shipped <c>bib/</c>, opened in headless Chromium from the file system: it renders
/// without script errors, holds the expected rows and the network SVG, and its filter box filters. A screenshot is
/// saved under the test output (<c>screenshots/report.png</c>).
/// </summary>
public sealed class ReportBrowserTests : IClassFixture<ReportBrowserTests.ShippedRun>
{
    /// <summary>One offline run over a copy of the repository's bib/ for all the tests of the class.</summary>
    public sealed class ShippedRun : IDisposable
    {
        public ShippedRun()
        {
            Bib = Path.Combine(RepositoryRoot.Path, "bib");
            CopyTree(Bib, Path.Combine(Cli.Directory, "bib"));
            (Exit, Out, Err) = Cli.Run("run", "bib", "--offline");
            Page = Path.Combine(Cli.Directory, "index", "reports", "index.html");
        }

        public CliRunner Cli { get; } = new();
        public string Bib { get; }
        public int Exit { get; }
        public string Out { get; }
        public string Err { get; }
        public string Page { get; }
        public string Url => new Uri(Page).AbsoluteUri;

        public void Dispose() => Cli.Dispose();

        private static void CopyTree(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    private readonly ShippedRun _run;

    public ReportBrowserTests(ShippedRun run)
    {
        _run = run;
        // The essay's five check errors are real (README), so the run ends "worked, found problems".
        Assert.True(run.Exit == 1, $"run exited {run.Exit}: {run.Err}");
        Assert.True(File.Exists(run.Page), "run wrote no index/reports/index.html");
    }

    [Fact]
    public void The_report_renders_without_script_errors_with_every_bibliography_the_findings_the_links_and_the_network()
    {
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        var page = Chromium.Open(_run.Url, screenshot);

        AssertRanCleanly(page);
        var bibliographies = Rows(page.Dom, "bibliography-table");
        var shipped = Directory.EnumerateFiles(_run.Bib, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "manuscripts" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && Path.GetFileName(f) != "README.md" && Path.GetExtension(f) is ".bib" or ".txt" or ".json" or ".ris" or ".md")
            .Select(f => "bib/" + Path.GetRelativePath(_run.Bib, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shipped, bibliographies.Select(r => Cells(r)[0]).Order(StringComparer.Ordinal));

        var findings = Rows(page.Dom, "findings-1");
        Assert.Equal(5, findings.Count(r => Cells(r)[0] == "error"));
        var costanza = Assert.Single(findings, r => Cells(r)[3] == "(Costanza Chock 11-12)");
        Assert.Equal(["error", "CW003", "25:519"], Cells(costanza)[..3]);
        Assert.Equal("Costanza-Chock", Cells(costanza)[6]);

        // Every link of the bibliographies that count (the printed twin's links are its .bib's) has its row.
        var links = Rows(page.Dom, "links");
        var linkColumn = bibliographies.Where(r => !Cells(r)[8].Contains("printed form of", StringComparison.Ordinal)).Sum(r => int.Parse(Cells(r)[4]));
        Assert.Equal(linkColumn, links.Count);
        Assert.Contains("<a href=\"https://ai.google/principles\" rel=\"noopener noreferrer nofollow\">", page.Dom);

        var network = Regex.Match(page.Dom, "<figure class=\"network\">(.*?)</figure>", RegexOptions.Singleline);
        Assert.True(network.Success, "no co-citation network figure in the rendered page");
        Assert.StartsWith("<svg", network.Groups[1].Value);
        Assert.True(Regex.Matches(network.Groups[1].Value, "<circle").Count >= 2, "the network SVG has fewer than two nodes");

        var png = File.ReadAllBytes(screenshot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"the screenshot is only {png.Length} bytes");
    }

    [Fact]
    public void The_filter_box_hides_every_row_without_the_text_and_says_how_many_are_shown()
    {
        // The page fills its filter box from #q= and filters as if it had been typed.
        var page = Chromium.Open(_run.Url + "#q=Costanza%20Chock");
        AssertRanCleanly(page);
        var rows = new[] { "bibliography-table", "findings-1", "links" }.SelectMany(t => Rows(page.Dom, t)).ToList();
        var visible = rows.Where(r => !r.StartsWith("<tr hidden", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(visible);
        Assert.True(visible.Count < rows.Count, "the filter hid no row");
        Assert.All(visible, r => Assert.Contains("costanza chock", Text(r).ToLowerInvariant()));
        Assert.All(rows.Except(visible), r => Assert.DoesNotContain("costanza chock", Text(r).ToLowerInvariant()));
        Assert.Contains($"<span id=\"shown\">{visible.Count} of {rows.Count} rows</span>", page.Dom);
    }

    private static void AssertRanCleanly(Chromium.Page page)
    {
        var body = Regex.Match(page.Dom, "<body([^>]*)>").Groups[1].Value;
        Assert.DoesNotContain("data-errors", body);
        Assert.True(body.Contains("data-ready=\"1\"", StringComparison.Ordinal), "the page's script did not run to its end: " + body);
        Assert.DoesNotContain("Uncaught", page.Console);
        Assert.DoesNotContain("Content Security Policy", page.Console);
    }

    /// <summary>The body rows of the table with this id, as Chromium serialised them.</summary>
    private static List<string> Rows(string dom, string tableId)
    {
        var table = Regex.Match(dom, $"<table id=\"{tableId}\"[^>]*>.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table #{tableId} in the rendered page");
        return Regex.Matches(table.Groups[1].Value, "<tr[ >].*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
    }

    private static string[] Cells(string row) =>
        Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToArray();

    private static string Text(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")).Trim();
}
