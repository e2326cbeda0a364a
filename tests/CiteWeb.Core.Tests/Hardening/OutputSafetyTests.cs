using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Hardening;

/// <summary>
/// A title, a key or a URL from an untrusted file cannot break out of the field it is written in: every exporter's
/// output reads back as exactly the one reference it was, with the same values and no field or entry added.
/// (The reports' HTML, Markdown and CSV escaping is in LinkRotReportTests and the CLI's check tests.)
/// </summary>
public sealed class OutputSafetyTests
{
    public static TheoryData<string, string> Hostile
    {
        get
        {
            var data = new TheoryData<string, string>();
            string[] titles =
            [
                "Evil}, note = {injected",
                "}}}\n@misc{pwned, title = {Pwned}}\n",
                "{unbalanced",
                "\\input{/etc/passwd} \\write18{rm -rf ~} \\immediate",
                "100% sure # not a macro @ all",
                "\"quoted\" and \\\"escaped\\\"",
                "line\nER  - \nTY  - JOUR\nTI  - Injected\nER  - ",
                "\"}], \"injected\": [{\"id\": \"x",
                "<script>alert(1)</script>",
                "=HYPERLINK(\"http://evil.example\")",
            ];
            foreach (var format in Exporter.Formats)
                foreach (var title in titles) data.Add(format, title);
            return data;
        }
    }

    private static Bibliography ReadBack(string format, string text) => format switch
    {
        "bibtex" or "biblatex" => BibTexReader.Parse(text, "out.bib"),
        "csl-json" => CslJsonReader.Read(text, "out.json"),
        _ => RisReader.Read(text, "out.ris"),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_title_reads_back_as_itself_and_nothing_more(string format, string title)
    {
        var reference = new Reference("key", "article-journal") { Title = title, Url = "https://example.org/a?b=c&d=%7D" };
        var written = Exporter.Write(format, [reference]);
        var back = ReadBack(format, written);
        var only = Assert.Single(back.References);
        Assert.Equal(NormaliseSpace(title), NormaliseSpace(only.Title));
        Assert.Equal("https://example.org/a?b=c&d=%7D", only.Url);
        Assert.Null(only[Csl.Note]);
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity == Severity.Error);
    }

    // RIS joins a continuation line with a space and BibTeX collapses white space: line breaks are not kept as such.
    private static string? NormaliseSpace(string? s) => s is null ? null : string.Join(' ', s.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("bibtex")]
    [InlineData("biblatex")]
    [InlineData("ris")]
    [InlineData("csl-json")]
    public void A_hostile_key_cannot_end_its_entry(string format)
    {
        var reference = new Reference("k}, title = {Injected", "book") { Title = "Real" };
        var back = ReadBack(format, Exporter.Write(format, [reference]));
        var only = Assert.Single(back.References);
        Assert.Equal("Real", only.Title);
        // Found by this test: the BibTeX writer wrote the key as it was, so the entry ended inside it.
        Assert.Equal(format is "bibtex" or "biblatex" ? "k___title____Injected" : "k}, title = {Injected", only.Id);
    }
}
