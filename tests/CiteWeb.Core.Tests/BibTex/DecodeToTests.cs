using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>The writer reads values still in source form straight from the source where it can (plain text, ties,
/// groups, escapes), else decodes them into a reused buffer instead of a string (CleanupFastPathTests compares that
/// buffer with the string). What it writes must be what decoding and encoding give, and the written file must not
/// depend on which way a value took.</summary>
public sealed class DecodeToTests
{
    [Theory]
    // Plain text, ties, and groups one deep: written as they are, braces dropped where case is not protected.
    [InlineData("Section~3 of the {BERT} paper", false, "Section~3 of the BERT paper")]
    [InlineData("Section~3 of the {BERT} paper", true, "Section~3 of the {BERT} paper")]
    [InlineData("{GAN}s and {Big Data} in O'Neil's work-shop", true, "{GAN}s and {Big Data} in O'Neil's work-shop")]
    [InlineData("Łukasiewicz {Ża}", false, "Łukasiewicz Ża")]
    // Anything else is left to the decoder and the encoder.
    [InlineData("Knowledge {\\&} Fairness", false, "Knowledge \\& Fairness")]
    [InlineData("Knowledge {\\&} Fairness", true, null)]
    [InlineData("pages 3--5 --- see ``Models'' and 50\\% of R\\&D", false, "pages 3--5 --- see ``Models'' and 50\\% of R\\&D")]
    [InlineData("a----b", false, null)]
    [InlineData("Hola!``x''", false, null)]
    [InlineData("a`b", false, null)]
    [InlineData("a'''b", false, null)]
    [InlineData("a-{--}b", false, null)]
    [InlineData("\\textit{Big Data}", false, null)]
    // A whole title braced, with groups inside: only the outermost braces are written where case is protected.
    [InlineData("{{nested}}", true, "{nested}")]
    [InlineData("{The Democratization of Knowledge and Fairness after {ImageNet}}", true, "{The Democratization of Knowledge and Fairness after ImageNet}")]
    [InlineData("{The Democratization of Knowledge {\\&} Fairness after {ImageNet}}", true, null)]
    [InlineData("{The Democratization of Knowledge {\\&} Fairness after {ImageNet}}", false, "The Democratization of Knowledge \\& Fairness after ImageNet")]
    [InlineData("{{{{{{{{{deep}}}}}}}}}", true, null)]
    [InlineData("{A {B}{C}}", true, null)]
    [InlineData("{A { B}}", true, null)]
    [InlineData("a { b}", false, null)]
    [InlineData("a {}", false, null)]
    [InlineData("{A}{B}", true, null)]
    [InlineData("a ~b", false, null)]
    [InlineData("50% of R&D", false, null)]
    [InlineData("x_1 < y", false, null)]
    [InlineData("a  b", false, null)]
    [InlineData("a-{-}b", false, null)]
    public void Rewrites_plain_text_with_ties_and_groups_and_nothing_else(string latex, bool protectCase, string? expected)
    {
        var buffer = new char[2];
        bool done = LatexDecoder.TryRewrite(latex, protectCase, ascii: false, ref buffer, 0, out int end);
        Assert.Equal(expected, done ? new string(buffer, 0, end) : null);
    }

    [Fact]
    public void A_rewritten_value_is_what_decoding_and_encoding_give()
    {
        // Random values built from words, ties, groups, and every kind of piece the decoder or encoder treats apart.
        string[] common = ["Word", "acronym", "{BERT}", "{Big Data}", " ", " ", " ", "~", "{", "}", "{", "}", "{{", "}}", "{A {B} C}", "-", "--", "---", "'", "''", "`", "``", "Ł", "é", "!", "?",
            "\"", ":", "\\&", "\\%", "\\_", "\\$", "\\#", "{\\&}", "\\"];
        string[] rare = ["e\u0301", "50%", "R&D", "<i>", "\u00A0", "\u2013", "$x$", "\\'e", "{\\&}", "``", "#", "_", "^", "\t", "{}", "\u201C"];
        var random = new Random(20261130);
        var text = new System.Text.StringBuilder();
        int rewritten = 0, declined = 0;
        for (int n = 0; n < 100_000; n++)
        {
            text.Clear();
            for (int k = random.Next(1, 12); k > 0; k--) text.Append(random.Next(10) > 0 ? common[random.Next(common.Length)] : rare[random.Next(rare.Length)]);
            var latex = random.Next(4) == 0 ? RandomLatex.Next(random) : text.ToString();
            foreach (bool protectCase in (bool[])[false, true])
                foreach (bool ascii in (bool[])[false, true])
                {
                    var buffer = new char[1];
                    if (!LatexDecoder.TryRewrite(latex, protectCase, ascii, ref buffer, 0, out int end)) { declined++; continue; }
                    rewritten++;
                    var expected = LatexEncoder.Encode(LatexDecoder.Decode(latex, protectCase), ascii);
                    Assert.True(expected == new string(buffer, 0, end), $"'{latex}' (protectCase {protectCase}, ascii {ascii}): rewritten '{new string(buffer, 0, end)}', encoded '{expected}'");
                }
        }
        Assert.True(rewritten > 30_000 && declined > 30_000, $"{rewritten} rewritten, {declined} declined");
    }

    [Fact]
    public void A_file_is_written_the_same_whether_its_values_were_read_before_or_not()
    {
        var random = new Random(20261129);
        var bib = new System.Text.StringBuilder();
        for (int i = 0; i < 400; i++)
        {
            // Random LaTeX with braces only where they balance, and no backslash left to escape a closing brace.
            string Piece()
            {
                var s = RandomLatex.Next(random).Replace("{", "").Replace("}", "");
                return s.EndsWith('\\') ? s + "x" : s;
            }
            string Value() => Piece() + " {" + Piece() + "} " + Piece();
            bib.Append($"@article{{k{i},\n  title = {{{Value()}}},\n  journal = {{{Value()}}},\n  note = {{{Value()}}},\n")
               .Append($"  url = {{https://example.org/{i}/{Value()}}},\n  organization = {{{Value()}}},\n  year = 2020,\n}}\n\n");
        }
        var text = bib.ToString();
        var untouched = BibTexReader.Parse(text, "t.bib").References;
        var read = BibTexReader.Parse(text, "t.bib").References;
        Assert.Equal(400, untouched.Count);
        Assert.DoesNotContain(BibTexReader.Parse(text, "t.bib").Diagnostics, d => d.Severity == Severity.Error);
        foreach (var r in read)
        {
            // Reading through the indexer decodes each value and keeps it, so the writer meets strings, not slices.
            foreach (var key in r.Fields.Keys.ToList()) _ = r.Fields[key];
            foreach (var key in r.Custom.Keys.ToList()) _ = r.Custom[key];
        }
        foreach (var options in (BibTexWriterOptions[])[new(), new() { Ascii = true }, new() { BibLaTeX = true }])
            Assert.Equal(BibTexWriter.Write(read, options), BibTexWriter.Write(untouched, options));
    }
}
