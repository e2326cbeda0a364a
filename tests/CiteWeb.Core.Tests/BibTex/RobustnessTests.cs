using System.Text;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>Odd, random and hostile input never throws (Markdig's TestExceptionNotThrown), and stays bounded.</summary>
public sealed class RobustnessTests
{
    private static string Corpus() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "fairlearn-docs-refs.bib"));

    [Theory]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("@@@@")]
    [InlineData("@article")]
    [InlineData("@article{")]
    [InlineData("@article{k")]
    [InlineData("@article{k,")]
    [InlineData("@article{k, title")]
    [InlineData("@article{k, title =")]
    [InlineData("@article{k, title = {")]
    [InlineData("@article{k, title = \"")]
    [InlineData("@article{k, title = {a} #")]
    [InlineData("@article{k, title = {a} # }")]
    [InlineData("@string{")]
    [InlineData("@string{x = }")]
    [InlineData("@preamble{")]
    [InlineData("@comment{")]
    [InlineData("}}}}{{{{")]
    [InlineData("@article{k, author = {and and and}}")]
    [InlineData("@article{k, author = {, , ,}}")]
    [InlineData("@article{k, author = {{}}}")]
    [InlineData("@article{k, author = {\\}}")]
    [InlineData("@article{k, title = {\\'}}")]
    [InlineData("@article{k, date = {/}}")]
    [InlineData("@article{k, date = {9999999999}}")]
    [InlineData("@article{k, year = {2019}, month = {13}, day = {40}}")]
    [InlineData("@article{k, crossref = {k}}")]
    [InlineData("\0\0\0")]
    public void Odd_input_does_not_throw(string input)
    {
        var b = BibTexReader.Parse(input, "odd.bib");
        Assert.NotNull(b);
        Assert.All(b.Diagnostics, d => Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1));
    }

    [Fact]
    public void Random_mutations_and_truncations_of_a_real_file_never_throw()
    {
        var source = Corpus();
        var random = new Random(20261126);
        const string alphabet = "@{}()\"#=,%\\ \n~$andAND-'{}";
        for (int i = 0; i < 2000; i++)
        {
            var chars = source.ToCharArray();
            int edits = random.Next(1, 20);
            for (int e = 0; e < edits; e++) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars, 0, random.Next(chars.Length + 1));
            var b = BibTexReader.Parse(text, "fuzz.bib");
            Assert.All(b.Diagnostics, d => Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, d.ToString()));
        }
    }

    [Fact]
    public void Deep_nesting_is_capped_not_a_stack_overflow()
    {
        var text = "@misc{a, title = " + new string('{', 200_000) + "x" + new string('}', 200_000) + "}\n@misc{b, title = {B}}";
        var b = BibTexReader.Parse(text, "deep.bib");
        Assert.Contains(b.Diagnostics, d => d.Code == DiagnosticCodes.NestingTooDeep);
        Assert.Equal(["a", "b"], b.References.Select(r => r.Id));
        Assert.Null(b.References[0].Title);
    }

    [Fact]
    public void Unclosed_brace_at_the_start_costs_only_that_entry()
    {
        var sb = new StringBuilder("@misc{broken, title = {never closed\n\n");
        for (int i = 0; i < 500; i++) sb.Append("@misc{k").Append(i).Append(", title = {T").Append(i).Append("}}\n");
        var b = BibTexReader.Parse(sb.ToString(), "u.bib");
        Assert.Equal(501, b.References.Count);
        Assert.Equal(DiagnosticCodes.UnbalancedBraces, Assert.Single(b.Diagnostics).Code);
    }

    [Fact]
    public void A_broken_entry_between_good_ones_loses_nothing_else()
    {
        var good = Corpus();
        int mid = good.IndexOf("@book{barocas2019fairness", StringComparison.Ordinal);
        var text = good[..mid] + "@article{broken, title = {oops, year = 2020\n\n" + good[mid..];
        var before = BibTexReader.Parse(good, "f.bib").References.Select(r => r.Id).ToList();
        var after = BibTexReader.Parse(text, "f.bib");
        Assert.Equal(before, after.References.Select(r => r.Id).Where(id => id != "broken"));
        Assert.Equal("f.bib:" + (good[..mid].Count(c => c == '\n') + 1) + ":26: error CW110: value in entry 'broken' runs into the next entry (unbalanced braces or quotes)",
            Assert.Single(after.Diagnostics, d => d.Severity == Core.Diagnostics.Severity.Error).ToString());
    }

    [Fact]
    public void Many_duplicate_keys_are_linear_enough()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) sb.Append("@misc{same, title = {T}}\n");
        var b = BibTexReader.Parse(sb.ToString(), "dups.bib");
        Assert.Equal(5000, b.References.Select(r => r.Id).Distinct().Count());
        Assert.Equal(4999, b.Diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateKey));
    }
}
