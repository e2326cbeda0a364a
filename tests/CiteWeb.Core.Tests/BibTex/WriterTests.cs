using System.Text.RegularExpressions;
using CiteWeb.Core.Export;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>What the BibTeX writer gives a scholar back, written out by hand.</summary>
public sealed class WriterTests
{
    private static string Rewrite(string bib, bool biblatex = false, bool ascii = false) =>
        BibTexWriter.Write(BibTexReader.Parse(bib, "w.bib").References, new BibTexWriterOptions { BibLaTeX = biblatex, Ascii = ascii });

    [Fact]
    public void One_field_order_month_macros_and_en_dash_pages()
    {
        var output = Rewrite("@article{k, pages = {1--9}, year = 2019, month = {March}, journal = {Big Data \\& Society}, title = {On {AI}}, author = {van Dijck, José and {AI Now Institute}}}");
        Assert.Equal("""
            @article{k,
              author  = {van Dijck, José and {AI Now Institute}},
              title   = {On {AI}},
              journal = {Big Data \& Society},
              pages   = {1--9},
              year    = {2019},
              month   = mar
            }

            """.Replace("\r\n", "\n"), output);
    }

    [Fact]
    public void Escaped_dollars_stay_escaped_and_math_stays_math()
    {
        var output = Rewrite(@"@misc{k, title = {Costs \$5 and \$6 a month under $\ell_1$}, note = {From \$1,000 to \$2,000}}");
        Assert.Contains(@"title = {Costs \$5 and \$6 a month under $\ell_1$}", output);
        Assert.Contains(@"note  = {From \$1,000 to \$2,000}", output);
    }

    // Values with no LaTeX in them are written from the source without being decoded; what the writer must still
    // escape or transliterate in them, it does, in every kind of field: mapped, verbatim, CSL-named, custom.
    [Theory]
    [InlineData("note = {50% of a_b for #1}", false, "note", "50\\% of a\\_b for \\#1")]
    [InlineData("publisher = {Zürich Press}", true, "publisher", "Z{\\\"u}rich Press")]
    [InlineData("publisher = {Zürich Press}", false, "publisher", "Zürich Press")]
    [InlineData("url = {https://example.org/a_b%20c}", false, "url", "https://example.org/a_b%20c")]
    [InlineData("keywords = {R&D, tea}", false, "keywords", "R\\&D, tea")]
    [InlineData("medium = {Tape & disc}", false, "medium", "Tape \\& disc")]
    [InlineData("mrnumber = {A_B}", false, "mrnumber", "A\\_B")]
    [InlineData("pdfurl = {https://example.org/a_b}", false, "pdfurl", "https://example.org/a_b")]
    public void A_value_written_as_read_is_still_escaped(string field, bool ascii, string name, string expected) =>
        Assert.Matches($@"\n  {name} *= \{{{Regex.Escape(expected)}\}}", Rewrite($"@book{{k, title = {{T}}, {field}}}", ascii: ascii));

    [Fact]
    public void Ascii_escapes_every_non_ascii_letter()
    {
        var output = Rewrite("@book{k, author = {Kjøsen, Atle Mikkola and Dudík, Miroslav}, title = {Über}}", ascii: true);
        Assert.Contains("author = {Kj{\\o}sen, Atle Mikkola and Dud{\\'\\i}k, Miroslav}", output);
        Assert.Contains("title  = {{\\\"U}ber}", output);
    }

    [Fact]
    public void A_users_own_macros_are_written_back_as_macros()
    {
        var output = Rewrite("@misc{k, title = {The \\acro{NASA} Report and \\foo}}");
        Assert.Contains("title = {The \\acro{NASA} Report and \\foo}", output);
    }

    [Fact]
    public void A_family_name_that_starts_in_lower_case_is_braced_so_it_is_not_read_as_von()
    {
        var r = new Core.Model.Reference("k", "book");
        r.SetNames(Core.Model.Csl.Author, [new Core.Model.PersonName { Family = "de la Fuente", Given = "Maria" }]);
        Assert.Contains("author = {{de la Fuente}, Maria}", BibTexWriter.Write([r]));
    }

    // A long list is formatted on several cores in chunks; what is written must not show it: every entry exactly as
    // it is written alone, in input order, one blank line apart, after the preambles.
    [Fact]
    public void A_long_list_is_written_entry_by_entry_in_order()
    {
        var bib = new System.Text.StringBuilder();
        for (int i = 0; i < 3000; i++)
            bib.Append($"@article{{k{i}, author = {{D{i}, Ana and van Dijck, Jos\\'e}}, title = {{On {{AI}} part {i}}}, journal = {{J \\& S}}, year = {1900 + i % 120}, pages = {{{i}--{i + 9}}}}}\n");
        var references = BibTexReader.Parse(bib.ToString(), "long.bib").References;
        Assert.Equal(3000, references.Count);
        var expected = new System.Text.StringBuilder("@preamble{ {\\noop} }\n");
        foreach (var r in references) expected.Append('\n').Append(BibTexWriter.Write([r]));
        var written = BibTexWriter.Write(references, preambles: ["\\noop"]);
        Assert.Equal(expected.ToString(), written);
        Assert.Contains("@article{k2999,\n  author  = {D2999, Ana and van Dijck, José},", written);
    }
}
