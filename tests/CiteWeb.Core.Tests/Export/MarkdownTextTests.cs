using System.Net;
using System.Text.RegularExpressions;
using CiteWeb.Core.Export;
using Markdig;

namespace CiteWeb.Core.Tests.Export;

/// <summary>
/// Report cells are Markdown made from titles, keys and URLs out of files we do not trust. Each hostile value is
/// escaped, put in a GitHub-flavoured table and rendered by Markdig with GitHub's extensions and the common ones
/// of GitLab and pandoc (strike-through, sub- and superscript, math, footnotes, attributes): the cell must render
/// as the value's own text and as nothing else (no link, image, emphasis, strike-through, code, math, entity or
/// HTML), and the row must keep its cells. Viewers with GitHub's autolink extension may still link an http(s) or
/// www address inside running text; that is the only element allowed, and only with an http(s) address. (Emoji short codes such as <c>:smile:</c> are left as they are: a
/// renderer that turns them into pictures shows no markup and follows no link.)
/// </summary>
public sealed class MarkdownTextTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoLinks().UseFootnotes().UseTaskLists().UseMathematics().UseDefinitionLists()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough
                           | Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Subscript
                           | Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Superscript)
        .UseGenericAttributes().Build();

    public static TheoryData<string> Hostile => new(
        "see [here](javascript:alert(1))",
        "![x](https://evil.example/pixel.png)",
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "~~struck~~ and ~sub~",
        "&lt;b&gt;bold&lt;/b&gt; &#106;avascript:alert(1) &amp;",
        "*em* _em_ **strong** __strong__",
        "`code` ``more``",
        "$x^2$ and $$y$$",
        "a | b | c",
        "back\\slash\\|",
        "# not a heading",
        "[^1] footnote and [ref][1]",
        "<javascript:alert(1)>",
        "javascript:alert(1)",
        "see www.evil.example/x or https://evil.example/?a=1",
        "^sup^ and H~2~O",
        "{.class} {#id}",
        "line\nbreak\r\nand\ttab",
        "trailing two spaces  ",
        "1. not a list",
        "- not a list either",
        "> not a quote",
        "term\n: not a definition");

    private static string Normal(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void An_escaped_value_renders_as_its_own_text_and_nothing_else(string value)
    {
        string html = Markdown.ToHtml($"| value | next |\n|---|---|\n| {MarkdownText.Escape(value)} | end |\n", Gfm);

        var cells = Regex.Matches(html, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal("end", cells[1]);
        string cell = cells[0];
        string withoutWebLinks = Regex.Replace(cell, "<a href=\"https?://[^\"]*\">(.*?)</a>", "$1");
        Assert.DoesNotMatch("<(?!/?td)[a-z]", withoutWebLinks); // no other element: no a, img, em, del, code, span, script
        Assert.Equal(Normal(Regex.Replace(value, @"\p{Cc}", " ")), Normal(WebUtility.HtmlDecode(withoutWebLinks)));
    }

    [Theory]
    [InlineData("https://x.example/p?a=1&b=2_3*4#frag~1")]
    [InlineData("http://law.example/old_(1)")]
    [InlineData("https://x.example/a|b")]
    public void An_http_url_renders_as_a_link_to_exactly_itself(string url)
    {
        string html = Markdown.ToHtml($"| link | next |\n|---|---|\n| {MarkdownText.Url(url)} | end |\n", Gfm);

        var cells = Regex.Matches(html, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, cells.Count);
        var link = Regex.Match(cells[0], "^<a href=\"([^\"]*)\">([^<]*)</a>$");
        Assert.True(link.Success, cells[0]);
        string expected = url.Replace("|", "%7C", StringComparison.Ordinal);
        Assert.Equal(Uri.UnescapeDataString(expected), Uri.UnescapeDataString(WebUtility.HtmlDecode(link.Groups[1].Value))); // ~ may come back as %7E
        Assert.Equal(expected, WebUtility.HtmlDecode(link.Groups[2].Value));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/relative/path")]
    public void Anything_else_is_text_and_never_a_link(string url)
    {
        string html = Markdown.ToHtml($"| link | next |\n|---|---|\n| {MarkdownText.Url(url)} | end |\n", Gfm);

        string cell = Regex.Match(html, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotMatch("<(?!/?td)[a-z]", cell);
        Assert.Equal(url, WebUtility.HtmlDecode(cell));
    }
}
