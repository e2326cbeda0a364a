using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Tests.Export;

public sealed class LinkRotReportTests
{
    private static readonly DateTimeOffset Generated = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Checked = new(2025, 3, 1, 11, 59, 30, TimeSpan.Zero);

    private static LinkCheck Link(LinkStatus status, string url = "https://example.org/page", string? reference = "smith2020") =>
        new() { Url = url, Reference = reference, File = "refs.bib", Line = 12, Status = status, CheckedAt = Checked, ElapsedMs = 120 };

    /// <summary>Three links as the essay might have them: one dead and archived, one moved, one fine but drifted.</summary>
    public static readonly LinkCheck[] Three =
    [
        Link(LinkStatus.NotFound, "https://journal.example/article/42", "klein2014") with
        {
            HttpStatus = 404, Detail = "The server answered 404 Not Found.",
            Archive = new ArchivedCopy("https://web.archive.org/web/20140101000000/https://journal.example/article/42", new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero), "wayback"),
        },
        Link(LinkStatus.Redirected, "http://law.example/old", "zittrain2014") with
        {
            HttpStatus = 301, FinalUrl = "https://law.example/new", Redirects = ["http://law.example/old", "https://law.example/old", "https://law.example/new"],
            Detail = "Moved permanently to https://law.example/new.", File = "essay.bib", Line = 3,
        },
        Link(LinkStatus.Ok, "https://pew.example/report", "pew2024") with { HttpStatus = 200, DriftSimilarity = 0.42, Drifted = true, Line = 40, ElapsedMs = 87 },
    ];

    // ---- JSON ----

    [Fact]
    public void Json_has_the_contract_keys_in_order_with_values_field_by_field()
    {
        using var doc = JsonDocument.Parse(LinkRotReport.Json(Three, Generated));
        var root = doc.RootElement;
        Assert.Equal(["generated", "links", "summary"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Generated, root.GetProperty("generated").GetDateTimeOffset());

        var links = root.GetProperty("links");
        Assert.Equal(3, links.GetArrayLength());
        var dead = links[0];
        Assert.Equal(["url", "reference", "file", "line", "status", "httpStatus", "finalUrl", "redirects", "drift", "archive", "checkedAt", "elapsedMs", "detail"],
            dead.EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://journal.example/article/42", dead.GetProperty("url").GetString());
        Assert.Equal("klein2014", dead.GetProperty("reference").GetString());
        Assert.Equal("refs.bib", dead.GetProperty("file").GetString());
        Assert.Equal(12, dead.GetProperty("line").GetInt32());
        Assert.Equal("not-found", dead.GetProperty("status").GetString());
        Assert.Equal(404, dead.GetProperty("httpStatus").GetInt32());
        Assert.Equal(JsonValueKind.Null, dead.GetProperty("finalUrl").ValueKind);
        Assert.Equal(0, dead.GetProperty("redirects").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, dead.GetProperty("drift").ValueKind);
        var archive = dead.GetProperty("archive");
        Assert.Equal(["url", "timestamp", "source"], archive.EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://web.archive.org/web/20140101000000/https://journal.example/article/42", archive.GetProperty("url").GetString());
        Assert.Equal(new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero), archive.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("wayback", archive.GetProperty("source").GetString());
        Assert.Equal(Checked, dead.GetProperty("checkedAt").GetDateTimeOffset());
        Assert.Equal(120, dead.GetProperty("elapsedMs").GetInt64());
        Assert.Equal("The server answered 404 Not Found.", dead.GetProperty("detail").GetString());

        var moved = links[1];
        Assert.Equal("redirected", moved.GetProperty("status").GetString());
        Assert.Equal("https://law.example/new", moved.GetProperty("finalUrl").GetString());
        Assert.Equal(["http://law.example/old", "https://law.example/old", "https://law.example/new"], moved.GetProperty("redirects").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("archive").ValueKind);

        var drift = links[2].GetProperty("drift");
        Assert.Equal(["similarity"], drift.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.42, drift.GetProperty("similarity").GetDouble());
    }

    [Fact]
    public void Json_writes_absent_values_as_null_and_a_never_checked_link_without_a_time()
    {
        var bare = new LinkCheck { Url = "not a url", Status = LinkStatus.Malformed, DriftSimilarity = double.NaN };
        var link = JsonDocument.Parse(LinkRotReport.Json([bare], Generated)).RootElement.GetProperty("links")[0];
        foreach (var key in (string[])["reference", "file", "line", "httpStatus", "finalUrl", "drift", "archive", "checkedAt", "detail"])
            Assert.Equal(JsonValueKind.Null, link.GetProperty(key).ValueKind);
        Assert.Equal(0, link.GetProperty("elapsedMs").GetInt64());
    }

    [Fact]
    public void Json_names_every_status_by_the_contract_and_counts_only_those_present_in_enum_order()
    {
        var all = Enum.GetValues<LinkStatus>();
        var links = all.SelectMany((s, i) => Enumerable.Repeat(Link(s), i % 3 + 1)).ToList();
        var root = JsonDocument.Parse(LinkRotReport.Json(links, Generated)).RootElement;
        string[] contract = ["ok", "redirected", "not-found", "gone", "forbidden", "rate-limited", "server-error", "timeout", "connection-failed",
            "dns-failure", "tls-error", "redirect-loop", "soft-404", "malformed", "blocked", "unchecked"];
        Assert.Equal(contract, root.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("status").GetString()).Distinct());
        Assert.Equal(contract, root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        Assert.Equal(all.Select((_, i) => i % 3 + 1), root.GetProperty("summary").EnumerateObject().Select(p => p.Value.GetInt32()));

        var some = JsonDocument.Parse(LinkRotReport.Json([Link(LinkStatus.Gone), Link(LinkStatus.Ok), Link(LinkStatus.Gone)], Generated)).RootElement;
        Assert.Equal(["ok:1", "gone:2"], some.GetProperty("summary").EnumerateObject().Select(p => $"{p.Name}:{p.Value.GetInt32()}"));
        Assert.Empty(JsonDocument.Parse(LinkRotReport.Json([], Generated)).RootElement.GetProperty("summary").EnumerateObject());
    }

    // ---- CSV ----

    [Fact]
    public void Csv_has_a_header_and_one_row_per_link_with_crlf()
    {
        var csv = LinkRotReport.Csv(Three);
        Assert.StartsWith("url,reference,file,line,status,httpStatus,finalUrl,redirects,archiveUrl,archiveTimestamp,checkedAt,elapsedMs,detail\r\n", csv);
        var rows = ParseCsv(csv);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(13, r.Count));
        Assert.Equal(["https://journal.example/article/42", "klein2014", "refs.bib", "12", "not-found", "404", "",  "",
            "https://web.archive.org/web/20140101000000/https://journal.example/article/42", "2014-01-01T00:00:00+00:00", "2025-03-01T11:59:30+00:00", "120",
            "The server answered 404 Not Found."], rows[1]);
        Assert.Equal("http://law.example/old -> https://law.example/old -> https://law.example/new", rows[2][7]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("plain text", "plain text")]
    [InlineData("1+1=2", "1+1=2")]
    public void Csv_quotes_by_rfc_4180_and_neutralises_formulas(string detail, string expectedCell) =>
        Assert.EndsWith("," + expectedCell + "\r\n", LinkRotReport.Csv([Link(LinkStatus.Ok) with { Detail = detail }]));

    [Fact]
    public void Csv_neutralises_every_column_and_reads_back_to_the_prefixed_values()
    {
        var hostile = Link(LinkStatus.Forbidden, "=cmd|' /C calc'!A0", "@ref") with { File = "-file.bib", FinalUrl = "+x", Detail = "=1,\"2\"\n3" };
        var row = ParseCsv(LinkRotReport.Csv([hostile]))[1];
        Assert.Equal(["'=cmd|' /C calc'!A0", "'@ref", "'-file.bib"], row.Take(3));
        Assert.Equal("'+x", row[6]);
        Assert.Equal("'=1,\"2\"\n3", row[12]);
    }

    // ---- summary sentence ----

    [Theory]
    [InlineData("", "There are no links to check.")]
    [InlineData("o", "The link is ok.")]
    [InlineData("ooo", "All 3 links are ok.")]
    [InlineData("n", "The link is dead; no archived copy found.")]
    [InlineData("nn", "Both links are dead; no archived copy found.")]
    [InlineData("nnn", "All 3 links are dead; no archived copy found.")]
    [InlineData("nooo", "1 of 4 links is dead; no archived copy found.")]
    [InlineData("nnoo", "2 of 4 links are dead; no archived copy found.")]
    [InlineData("nA", "Both links are dead; 1 archived copy found.")]
    [InlineData("nAAo", "3 of 4 links are dead; 2 archived copies found.")]
    [InlineData("r", "The link is not dead; 1 moved permanently; no archived copy found.")]
    [InlineData("ro", "Neither link is dead; 1 moved permanently; no archived copy found.")]
    [InlineData("rro", "None of the 3 links is dead; 2 moved permanently; no archived copy found.")]
    [InlineData("nAAArrfoooooooooooooooooooooooo", "4 of 31 links are dead; 2 moved permanently; 1 is behind a login or bot wall; 3 archived copies found.")]
    [InlineData("ffu", "None of the 3 links is dead; 2 are behind a login or bot wall; 1 was not checked; no archived copy found.")]
    [InlineData("uuo", "None of the 3 links is dead; 2 were not checked; no archived copy found.")]
    [InlineData("tlmbd", "None of the 5 links is dead; 1 was turned away for asking too often; 1 timed out; 1 is not a usable web address; 1 points to a private or local address and was not fetched; 1 has changed since it was cited; no archived copy found.")]
    [InlineData("ttllmmbbdd", "None of the 10 links is dead; 2 were turned away for asking too often; 2 timed out; 2 are not usable web addresses; 2 point to private or local addresses and were not fetched; 2 have changed since they were cited; no archived copy found.")]
    public void Summary_reads_like_a_person_wrote_it(string links, string expected) =>
        Assert.Equal(expected, LinkRotReport.Summary(Links(links)));

    /// <summary>One letter a link: o ok, n not-found, A not-found and archived, r redirected, f forbidden, u unchecked,
    /// l rate-limited, t timeout, m malformed, b blocked, d ok but drifted.</summary>
    private static LinkCheck[] Links(string code) => code.Select(c => c switch
    {
        'o' => Link(LinkStatus.Ok),
        'n' => Link(LinkStatus.NotFound),
        'A' => Link(LinkStatus.NotFound) with { Archive = new ArchivedCopy("https://web.archive.org/web/2019/x", Checked, "wayback") },
        'r' => Link(LinkStatus.Redirected),
        'f' => Link(LinkStatus.Forbidden),
        'u' => Link(LinkStatus.Unchecked),
        'l' => Link(LinkStatus.RateLimited),
        't' => Link(LinkStatus.Timeout),
        'm' => Link(LinkStatus.Malformed),
        'b' => Link(LinkStatus.Blocked),
        'd' => Link(LinkStatus.Ok) with { Drifted = true, DriftSimilarity = 0.3 },
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    }).ToArray();

    [Fact]
    public void Every_dead_status_counts_as_dead_in_the_summary()
    {
        var dead = Enum.GetValues<LinkStatus>().Where(LinkStatuses.IsDead).Select(s => Link(s)).ToArray();
        Assert.StartsWith($"All {dead.Length} links are dead;", LinkRotReport.Summary(dead));
    }

    // ---- Markdown and text ----

    [Fact]
    public void Markdown_lists_the_links_needing_attention_dead_first_then_counts_the_ok_ones()
    {
        var md = LinkRotReport.Markdown([Link(LinkStatus.Ok, "https://fine.example/"), .. Three.Reverse()], Generated);
        Assert.Contains("1 of 4 links is dead; 1 moved permanently; 1 has changed since it was cited; 1 archived copy found.", md);
        Assert.Contains("Generated 2025-03-01T12:00:00+00:00.", md);
        var rows = md.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count); // header and three links: the one plain ok link is only counted
        Assert.StartsWith("| not-found | klein2014 | refs.bib:12 | <https://journal.example/article/42> | 404 |", rows[1]);
        Assert.StartsWith("| redirected | zittrain2014 | essay.bib:3 | <http://law.example/old> -\\> <https://law.example/new> | 301 |", rows[2]);
        Assert.StartsWith("| ok, drifted (similarity 0.42) | pew2024 |", rows[3]);
        Assert.EndsWith("\nThe 1 other link is ok.\n", md);
        Assert.DoesNotContain("fine.example", md);
    }

    [Fact]
    public void Markdown_escapes_every_cell()
    {
        var hostile = Link(LinkStatus.Gone, "https://x.example/a_b*c*", "key|with|pipes") with
        {
            File = "# heading.bib",
            Detail = "see [here](javascript:alert(1)) <img src=x onerror=alert(1)> `code` \\ done\nnext line",
        };
        var row = LinkRotReport.Markdown([hostile], Generated).Split('\n').Single(l => l.StartsWith("| gone", StringComparison.Ordinal));
        Assert.Equal(@"| gone | key\|with\|pipes | \# heading.bib:12 | <https://x.example/a_b*c*> |  |  | see \[here\](javascript:alert(1)) \<img src=x onerror=alert(1)\> \`code\` \\ done next line |", row);
        Assert.Equal(8, Regex.Matches(row, @"(?<!\\)\|").Count); // seven cells: eight unescaped bars
    }

    [Fact]
    public void Markdown_says_so_when_nothing_needs_attention()
    {
        var md = LinkRotReport.Markdown([Link(LinkStatus.Ok), Link(LinkStatus.Ok)], Generated);
        Assert.Contains("All 2 links are ok.", md);
        Assert.DoesNotContain("|", md);
        Assert.EndsWith("Nothing needs attention.\n", md);
    }

    [Fact]
    public void Text_aligns_the_columns_and_indents_archive_and_detail()
    {
        var text = LinkRotReport.Text([.. Three, Link(LinkStatus.Ok)], Generated);
        var lines = text.Split('\n');
        Assert.Equal("1 of 4 links is dead; 1 moved permanently; 1 has changed since it was cited; 1 archived copy found.", lines[0]);
        var first = lines.Single(l => l.StartsWith("not-found", StringComparison.Ordinal));
        var second = lines.Single(l => l.StartsWith("redirected", StringComparison.Ordinal));
        Assert.Equal(first.IndexOf("klein2014", StringComparison.Ordinal), second.IndexOf("zittrain2014", StringComparison.Ordinal));
        Assert.Equal(first.IndexOf("https://", StringComparison.Ordinal), second.IndexOf("http://", StringComparison.Ordinal));
        Assert.EndsWith("https://journal.example/article/42 (HTTP 404)", first);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("archived: https://web.archive.org/", StringComparison.Ordinal));
        Assert.EndsWith("\nThe 1 other link is ok.\n", text);
    }

    [Fact]
    public void Text_drops_control_characters_that_could_drive_a_terminal()
    {
        var text = LinkRotReport.Text([Link(LinkStatus.Gone, "https://x.example/\u001b]0;pwned\u0007", "k\u202Eey") with { HttpStatus = 410, Detail = "a\r\nb\u009bc" }], Generated);
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n' || c == '\u202E');
        Assert.Equal("""
            The link is dead; no archived copy found.
            Generated 2025-03-01T12:00:00+00:00.

            gone  k ey  refs.bib:12  https://x.example/ ]0;pwned  (HTTP 410)
                  a  b c

            There are no other links.

            """, text);
    }

    // ---- HTML ----

    [Fact]
    public void Html_is_one_self_contained_page_with_the_summary_time_and_rows()
    {
        var html = LinkRotReport.Html(Three, Generated);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", html);
        Assert.EndsWith("</html>\n", html);
        Assert.Contains("1 of 3 links is dead; 1 moved permanently; 1 has changed since it was cited; 1 archived copy found.", html);
        Assert.Contains("<time datetime=\"2025-03-01T12:00:00+00:00\">", html);
        Assert.Equal(3, Regex.Matches(html, "<tr><td").Count);
        Assert.Contains("<span class=\"badge dead\">not-found</span>", html);
        Assert.Contains("<span class=\"badge warn\">redirected</span>", html);
        Assert.Contains("<span class=\"badge ok\">ok</span> <span class=\"badge warn\">drifted 0.42</span>", html);
        Assert.Contains("<a href=\"https://web.archive.org/web/20140101000000/https://journal.example/article/42\" rel=\"noopener noreferrer nofollow\">2014-01-01T00:00:00+00:00</a>", html);
        Assert.Contains("<a href=\"https://law.example/new\" rel=\"noopener noreferrer nofollow\">", html);
        Assert.Contains("<input id=\"filter\" type=\"search\"", html);
        Assert.Equal(9, Regex.Matches(html, "<th scope=\"col\"><button type=\"button\">").Count);
    }

    [Fact]
    public void Html_loads_nothing_from_outside()
    {
        var html = LinkRotReport.Html(Three, Generated);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(html, "<script>"));
        Assert.Single(Regex.Matches(html, "<style>"));
        // Every href in the page is a link row's own http(s) URL, never an asset.
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), h => Assert.Matches("^https?://", h));
    }

    [Fact]
    public void Html_content_security_policy_admits_exactly_its_own_style_and_script()
    {
        var html = LinkRotReport.Html(Three, Generated);
        string Hash(string tag) => "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(
            Encoding.UTF8.GetBytes(Regex.Match(html, $"<{tag}>(.*?)</{tag}>", RegexOptions.Singleline).Groups[1].Value)));
        Assert.Contains($"style-src '{Hash("style")}'; script-src '{Hash("script")}'", html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void Html_escapes_hostile_values_and_never_links_a_javascript_url()
    {
        var hostile = Link(LinkStatus.NotFound, "javascript:alert(document.cookie)", "<script>alert(1)</script>") with
        {
            File = "\" onmouseover=\"alert(1)",
            FinalUrl = "https://ok.example/\"><script>alert(2)</script>",
            Redirects = ["JaVaScRiPt:alert(3)"],
            Detail = "<img onerror=alert(4)> ' onmouseover='alert(5)' & more",
            Archive = new ArchivedCopy(" javascript:alert(6)", Checked, "<b>wayback</b>"),
        };
        var others = new[] { "data:text/html,<script>alert(7)</script>", "\tjavascript:alert(8)", "//evil.example/x", "java\nscript:alert(9)", "vbscript:x" }
            .Select(u => Link(LinkStatus.Malformed, u));
        var html = LinkRotReport.Html([hostile, .. others], Generated);
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];

        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]*\\sonmouseover", body);
        Assert.DoesNotMatch("<[^>]*\\sonerror", body);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body);
        Assert.Contains("&quot; onmouseover=&quot;alert(1)", body);
        Assert.Contains("&#39; onmouseover=&#39;alert(5)&#39; &amp; more", body);
        Assert.Contains(">javascript:alert(document.cookie)<", body);
        var hrefs = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["https://ok.example/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"], hrefs);
    }

    [Theory]
    [InlineData("https://example.org/", true)]
    [InlineData("HTTP://EXAMPLE.ORG/a?b=c", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("\thttps://example.org/", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("//example.org/", false)]
    [InlineData("/relative", false)]
    [InlineData("ftp://example.org/", false)]
    [InlineData("https://", false)]
    [InlineData("", false)]
    public void Only_absolute_http_and_https_become_links(string url, bool link) => Assert.Equal(link, HtmlText.IsWebUrl(url));

    // ---- every format ----

    [Fact]
    public void Odd_values_never_throw_and_json_stays_parseable()
    {
        var odd = new LinkCheck
        {
            Url = "https://x.example/\uD800broken\u0000", Reference = "\uDC00", File = "", Line = -1, Status = (LinkStatus)99, HttpStatus = -5,
            DriftSimilarity = double.PositiveInfinity, Drifted = true, ElapsedMs = long.MaxValue, Redirects = ["", "\uDBFF"],
            Archive = new ArchivedCopy("", DateTimeOffset.MinValue, ""), CheckedAt = DateTimeOffset.MaxValue, Detail = new string('\u0001', 3),
        };
        foreach (var format in LinkRotReport.Formats)
            Assert.NotEmpty(LinkRotReport.Write(format, [odd, .. Three], Generated));
        var link = JsonDocument.Parse(LinkRotReport.Json([odd], Generated)).RootElement.GetProperty("links")[0];
        Assert.Equal("unchecked", link.GetProperty("status").GetString());
        Assert.Equal("https://x.example/\uFFFDbroken\u0000", link.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, link.GetProperty("drift").ValueKind);
    }

    [Fact]
    public void No_links_make_short_reports_in_every_format()
    {
        Assert.Equal("There are no links to check.\nGenerated 2025-03-01T12:00:00+00:00.\n", LinkRotReport.Text([], Generated));
        Assert.DoesNotContain("|", LinkRotReport.Markdown([], Generated));
        Assert.Single(ParseCsv(LinkRotReport.Csv([])));
        Assert.DoesNotContain("<table", LinkRotReport.Html([], Generated));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkRotReport.Write("pdf", [], Generated));
    }

    /// <summary>An RFC 4180 reader, to check that what was written reads back as the cells intended.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++; }
            else cell.Append(c);
        }
        return rows;
    }
}
