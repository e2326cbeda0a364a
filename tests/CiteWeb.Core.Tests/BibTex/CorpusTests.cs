using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>The real-world .bib files in bib/ (copied from ../shared/corpus) read completely and cleanly.</summary>
public sealed class CorpusTests
{
    private static Bibliography Read(string name) =>
        BibTexReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", name)), name);

    [Theory]
    [InlineData("fairlearn-docs-refs.bib", 91)]
    [InlineData("lim-2019-machines-gone-wrong-bias-i.bib", 19)]
    public void Every_entry_is_read_without_errors(string file, int entries)
    {
        var b = Read(file);
        Assert.Equal(entries, b.References.Count);
        Assert.DoesNotContain(b.Diagnostics, d => d.Severity == Core.Diagnostics.Severity.Error);
        Assert.All(b.References, r => Assert.False(string.IsNullOrEmpty(r.Title), r.Id + " has no title"));
    }

    [Fact]
    public void Fairlearn_entry_with_accent_and_protected_acronym()
    {
        var r = Read("fairlearn-docs-refs.bib").References.Single(r => r.Id == "agarwal2018reductions");
        Assert.Equal("paper-conference", r.Type);
        Assert.Equal(["Agarwal", "Beygelzimer", "Dudík", "Langford", "Wallach"], r.Author.Select(a => a.Family));
        Assert.Equal("Hanna M.", r.Author[4].Given);
        Assert.Equal("<span class=\"nocase\">ICML</span>", r.ContainerTitle);
        Assert.Equal("Proceedings of Machine Learning Research", r[Csl.CollectionTitle]);
        Assert.Equal("60–69", r.Page);
        Assert.Equal(2018, r.Issued?.Year);
        Assert.Equal(new SourceSpan("fairlearn-docs-refs.bib", 1, 1, 0, r.Source!.Value.Length), r.Source);
        Assert.StartsWith("@inproceedings{agarwal2018reductions,", r.Raw);
        Assert.EndsWith("}", r.Raw);
    }

    [Fact]
    public void Names_with_particles_in_the_fairlearn_file()
    {
        var r = Read("fairlearn-docs-refs.bib").References.Single(r => r.Id == "al2018comparative");
        Assert.Equal(("Al Bataineh", "Ali"), (r.Author[0].Family, r.Author[0].Given));
        Assert.Equal("IEEE", r.Publisher);
    }
}
