using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>The source-level test that lets the white-space cleanup pass a LaTeX value without decoding it: it may
/// say "not sure" of a clean value, but never "sure" of one whose decoded text has white space to clean.</summary>
public sealed class DecodesCollapsedTests
{
    [Theory]
    // Sure: the decoder collapses and trims ASCII white space, and ties between words stay inside.
    [InlineData("Plain title", true)]
    [InlineData("  spaced \n\t out  ", true)]
    [InlineData("The {ImageNet} models of {\\&} {NLP}", true)]
    [InlineData("Ren{\\'e}e Jim\\'{e}nez and S{\\o}ren", true)]
    [InlineData("see Section~3 and Table~2", true)]
    [InlineData("a \\quad b \\\\ c", true)]
    [InlineData("\\emph{Models} of $\\ell_1$", true)]
    [InlineData("\\~{n} and \\~n", true)]
    // Not sure: these put white space at an end or white space other than a space inside.
    [InlineData("~tied at the start", false)]
    [InlineData("tied at the end~", false)]
    [InlineData("a ~ b", false)]
    [InlineData("\\quad~x", false)]
    [InlineData("a\\,b", false)]
    [InlineData("a\\thinspace b", false)]
    [InlineData("end\\nobreakspace{}", false)]
    [InlineData("\\char\"2009", false)]
    [InlineData("a\u2003b", false)]
    [InlineData("a\u00A0", false)]
    [InlineData("\\\u2009x", false)]
    public void Says_sure_only_where_the_decoded_text_is_collapsed(string latex, bool sure) =>
        Assert.Equal(sure, LatexDecoder.DecodesCollapsed(latex));

    [Theory]
    [InlineData("https://example.org/a b", true)]
    [InlineData(" 10.1000/x ", true)]
    [InlineData("10.1000/x\u00A0", false)]
    [InlineData("10.1000/\u2009x", false)]
    public void Verbatim_is_sure_without_unicode_white_space(string value, bool sure) =>
        Assert.Equal(sure, LatexDecoder.DecodesVerbatimCollapsed(value));

    [Fact]
    public void Random_latex_it_is_sure_of_decodes_collapsed()
    {
        var random = new Random(20261127);
        int sure = 0, dirty = 0;
        for (int n = 0; n < 100_000; n++)
        {
            var latex = RandomLatex.Next(random);
            foreach (bool protectCase in (bool[])[false, true])
            {
                var decoded = LatexDecoder.Decode(latex, protectCase);
                bool collapsed = Whitespace.Collapse(decoded) == decoded;
                if (!collapsed) dirty++;
                if (!LatexDecoder.DecodesCollapsed(latex)) continue;
                sure++;
                Assert.True(collapsed, $"sure of '{latex}', which decodes to '{decoded}'");
            }
        }
        // The inputs exercise both sides: values it passes, and values whose decoded text does need collapsing.
        Assert.True(sure > 10_000 && dirty > 10_000, $"{sure} sure, {dirty} dirty");
    }

    [Fact]
    public void The_cleanup_collapses_what_the_test_is_not_sure_of_and_leaves_the_rest()
    {
        const string Bib = """
            @article{a,
              title = {~Tied {ImageNet}},
              note = {Thin\,space},
              abstract = {See Section~3 of {\em Models} by Ren{\'e}e},
            }
            """;
        var r = Assert.Single(BibTexReader.Parse(Bib, "w.bib").References);
        var changes = new Whitespace().Apply([r], new TransformContext()).ToList();
        Assert.Equal(
        [
            new FieldChange("whitespace", "a", Csl.Title, "\u00A0Tied <span class=\"nocase\">ImageNet</span>", "Tied <span class=\"nocase\">ImageNet</span>"),
            new FieldChange("whitespace", "a", Csl.Note, "Thin\u2009space", "Thin space"),
        ], changes);
        Assert.Equal("See Section\u00A03 of <i>Models</i> by Renée", r.Fields[Csl.Abstract]);
    }
}

/// <summary>Random strings of LaTeX pieces that the decoder treats specially: white space of every kind, ties and
/// spacing commands, braces, accents, math, verbatim commands, ligatures.</summary>
internal static class RandomLatex
{
    private static readonly string[] Pieces =
    [
        "a", "Bc", "1", " ", "  ", "\t", "\n", "~", "\\,", "\\thinspace", "\\nobreakspace", "\\quad", "\\ ", "\\\\",
        "{", "}", "{}", "\\em", "\\emph{", "\\'", "\\\"", "\\~", "\\c", "\\char\"2009", "\\char65", "$", "\u2009",
        "\u00A0", "\u3000", "\\noopsort{", "\\url{", "\\href{", "-", "--", "\\foo", "é", "\u0301", "\\(", "\\)", "``", "''",
        "\\_", "\\%", "\\&", "\\{", "\\}", "#",
    ];

    /// <summary>One to eight pieces.</summary>
    public static string Next(Random random)
    {
        var text = new StringBuilder();
        for (int k = random.Next(1, 9); k > 0; k--) text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }
}
