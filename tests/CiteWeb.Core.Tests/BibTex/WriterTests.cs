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
}
