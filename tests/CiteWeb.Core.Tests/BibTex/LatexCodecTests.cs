using System.Diagnostics;
using System.Reflection;
using System.Text;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

public sealed class LatexCodecTests
{
    private const string NoCase = "<span class=\"nocase\">";
    private const string SmallCaps = "<span style=\"font-variant:small-caps;\">";

    [Theory]
    // Plain text, whitespace, ligatures
    [InlineData("Plain title", true, "Plain title")]
    [InlineData("", true, "")]
    [InlineData("  spaced \n\t out  ", false, "spaced out")]
    [InlineData("a\r\n\r\nb", false, "a b")]
    [InlineData("pages 1--10", false, "pages 1–10")]
    [InlineData("a---b", false, "a—b")]
    [InlineData("a----b", false, "a—-b")]
    [InlineData("well-known", false, "well-known")]
    [InlineData("a~b", false, "a\u00A0b")]
    [InlineData("``quoted''", false, "“quoted”")]
    [InlineData("!`Hola!", false, "¡Hola!")]
    [InlineData(@"?`Qu\'e?", false, "¿Qué?")]
    [InlineData("Newton's law", false, "Newton's law")]
    [InlineData("`single'", false, "`single'")]
    [InlineData("Why? Because!", false, "Why? Because!")]
    // Accents in every form
    [InlineData(@"Caf\'e", false, "Café")]
    [InlineData(@"Caf\'{e}", false, "Café")]
    [InlineData(@"Caf{\'e}", true, "Café")]
    [InlineData(@"Caf{\' e}", true, "Café")]
    [InlineData(@"Caf\' e", false, "Café")]
    [InlineData(@"\'{\i}", false, "í")]
    [InlineData(@"\'\i", false, "í")]
    [InlineData(@"{\'\i}x", true, "íx")]
    [InlineData(@"na\""{\i}ve", false, "naïve")]
    [InlineData(@"na{\""\i}ve", true, "naïve")]
    [InlineData(@"{\""O}zt{\""u}rk", true, "Öztürk")]
    [InlineData(@"\^o \`a \~n \=a \.z \u{g} \v{s} \H{o} \c{c} \d{s} \b{b} \r{a} \k{a}", false, "ô à ñ ā ż ğ š ő ç ṣ ḇ å ą")]
    [InlineData(@"\v c\c c\u g", false, "čçğ")]
    [InlineData(@"\v{\j}", false, "ǰ")]
    [InlineData(@"\.I", false, "İ")]
    [InlineData(@"\r{A}ngstr\""om", false, "Ångström")]
    [InlineData(@"\t{oo}", false, "o\u0361o")]
    [InlineData(@"\'{\""u}", false, "ǘ")]
    [InlineData(@"\^{\d e}", false, "ệ")]
    [InlineData(@"\d{\'a}", false, "\u1EA1\u0301")]
    [InlineData(@"\'\o", false, "ǿ")]
    [InlineData(@"\'q", false, "q\u0301")]
    [InlineData(@"\'{}", false, "´")]
    [InlineData(@"\~{}user", false, "~user")]
    [InlineData(@"x\^{}2", false, "x^2")]
    [InlineData("Jose\u0301 Mari\u0301a", false, "José María")]
    [InlineData(@"\'{ab}", false, "áb")]
    // Letter commands: TeX drops the blanks after a control word
    [InlineData(@"\ss{}x", false, "ßx")]
    [InlineData(@"{\ss}x", true, "ßx")]
    [InlineData(@"\ss x", false, "ßx")]
    [InlineData(@"Stra\ss e", false, "Straße")]
    [InlineData(@"\o\ss", false, "øß")]
    [InlineData(@"\ae \AE \oe \OE \o \O \l \L \aa \AA \i \j \dh \DH \th \TH \ng \NG \dj \DJ \SS", false, "æÆœŒøØłŁåÅıȷðÐþÞŋŊđĐẞ")]
    [InlineData(@"{\L}{\'o}d{\'z}", true, "Łódź")]
    // Symbols
    [InlineData(@"\& \% \$ \# \_ \{ \}", false, "& % $ # _ { }")]
    [InlineData(@"\textendash\textemdash", false, "–—")]
    [InlineData(@"\textquoteleft x\textquoteright{} \textquotedblleft y\textquotedblright", false, "‘x’ “y”")]
    [InlineData(@"\ldots \dots{} \textellipsis", false, "…… …")]
    [InlineData(@"\S 5, \P{} 2", false, "§5, ¶ 2")]
    [InlineData(@"\copyright \textcopyright \textregistered \texttrademark", false, "©©®™")]
    [InlineData(@"\pounds 5, \textsterling, \euro, \texteuro", false, "£5, £, €, €")]
    [InlineData(@"20\textdegree C", false, "20°C")]
    [InlineData(@"\textasciitilde\textbackslash\textasciicircum\textbar\textless\textgreater", false, @"~\^|<>")]
    [InlineData(@"\guillemotleft x\guillemotright{} \guilsinglleft y\guilsinglright", false, "«x» ‹y›")]
    [InlineData(@"\textbullet\dag\ddag\textdagger", false, "•†‡†")]
    [InlineData(@"\LaTeX{} and \TeX{} and {\BibTeX}", true, "LaTeX and TeX and BibTeX")]
    [InlineData(@"line\\break", false, "line break")]
    [InlineData(@"a\,b", false, "a\u2009b")]
    [InlineData(@"a\;b a\:b a\ b", false, "a b a b a b")]
    [InlineData(@"hy\-phen\/ation\@.", false, "hyphenation.")]
    // Formatting
    [InlineData(@"\emph{x} \textit{y} \textsl{z}", false, "<i>x</i> <i>y</i> <i>z</i>")]
    [InlineData(@"\textbf{x}", false, "<b>x</b>")]
    [InlineData(@"\textsc{Knuth}", true, SmallCaps + "Knuth</span>")]
    [InlineData(@"x\textsuperscript{2} H\textsubscript{2}O", false, "x<sup>2</sup> H<sub>2</sub>O")]
    [InlineData(@"\textup{a}\textnormal{b}\textrm{c}\textsf{d}\texttt{e}\mbox{f}\text{g}", true, "abcdefg")]
    [InlineData(@"{\em x} y", true, "<i>x</i> y")]
    [InlineData(@"{\it x}{\bf y}", false, "<i>x</i><b>y</b>")]
    [InlineData(@"{\bf a \emph{b} c}", false, "<b>a <i>b</i> c</b>")]
    [InlineData(@"\emph{\textbf{x}}", false, "<i><b>x</b></i>")]
    [InlineData(@"a \emph{ b } c", false, "a <i>b</i> c")]
    [InlineData(@"a\emph{}b", false, "ab")]
    [InlineData(@"\url{http://x.org/~a_b--c}", false, "http://x.org/~a_b--c")]
    [InlineData(@"See \href{http://x.org}{the site}.", false, "See the site.")]
    [InlineData(@"\url{a\_b} \href{http://x.org/a\%20b}", false, "a_b http://x.org/a%20b")]
    [InlineData(@"{\sc Knuth} \mkbibemph{x}", true, SmallCaps + "Knuth</span> <i>x</i>")]
    [InlineData(@"\enquote{x} \mkbibquote{y}", false, "“x” “y”")]
    [InlineData(@"\noopsort{a}Zeta", false, "Zeta")]
    // Math is left alone
    [InlineData(@"$x^{2}$ and $\alpha$", true, @"$x^{2}$ and $\alpha$")]
    [InlineData(@"Energy $E = mc^2$--fine", false, "Energy $E = mc^2$–fine")]
    [InlineData(@"\(a--b\) \[c\]", false, @"\(a--b\) \[c\]")]
    [InlineData(@"Cost \$5", false, "Cost $5")]
    [InlineData("a $b", false, "a $b")]
    [InlineData("{$x$}", true, NoCase + "$x$</span>")]
    // Unknown commands stay verbatim
    [InlineData(@"\foo", false, @"\foo")]
    [InlineData(@"\foo{arg}", true, @"\foo{arg}")]
    [InlineData(@"\foo{a}{b} c", true, @"\foo{a}{b} c")]
    [InlineData(@"\foo bar", false, @"\foo bar")]
    [InlineData(@"\foo{Caf\'e}", false, @"\foo{Café}")]
    [InlineData(@"\alpha", false, @"\alpha")]
    [InlineData(@"x\*y", false, @"x\*y")]
    // Case protection
    [InlineData("{ICML} paper", true, NoCase + "ICML</span> paper")]
    [InlineData("{ICML} paper", false, "ICML paper")]
    [InlineData("{{ICML}}", true, NoCase + "ICML</span>")]
    [InlineData("The {Bayesian} {{Approach}}", true, "The " + NoCase + "Bayesian</span> " + NoCase + "Approach</span>")]
    [InlineData("{A {B} C}", true, NoCase + "A B C</span>")]
    [InlineData(@"{\em ICML}", true, "<i>ICML</i>")]
    [InlineData(@"\emph{{ICML}}", true, "<i>" + NoCase + "ICML</span></i>")]
    [InlineData(@"{Foo \emph{bar}}", true, NoCase + "Foo <i>bar</i></span>")]
    [InlineData(@"{\""U}ber {UML}", true, "Über " + NoCase + "UML</span>")]
    [InlineData("{}x{}", true, "x")]
    [InlineData("a { b } c", true, "a " + NoCase + "b</span> c")]
    [InlineData("a < b & c > d", true, "a < b & c > d")]
    [InlineData(@"Parrots {\char""1F99C} \char65\char'101", true, "Parrots 🦜 AA")]
    [InlineData(@"\char""D800 \char""ZZ", false, @"\char""D800 \char""ZZ")]
    // Malformed input never throws and never loses text
    [InlineData(@"abc\", false, @"abc\")]
    [InlineData(@"x\'{", false, "x´")]
    [InlineData(@"\'{e", false, "é")]
    [InlineData("a}b{c", true, "ab" + NoCase + "c</span>")]
    [InlineData(@"\emph{open", false, "<i>open</i>")]
    public void Decode_produces_rich_text(string input, bool protectCase, string expected)
    {
        Assert.Equal(expected, LatexDecoder.Decode(input, protectCase));
    }

    [Theory]
    [InlineData("Plain", false, "Plain")]
    [InlineData(NoCase + "ICML</span> paper", false, "{ICML} paper")]
    [InlineData("<i>x</i> <b>y</b> " + SmallCaps + "z</span> x<sup>2</sup>H<sub>2</sub>", false,
        @"\emph{x} \textbf{y} \textsc{z} x\textsuperscript{2}H\textsubscript{2}")]
    [InlineData("A & B % C # D _ E", false, @"A \& B \% C \# D \_ E")]
    [InlineData("{braces}", false, @"\{braces\}")]
    [InlineData("}unbalanced{", false, @"\textbraceright{}unbalanced\textbraceleft{}")]
    [InlineData(@"a\b", false, @"a\textbackslash{}b")]
    [InlineData(@"\foo{arg}", false, @"\foo{arg}")]
    [InlineData(@"a \ b", false, @"a \textbackslash{} b")]
    [InlineData("~^", false, @"\textasciitilde{}\textasciicircum{}")]
    [InlineData("1–10 — x", false, "1--10 --- x")]
    [InlineData("a\u00A0b", false, "a~b")]
    [InlineData("“q”", false, "``q''")]
    [InlineData("a--b", false, "a-{}-b")]
    [InlineData("''", false, "'{}'")]
    [InlineData("``", false, "`{}`")]
    [InlineData("!`", false, "!{}`")]
    [InlineData("–-", false, "--{}-")]
    [InlineData("”'", false, "''{}'")]
    [InlineData("$x^2$ costs $5", false, "$x^2$ costs \\$5")]
    // Two literal dollars are not math (pandoc's rule: no space inside either dollar, no digit after the closing one).
    [InlineData("Costs $5 and $6 a month", false, "Costs \\$5 and \\$6 a month")]
    [InlineData("$x$5", false, "\\$x\\$5")]
    [InlineData("from $1,000 to $ 2", false, "from \\$1,000 to \\$ 2")]
    [InlineData("the $\\ell_1$ norm and $O(n^2)$", false, "the $\\ell_1$ norm and $O(n^2)$")]
    [InlineData("$a}$", false, @"\$a\textbraceright{}\$")]
    [InlineData("a < b", false, "a < b")]
    [InlineData("<i>unclosed", false, "<i>unclosed")]
    [InlineData("</b>stray", false, "</b>stray")]
    [InlineData("<i><b>x</i></b>", false, @"\emph{<b>x}</b>")]
    [InlineData(NoCase + "<i>x</i> y</span>", false, @"{{\emph{x} y}}")]
    [InlineData(NoCase + "&amp;</span>", false, @"{{\&amp;}}")]
    [InlineData("Café", false, "Café")]
    [InlineData("‘x’ α", false, "‘x’ α")]
    [InlineData("Café", true, @"Caf{\'e}")]
    [InlineData("naïve", true, @"na{\""\i}ve")]
    [InlineData("í ı", true, @"{\'\i} {\i}")]
    [InlineData("ç ǰ", true, @"{\c{c}} {\v{\j}}")]
    [InlineData("ǘ ệ ǿ", true, @"{\'{\""u}} {\^{\d{e}}} {\'\o}")]
    [InlineData("q\u0301 o\u0361o", true, @"{\'q} {\t{o}}o")]
    [InlineData("Straße Øre", true, @"Stra{\ss}e {\O}re")]
    [InlineData(NoCase + "Über</span>", true, @"{{\""U}ber}")]
    [InlineData("© 2020 € § …", true, @"\textcopyright{} 2020 \texteuro{} \S{} \ldots{}")]
    [InlineData("a\u2009b ´", true, @"a\,b \textasciiacute{}")]
    [InlineData("‘x’ “y”", true, @"\textquoteleft{}x\textquoteright{} ``y''")]
    [InlineData("α ả", true, @"{\char""3B1} {\char""1EA3}")]
    [InlineData("Parrots 🦜", true, @"Parrots {\char""1F99C}")]
    public void Encode_produces_latex(string richText, bool ascii, string expected)
    {
        Assert.Equal(expected, LatexEncoder.Encode(richText, ascii));
    }

    [Theory]
    [InlineData(@"http://x.org/a\_b", "http://x.org/a_b")]
    [InlineData("  10.1000/xyz \n", "10.1000/xyz")]
    [InlineData("{10.1000/xyz}", "10.1000/xyz")]
    [InlineData("{{10.1000/xyz}}", "10.1000/xyz")]
    [InlineData(@"http://x.org/\~{}user", "http://x.org/~user")]
    [InlineData(@"http://x.org/{\~}user", "http://x.org/~user")]
    [InlineData(@"a\%20b\#c\&d\$e", "a%20b#c&d$e")]
    [InlineData("http://x.org/{id}", "http://x.org/{id}")]
    [InlineData(@"a\{b", "a{b")]
    [InlineData("http://a.org/--x~y''", "http://a.org/--x~y''")]
    [InlineData(@"http://a.org/\'e", @"http://a.org/\'e")]
    [InlineData("a\n  b", "a b")]
    [InlineData("", "")]
    public void DecodeVerbatim_unescapes_only(string input, string expected)
    {
        Assert.Equal(expected, LatexDecoder.DecodeVerbatim(input));
    }

    [Theory]
    [InlineData("http://x.org/a_b%20c#d", "http://x.org/a_b%20c#d")]
    [InlineData("http://x.org/{id}", "http://x.org/{id}")]
    [InlineData("{whole}", @"\{whole\}")]
    [InlineData("a{b", @"a\{b")]
    [InlineData("a{}b", @"a\{\}b")]
    public void EncodeVerbatim_keeps_urls_raw(string value, string expected)
    {
        Assert.Equal(expected, LatexEncoder.EncodeVerbatim(value));
        Assert.Equal(value, LatexDecoder.DecodeVerbatim(expected));
    }

    [Fact]
    public void Every_decode_row_round_trips_through_the_encoder()
    {
        foreach (object?[] row in Rows(nameof(Decode_produces_rich_text)))
        {
            AssertRoundTrip(LatexDecoder.Decode((string)row[0]!, (bool)row[1]!), (bool)row[1]!);
        }
    }

    [Fact]
    public void Every_encode_row_reads_back_as_its_input()
    {
        foreach (object?[] row in Rows(nameof(Encode_produces_latex)))
        {
            AssertRoundTrip((string)row[0]!, protectCase: true);
        }
    }

    [Fact]
    public void Generated_values_round_trip()
    {
        string[] pieces =
        [
            "word", "Title", " ", "  ", "\n", "{", "}", "{}", "{{", "}}", @"\'e", @"\'{e}", @"{\""o}", @"\'\i", @"\v{\i}",
            @"\c{c}", @"\t{oo}", @"\d{\'a}", @"\'q", @"\'{}", @"\~{}", @"\^", "ü", "é", "\u0301", "ı", "α", "ả",
            @"\ss", @"\o ", @"{\AE}", @"\emph{", @"\textbf{", @"\textsc{", @"\textsuperscript{", @"{\em ", @"{\bf ",
            "$x^{2}$", "$", @"\$", @"\(", @"\)", "--", "---", "-", "~", "``", "''", "'", "`", "!`", "?`", "!", "?",
            @"\&", @"\%", @"\#", @"\_", @"\{", @"\}", "&", "%", "#", "_", "^", "<", ">", "<i>", "</i>", @"\textless ",
            @"\textbackslash", @"\textasciitilde{}", @"\foo", @"\foo{", @"\alpha", @"\\", @"\,", @"\ ", @"\-",
            @"\url{a_b}", @"\href{u}{t}", @"\enquote{", @"\noopsort{x}", @"\LaTeX", @"\textendash", "–", "—", "“",
            "”", "\u00A0", "\u2009", "©", "ß", "ø", "ǘ", "\\",
        ];
        var random = new Random(20240611);
        var input = new StringBuilder();
        for (int n = 0; n < 20_000; n++)
        {
            input.Clear();
            int count = random.Next(1, 14);
            for (int k = 0; k < count; k++)
            {
                input.Append(pieces[random.Next(pieces.Length)]);
            }
            bool protectCase = random.Next(2) == 0;
            AssertRoundTrip(LatexDecoder.Decode(input.ToString(), protectCase), protectCase, input.ToString());
        }
    }

    [Fact]
    public void Hostile_input_is_linear_and_safe()
    {
        long started = CiteWeb.Fuzz.ThreadClock.Now();
        string deep = new('{', 100_000);
        string decoded = LatexDecoder.Decode(deep, protectCase: true);
        Assert.Equal(NoCase + new string('{', 100_000 - 64) + "</span>", decoded);

        string balanced = deep + "x" + new string('}', 100_000);
        Assert.Equal(NoCase + new string('{', 100_000 - 64) + "x" + new string('}', 100_000 - 64) + "</span>",
            LatexDecoder.Decode(balanced, protectCase: true));
        // Only four wrapping layers are stripped; deeper ones are kept as text rather than scanned again and again.
        Assert.Equal("{x}", LatexDecoder.DecodeVerbatim("{{{{{x}}}}}"));
        Assert.Equal(2 * (100_000 - 4) + 1, LatexDecoder.DecodeVerbatim(balanced).Length);

        Assert.Equal(@"\", LatexDecoder.Decode(@"\", protectCase: true));
        Assert.Equal("´", LatexDecoder.Decode(@"\'{", protectCase: true));
        Assert.Equal("$ unclosed", LatexDecoder.Decode("$ unclosed", protectCase: true));
        Assert.Equal("<i>x</i>", LatexDecoder.Decode(@"{\em x", protectCase: true));

        foreach (string unit in new[] { @"\'", "$", @"\(", @"\url{", @"\foo{", @"\href{a}", "{\\'", @"\emph{", "-", "}" })
        {
            string hostile = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length));
            string result = LatexDecoder.Decode(hostile, protectCase: true);
            Assert.True(result.Length < 3 * hostile.Length, unit);
            Assert.NotNull(LatexEncoder.Encode(result, ascii: true));
        }

        var mixed = new StringBuilder();
        while (mixed.Length < 1_000_000)
        {
            mixed.Append(@"A {Study} of Na{\""\i}ve $x^2$ \emph{Bayes} --- {\em fast} \foo{bar} ");
        }
        string big = LatexDecoder.Decode(mixed.ToString(), protectCase: true);
        Assert.StartsWith("A " + NoCase + "Study</span> of Naïve $x^2$ <i>Bayes</i> — <i>fast</i> \\foo{bar} A ", big);
        Assert.Equal(big, LatexDecoder.Decode(LatexEncoder.Encode(big, ascii: true), protectCase: true));
        // This thread's CPU time, not the wall clock, so a loaded CI box does not count: a quadratic path takes minutes
        // of CPU here, a linear one a few seconds.
        var cpu = TimeSpan.FromTicks(CiteWeb.Fuzz.ThreadClock.Now() - started);
        Assert.True(cpu < TimeSpan.FromSeconds(30), cpu.ToString());
    }

    private static IEnumerable<object?[]> Rows(string method) =>
        typeof(LatexCodecTests).GetMethod(method)!.GetCustomAttributes<InlineDataAttribute>().Select(a => a.Data);

    private static void AssertRoundTrip(string richText, bool protectCase, string? source = null)
    {
        foreach (bool ascii in new[] { false, true })
        {
            string encoded = LatexEncoder.Encode(richText, ascii);
            string decoded = LatexDecoder.Decode(encoded, protectCase);
            if (decoded != richText)
            {
                Assert.Fail($"source: «{source}»\nrich:    «{richText}»\nencoded: «{encoded}» (ascii={ascii}, protect={protectCase})\ndecoded: «{decoded}»");
            }
        }
    }
}
