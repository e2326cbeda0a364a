using CiteWeb.Core.Checks;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Parsing.PlainText;
using CiteWeb.Core.Tests.Architecture;

namespace CiteWeb.Core.Tests.Manuscripts;

/// <summary>Whatever a manuscript holds, extraction and the checks never throw and read it whole.</summary>
public sealed class ManuscriptRobustnessTests
{
    private static readonly Lazy<Core.Model.Bibliography> Works = new(() =>
        PlainTextReader.Read(File.ReadAllText(Path.Combine(DependencyTests.RepoRoot(), "bib", "luchs-2023-ai-for-all.txt")), "list.txt"));

    [Theory]
    [InlineData("")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("((((((((((((((((((((((((((((((((((((((((")]
    [InlineData("(ibid.)")]
    [InlineData("(;;;)")]
    [InlineData("(see, )")]
    [InlineData("(“)")]
    [InlineData("[@]")]
    [InlineData(@"\cite{")]
    [InlineData(@"\cite{}")]
    [InlineData("(Benjamin, “ 12)")]
    [InlineData("(et al. 4)")]
    [InlineData("(, 4)")]
    public void Odd_manuscripts_never_throw(string text)
    {
        foreach (var file in new[] { "m.txt", "m.md", "m.tex" })
            CheckCatalogue.Run(ManuscriptReader.Read(text, file), Works.Value);
    }

    [Fact]
    public void The_essay_truncated_and_mutated_never_throws()
    {
        var text = File.ReadAllText(Path.Combine(DependencyTests.RepoRoot(), "bib", "manuscripts", "luchs-2023-ai-for-all.txt"));
        var random = new Random(7);
        const string alphabet = "()[];,.“”\"'@\\{}-–0123456789 \nibid.et al";
        for (int i = 0; i < 20; i++)
        {
            CheckCatalogue.Run(ManuscriptReader.Read(text[..random.Next(text.Length)], "m.txt"), Works.Value);
            var chars = text.ToCharArray();
            for (int k = 0; k < 60; k++) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            CheckCatalogue.Run(ManuscriptReader.Read(new string(chars), "m.md"), Works.Value);
        }
    }

    [Fact]
    public void A_long_manuscript_full_of_parentheses_is_read_whole()
    {
        var body = string.Concat(Enumerable.Repeat("A claim (Benjamin 12) and an aside (see above) (2019) (ML) (Apprich, Technotopia 90; O’Neil). ", 4000));
        var report = CheckCatalogue.Run(ManuscriptReader.Read(body, "long.txt"), Works.Value);
        // Two citations a sentence (the aside, the year and the acronym are not), the second naming two works.
        Assert.Equal(8000, report.Citations.Count);
        Assert.Equal(12000, report.Matches.Sum(m => m.Works.Count));
    }
}
