using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>
/// How a name list read from BibTeX is written back. A list nobody changed is written from its source text, without
/// splitting it into names first; what that gives must be exactly what splitting and writing the names gives.
/// </summary>
public sealed class NameWriterTests
{
    private static string Author(string names, bool ascii = false)
    {
        var written = BibTexWriter.Write(BibTexReader.Parse($"@misc{{k, author = {{{names}}}, title = {{T}}}}", "n.bib").References,
            new BibTexWriterOptions { Ascii = ascii });
        var line = written.Split('\n').Single(l => l.StartsWith("  author = ", StringComparison.Ordinal));
        return line["  author = {".Length..^"},".Length];
    }

    [Theory]
    [InlineData("Ludwig van Beethoven", "van Beethoven, Ludwig")]
    [InlineData("van Dijck, José", "van Dijck, José")]
    [InlineData("de la Fuente, Maria and Jean de La Fontaine", "de la Fuente, Maria and de La Fontaine, Jean")]
    [InlineData("Eubanks, Jr., Frank", "Eubanks, Jr., Frank")]
    [InlineData("Eubanks, Jr., Frank and Smith, III, Ann", "Eubanks, Jr., Frank and Smith, III, Ann")]
    [InlineData("{World Health Organization}", "{World Health Organization}")]
    [InlineData("{Simon and Schuster} and {AI Now Institute}", "{Simon and Schuster} and {AI Now Institute}")]
    [InlineData("Safiya Umoja Noble and others", "Noble, Safiya Umoja and others")]
    [InlineData("Jean-Paul Sartre and Grand-Pierre, Marie-Claire", "Sartre, Jean-Paul and Grand-Pierre, Marie-Claire")]
    [InlineData("Ludwig~van~Beethoven", "van Beethoven, Ludwig")]
    [InlineData("Andr\\'{e} Gorz and S{\\o}ren Kierkegaard", "Gorz, André and Kierkegaard, Søren")]
    [InlineData("{de la Fuente}, Maria", "{de la Fuente}, Maria")]
    [InlineData("{Smith, Jones}, Ann", "{Smith, Jones}, Ann")]
    [InlineData("Madonna", "Madonna")]
    [InlineData("M.C. Wajcman", "Wajcman, M.C.")]
    [InlineData("Šimić, Geoffrey C.", "Šimić, Geoffrey C.")]
    public void A_list_read_from_BibTeX_is_written_back_in_von_last_jr_first_form(string names, string expected) =>
        Assert.Equal(expected, Author(names));

    [Theory]
    [InlineData("Andr\\'{e} Gorz and S{\\o}ren Kierkegaard", "Gorz, Andr{\\'e} and Kierkegaard, S{\\o}ren")]
    [InlineData("Šimić, Geoffrey", "{\\v{S}}imi{\\'c}, Geoffrey")]
    [InlineData("Miroslav Dudík and Kjøsen, Atle", "Dud{\\'\\i}k, Miroslav and Kj{\\o}sen, Atle")]
    [InlineData("{Université de Montréal}", "{Universit{\\'e} de Montr{\\'e}al}")]
    [InlineData("van Dijck, José", "van Dijck, Jos{\\'e}")]
    public void Ascii_escapes_the_names_too(string names, string expected) => Assert.Equal(expected, Author(names, ascii: true));

    // Odd lists, damaged ones among them (which the reader splits at once, to report them): the writer formats the
    // source text exactly as it formats the names parsed from it.
    public static readonly TheoryData<string> OddLists =
    [
        "", " ", "and", "and and", "others", "Others", "{others}", "{}", "{} and Ada", "{}, Ada", ", Ada", "Merkle,",
        "Merkle, and Smith", "Smith and and Jones", "Smith, Jr, Ann, Extra", "Smith,, Ann", "von", "von Last",
        "Last, von", "{\\\"O}zt{\\\"u}rk, Ay{\\c{s}}e", "{\\\"o}zt{\\\"u}rk, Ay{\\c{s}}e", "\\relax Smith", "{\\relax} Smith",
        "Smith~Jones", "A\u00A0B Smith", "Smith\u00A0Jones, Ann", "{{IEEE}}", "{ {IEEE} }", "{Barnes} {and} {Noble}",
        "Ann {and} Bob", "Ann AND Bob", "Ann\tand\nBob", "  Ann   Smith  ", "d'Alembert, Jean", "Jean le Rond d'Alembert",
        "{\\'E}mile Zola", "{\\'e}mile zola", "Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin", "{von Neumann}, John",
        "von {Neumann}, John", "Lady Ada {Augusta} King", "Smith, {Jr.}, Ann", "$\\alpha$ Smith", "Smith -- Jones",
        "O''Neil", "ß Straße", "{\\ss}ler, Hans", "Ann { Smith", "Ann } Smith", "{Ann Smith", "Ann and {Smith and} Jones",
        "Doe, John and {Acme, Inc.} and others", "Smith, and", "x, y, z", "\\c{C}elik, Ali", "{\\c C}elik", "Ann, 100",
    ];

    [Theory]
    [MemberData(nameof(OddLists))]
    public void An_odd_list_is_written_from_its_source_as_from_its_names(string list)
    {
        foreach (bool ascii in new[] { false, true })
            Assert.Equal(BibTexWriter.FormatNames(BibTexNames.Parse(list), ascii), BibTexWriter.FormatNames(list.AsSpan(), ascii));
    }

    public static readonly TheoryData<string> Bibliographies = new(
        Directory.GetFiles(Path.Combine(Architecture.DependencyTests.RepoRoot(), "bib"), "*.bib").Select(Path.GetFileName).Order()!);

    // Every name list of the shipped bibliographies (bib/*.bib, the ../shared/corpus files among them), written from
    // its source and written from its names, in every dialect: the same text.
    [Theory]
    [MemberData(nameof(Bibliographies))]
    public void Every_list_in_the_shipped_bibliographies_is_written_from_its_source_as_from_its_names(string file)
    {
        var text = File.ReadAllText(Path.Combine(Architecture.DependencyTests.RepoRoot(), "bib", file));
        int lists = 0;
        foreach (var r in BibTexReader.Parse(text, file).References)
            foreach (var role in Csl.NameVariables)
                if (r.Names.TryPeekSource(role, BibTexNames.Codec, out var source))
                {
                    lists++;
                    foreach (bool ascii in new[] { false, true })
                        Assert.Equal(BibTexWriter.FormatNames(BibTexNames.Parse(source), ascii), BibTexWriter.FormatNames(source, ascii));
                }
        Assert.True(lists > 0, file + " has no name list");

        foreach (var options in new[] { new BibTexWriterOptions(), new() { Ascii = true }, new() { BibLaTeX = true } })
        {
            var fromSource = BibTexWriter.Write(BibTexReader.Parse(text, file).References, options);
            var parsed = BibTexReader.Parse(text, file).References;
            // Reading the names keeps them: the writer then formats the names, not the source.
            foreach (var r in parsed) _ = r.Names.Values.Count();
            Assert.Equal(BibTexWriter.Write(parsed, options), fromSource);
        }
    }
}
