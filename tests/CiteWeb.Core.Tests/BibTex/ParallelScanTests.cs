using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>A large file is scanned in two halves at once; whatever the file, that reads exactly as one scan does.</summary>
public sealed class ParallelScanTests
{
    private static readonly BibTexReaderOptions Sequential = new() { ParallelScan = false };

    private static string Corpus() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "fairlearn-docs-refs.bib"));

    /// <summary>Over a megabyte: the corpus again and again, with <paramref name="middle"/> halfway.</summary>
    private static string Large(string middle)
    {
        var corpus = Corpus();
        var sb = new StringBuilder("@string{jn = {Journal of Tests}}\n");
        int copies = (1 << 20) / corpus.Length + 2;
        for (int i = 0; i < copies; i++)
        {
            if (i == copies / 2) sb.Append(middle);
            sb.Append(corpus).Append('\n');
        }
        sb.Append("@article{last, journal = jn # { and } # later, title = {Last}}\n");
        return sb.ToString();
    }

    private static void AssertSameAsSequential(string text)
    {
        var parallel = BibTexReader.Parse(text, "big.bib");
        var sequential = BibTexReader.Parse(text, "big.bib", Sequential);
        Assert.Equal(sequential.Diagnostics.Select(d => d.ToString()), parallel.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(sequential.Preambles, parallel.Preambles);
        Assert.Equal(sequential.References.Count, parallel.References.Count);
        for (int i = 0; i < sequential.References.Count; i++)
        {
            Assert.True(ReferenceComparer.ContentEquals(sequential.References[i], parallel.References[i], out var difference), difference);
            Assert.Equal(sequential.References[i].Source, parallel.References[i].Source);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("@string{later = {Defined Late}}\n")]
    [InlineData("@preamble{ {\\newcommand{\\x}{}} }\n")]
    [InlineData("@article{open, title = {never closed\n\n")]
    [InlineData("@article{quoted, title = \"never closed\n\n")]
    [InlineData("@comment{ unbalanced {\n\n")]
    [InlineData("% a comment line\n@misc\n")]
    public void Reads_as_one_scan_does(string middle) => AssertSameAsSequential(Large(middle));

    [Fact]
    public void Random_damage_reads_as_one_scan_does()
    {
        var source = Large("");
        var random = new Random(20261126);
        const string alphabet = "@{}()\"#=,%\\ \n~$";
        for (int i = 0; i < 6; i++)
        {
            var chars = source.ToCharArray();
            for (int e = 0; e < 200; e++) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            AssertSameAsSequential(new string(chars));
        }
    }
}
