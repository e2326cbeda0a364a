using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>
/// A delimited value is scanned sixteen characters at a time where the hardware allows. Wherever a brace, quote
/// or newline falls (inside a block, on its edges, in the short tail), the value must end, nest and fail exactly
/// where a character-by-character walk says.
/// </summary>
public sealed class DelimitedScanTests
{
    /// <summary>The walk the scanner's rules describe, one character at a time, written apart from the scanner.</summary>
    private static int Walk(string text, int p, ref int depth, bool quoted, int maxDepth)
    {
        for (; p < text.Length; p++)
        {
            switch (text[p])
            {
                case '\n':
                    return p;
                case '{':
                    depth++;
                    if (depth > maxDepth) return p;
                    break;
                case '}':
                    if (quoted ? depth == 0 : depth == 1) return p;
                    depth--;
                    break;
                case '"':
                    if (quoted && depth == 0) return p;
                    break;
            }
        }
        return -1;
    }

    [Fact]
    public void Every_stop_and_depth_agree_with_a_character_walk()
    {
        var random = new Random(2026);
        const string alphabet = "ab {}{}\"\n\\";
        for (int trial = 0; trial < 20_000; trial++)
        {
            var chars = new char[random.Next(0, 120)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            int start = text.Length == 0 ? 0 : random.Next(0, text.Length + 1);
            bool quoted = random.Next(2) == 0;
            int maxDepth = random.Next(1, 6);
            int initial = quoted ? random.Next(0, 3) : random.Next(1, 4);
            int expectedDepth = initial, actualDepth = initial;
            int expected = Walk(text, start, ref expectedDepth, quoted, maxDepth);
            int actual = BibTexScanner.NextStop(text, start, ref actualDepth, quoted, maxDepth);
            Assert.True(expected == actual && expectedDepth == actualDepth,
                $"text {System.Text.Json.JsonSerializer.Serialize(text)} from {start}, quoted {quoted}, max {maxDepth}, depth {initial}: " +
                $"walk stops at {expected} with depth {expectedDepth}, scanner at {actual} with depth {actualDepth}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    public void A_title_full_of_protected_words_reads_whole_wherever_its_braces_fall(int pad)
    {
        var title = new string('x', pad) + "{The} {AI} {Act}: {GPT}, {BERT} and {ImageNet} in {EU} {Law}";
        var bib = BibTexReader.Parse($"@article{{k, title = {{{title}}}, year = 2024}}\n", "t.bib");
        Assert.Empty(bib.Diagnostics);
        Assert.Equal(new string('x', pad) + "<span class=\"nocase\">The</span> <span class=\"nocase\">AI</span> <span class=\"nocase\">Act</span>: "
            + "<span class=\"nocase\">GPT</span>, <span class=\"nocase\">BERT</span> and <span class=\"nocase\">ImageNet</span> in "
            + "<span class=\"nocase\">EU</span> <span class=\"nocase\">Law</span>", bib.References[0].Title);
        Assert.Equal(2024, bib.References[0].Issued!.Start!.Value.Year);
    }

    [Fact]
    public void Braces_nested_too_deep_far_into_a_long_value_are_reported_once_where_they_pass_the_limit()
    {
        var options = new BibTexReaderOptions { MaxNestingDepth = 3 };
        var text = "@misc{k, note = {" + new string('n', 40) + "{{{" + new string('m', 20) + "{{x}}}}}}, title = {Kept}}\n";
        var bib = BibTexReader.Parse(text, "t.bib", options);
        var d = Assert.Single(bib.Diagnostics);
        Assert.Equal(DiagnosticCodes.NestingTooDeep, d.Code);
        // The third brace of "{{{" is the fourth level (the value's own brace is the first).
        Assert.Equal(text.IndexOf("{{{", StringComparison.Ordinal) + 2 + 1, d.Span.Column);
        Assert.Null(bib.References[0][Core.Model.Csl.Note]);
        Assert.Equal("Kept", bib.References[0].Title);
    }
}
