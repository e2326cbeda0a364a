using CiteWeb.Core.Text;

namespace CiteWeb.Core.Tests;

public sealed class TextDriftTests
{
    private const string Article =
        "<p>Reference rot is the problem of links that stop working and of pages whose content changes after they are cited. "
        + "Klein and colleagues found that one in five science articles cites something that has rotted, and "
        + "Zittrain found that most law review links no longer point to what the authors saw.</p>";

    private static string Page(string body, string nav = "<nav><a href=/>Home</a> <a href=/about>About</a></nav>",
        string footer = "<footer>&copy; 2019 The Site</footer>", string script = "<script>var x = 'tracking';</script>") =>
        $"<!doctype html><html><head><title>Rot</title><style>p {{ color: red }}</style>{script}</head><body><header>The Site</header>{nav}<main>{body}</main>{footer}</body></html>";

    public static TheoryData<string, string, double, double> Pairs => new()
    {
        // identical page
        { Page(Article), Page(Article), 1.0, 1.0 },
        // boilerplate only: navigation, footer, scripts, comments and markup changed, the article not
        { Page(Article), Page(Article.Replace("<p>", "<p class=\"lead\"><!-- new theme -->"), "<nav><a href=/>Start</a> <a href=/blog>Blog</a> <a href=/shop>Shop</a></nav>",
            "<footer>&copy; 2025 The Site, all rights reserved. Privacy. Cookies.</footer>", "<script>track('2025', 'new analytics');</script>"), 1.0, 1.0 },
        // the same words, entities and accents written differently
        { Page("<p>Caf&eacute; d&#233;j&agrave; vu &amp; the na&iuml;ve r&eacute;sum&eacute; of a long essay</p>"), Page("<p>Café déjà vu &amp; the <b>naïve</b> résumé of a long   essay</p>"), 1.0, 1.0 },
        // one sentence added to a long article: still the same page
        { Page(Article), Page(Article + "<p>Updated: a typo was corrected.</p>"), 0.8, 0.99 },
        // rewritten article under the same address
        { Page(Article), Page("<p>Buy cheap domain names today. This domain is for sale and the previous site has moved away; "
            + "contact our brokers for an offer on this premium address and many other names.</p>"), 0.0, 0.1 },
        // half rewritten
        { Page(Article), Page(Article[..(Article.Length / 3)] + " and then something else entirely was written about gardening and tomatoes in spring</p>"), 0.1, 0.5 },
        // empty pages: nothing to compare is the same nothing; an empty page against an article is not the article
        { "", "", 1.0, 1.0 },
        { Page(""), Page("", nav: "<nav>Only a menu</nav>"), 1.0, 1.0 },
        { "<html><body><nav>Only a menu</nav></body></html>", "", 1.0, 1.0 },
        { "", Page(Article), 0.0, 0.0 },
        { Page(""), Page(Article), 0.0, 0.1 },
        // shorter than a shingle: one shingle each
        { Page("<p>Short note</p>"), Page("<p>short NOTE</p>"), 1.0, 1.0 },
        { Page("<p>Short note</p>"), Page("<p>Long note</p>"), 0.0, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Similarity_of_visible_text(string a, string b, double min, double max)
    {
        var s = TextDrift.Similarity(a, b);
        Assert.InRange(s, min, max);
        Assert.Equal(s, TextDrift.Similarity(b, a));
    }

    [Fact]
    public void Below_the_threshold_is_a_rewritten_page()
    {
        Assert.True(TextDrift.Similarity(Page(Article), Page("<p>This domain is for sale. Contact our brokers for an offer.</p>")) < TextDrift.DefaultThreshold);
        Assert.True(TextDrift.Similarity(Page(Article), Page(Article + "<p>Updated.</p>")) >= TextDrift.DefaultThreshold);
    }

    [Theory]
    [InlineData("<p>Hello&nbsp;<b>World</b>!</p>", "hello world")]
    [InlineData("<script>alert(1)</script><style>b{}</style><p>Text</p><!-- hidden -->", "text")]
    [InlineData("<NAV class=x>menu</NAV><Header>top</Header>body<footer>end", "body")]
    [InlineData("Straße &lt;Kjøsen&gt; &#x2014; 12", "strasse kjosen 12")]
    [InlineData("<p>unclosed <!-- comment", "unclosed")]
    [InlineData("", "")]
    public void Visible_text_is_folded_words(string html, string expected) =>
        Assert.Equal(expected, TextDrift.VisibleText(html));

    [Fact]
    public void Shingles_are_five_word_runs()
    {
        Assert.Equal(2, TextDrift.Shingles("a b c d e f").Count);
        Assert.Single(TextDrift.Shingles("a b"));
        Assert.Empty(TextDrift.Shingles(""));
        // the same run of words is the same shingle wherever it is
        Assert.Single(TextDrift.Shingles("x a b c d e").Intersect(TextDrift.Shingles("a b c d e y")));
    }
}
