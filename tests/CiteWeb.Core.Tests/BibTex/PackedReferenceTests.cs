using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>
/// The reader stores the maps of many references side by side in shared chunks, and each reference's string
/// variables and custom fields next to each other. A change to one reference must stay in that reference: growing,
/// shrinking or replacing a map never shows in a neighbour's, nor in the other map of the same reference.
/// </summary>
public sealed class PackedReferenceTests
{
    private static string Entry(int i) =>
        $"@article{{key{i},\n  author = {{Doe{i}, Jane and Roe{i}, Richard}},\n  title = {{Title {i}}},\n  journal = {{Journal {i}}},\n" +
        $"  pages = {{{i}--{i + 9}}},\n  year = {{{2000 + i % 20}}},\n  mrnumber = {{MR{i}}},\n}}\n\n";

    [Fact]
    public void Changing_one_parsed_reference_leaves_its_neighbours_as_read()
    {
        var refs = BibTexReader.Parse(Entry(0) + Entry(1) + Entry(2), "t.bib").References;
        var middle = refs[1];

        middle.Title = null;                                   // shrinks Fields, which sits just before Custom
        string[] added = [Csl.Publisher, Csl.Volume, Csl.Issue, Csl.Edition, Csl.Isbn, Csl.Note];
        foreach (var variable in added) middle[variable] = "added " + variable;   // grows Fields past its room
        middle.Custom["mrnumber"] = null;
        middle.Custom["extra"] = "custom";
        middle.SetNames(Csl.Author, [new PersonName { Family = "New" }]);
        middle.Names[Csl.Editor] = [new PersonName { Family = "Editor" }];
        middle.Issued = null;

        Assert.Null(middle.Title);
        Assert.Equal("Journal 1", middle.ContainerTitle);
        Assert.Equal("added note", middle[Csl.Note]);
        Assert.Equal([Csl.ContainerTitle, Csl.Page, .. added], middle.Fields.Keys);
        Assert.Equal(["entrytype", "extra"], middle.Custom.Keys);
        Assert.Equal("article", middle.Custom["entrytype"]);
        Assert.Equal("New", Assert.Single(middle.Author).Family);
        Assert.Null(middle.Issued);

        foreach (int i in new[] { 0, 2 })
        {
            var r = refs[i];
            Assert.Equal($"key{i}", r.Id);
            Assert.Equal($"Title {i}", r.Title);
            Assert.Equal($"Journal {i}", r.ContainerTitle);
            Assert.Equal($"{i}\u2013{i + 9}", r.Page);           // "--" read as an en dash
            Assert.Equal([Csl.Title, Csl.ContainerTitle, Csl.Page], r.Fields.Keys);
            Assert.Equal(["entrytype", "mrnumber"], r.Custom.Keys);
            Assert.Equal($"MR{i}", r.Custom["mrnumber"]);
            Assert.Equal([$"Doe{i}", $"Roe{i}"], r.Author.Select(n => n.Family ?? ""));
            Assert.Empty(r.Editor);
            Assert.Equal(2000 + i, r.Issued?.Year);
        }
    }

    [Fact]
    public void Every_reference_of_a_large_file_keeps_its_own_fields_when_others_change()
    {
        // Enough entries for several shared chunks and for mapping on more than one thread.
        const int count = 12_000;
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) text.Append(Entry(i));
        var refs = BibTexReader.Parse(text.ToString(), "t.bib").References;
        Assert.Equal(count, refs.Count);

        for (int i = 0; i < count; i += 2)
        {
            refs[i][Csl.Publisher] = $"P{i}";
            refs[i][Csl.Volume] = $"V{i}";
            refs[i][Csl.Issue] = $"I{i}";
            refs[i].Custom["mrnumber"] = null;
        }

        for (int i = 0; i < count; i++)
        {
            var r = refs[i];
            Assert.Equal($"Title {i}", r.Title);
            Assert.Equal($"{i}\u2013{i + 9}", r.Page);
            Assert.Equal($"Doe{i}", r.Author[0].Family);
            Assert.Equal(2000 + i % 20, r.Issued?.Year);
            if (i % 2 == 0)
            {
                Assert.Equal($"P{i}", r.Publisher);
                Assert.Equal($"I{i}", r[Csl.Issue]);
                Assert.Null(r.Custom["mrnumber"]);
            }
            else
            {
                Assert.Null(r.Publisher);
                Assert.Null(r[Csl.Issue]);
                Assert.Equal($"MR{i}", r.Custom["mrnumber"]);
            }
        }
    }
}
