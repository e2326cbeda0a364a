using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Parsing.PlainText;
using CiteWeb.Core.Tests.Architecture;

namespace CiteWeb.Core.Tests.PlainText;

/// <summary>Whatever a list holds, the reader never throws and loses no entry: each becomes a reference or a CW300.</summary>
public sealed class PlainTextRobustnessTests
{
    public static TheoryData<string> Lists() =>
        new(Directory.GetFiles(Path.Combine(DependencyTests.RepoRoot(), "bib"), "*.txt").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Lists))]
    public void Every_entry_of_a_shipped_list_is_a_reference_or_reported(string list)
    {
        var text = File.ReadAllText(Path.Combine(DependencyTests.RepoRoot(), "bib", list));
        var (start, end, _) = ListSplitter.FindSection(text);
        int entries = ListSplitter.Split(text, start, end).Count;
        var b = PlainTextReader.Read(text, list);
        Assert.Equal(entries, b.References.Count + b.Diagnostics.Count(d => d.Code == DiagnosticCodes.NotAReference));
        Assert.All(b.References, r => Assert.False(r.RawText.IsEmpty));
        Assert.Equal(b.References.Count, b.References.Select(r => r.Id).Distinct().Count());
    }

    [Theory]
    // Fuzzing (seed 9, findings/plain-text-crash-1E989466697F.bin): a Khmer digit in a day threw FormatException
    // out of the reader; the date patterns took any script's digits and handed them to int.Parse.
    [InlineData("៨9 March 2017")]
    [InlineData("１９ March 2017")]
    [InlineData("19៨9-10")]
    public void A_date_in_the_digits_of_another_script_loses_no_entry(string date)
    {
        var text = "Works Cited\n\nBenjamin, Ruha. Race After Technology. Polity, 2019.\n\n"
            + $"Dillet, Romain. “Hugging Face Wants to Become Your Artificial BFF.” TechCrunch, {date}. https://techcrunch.com/2017/03/09/bff/.\n\n"
            + "Tsing, Anna Lowenhaupt. The Mushroom at the End of the World. Princeton UP, 2015.\n";

        var b = PlainTextReader.Read(text, "digits.txt");

        Assert.Equal(["Race After Technology", "Hugging Face Wants to Become Your Artificial BFF", "The Mushroom at the End of the World"],
            b.References.Select(r => r.Title));
        Assert.Equal("https://techcrunch.com/2017/03/09/bff/", b.References[1].Url);
        Assert.Equal([2019, 2015], new[] { b.References[0].Issued?.Year, b.References[2].Issued?.Year });
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Truncated_and_mutated_lists_never_throw(string list)
    {
        var text = File.ReadAllText(Path.Combine(DependencyTests.RepoRoot(), "bib", list));
        var random = new Random(list.Length);
        for (int i = 0; i < 15; i++)
        {
            var cut = text[..random.Next(text.Length)];
            AssertReadCleanly(PlainTextReader.Read(cut, list));
            var chars = text.ToCharArray();
            const string alphabet = "“”\"'*_<>[]().,:;—\n\\&{}0123456789 ";
            for (int k = 0; k < 30; k++) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            AssertReadCleanly(PlainTextReader.Read(new string(chars), list));
        }
    }

    // The reader keeps an entry it fails on as a note (nothing lost); in these tests that safety net must stay unused.
    private static void AssertReadCleanly(Core.Model.Bibliography b) =>
        Assert.DoesNotContain(b.Diagnostics, d => d.Message.Contains("could not be read", StringComparison.Ordinal));

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("Works Cited")]
    [InlineData("———.")]
    [InlineData("“")]
    [InlineData("*")]
    [InlineData("_")]
    [InlineData("[1]")]
    [InlineData("(((((((((((((((((((((((((((((((((((((2019")]
    [InlineData("Smith, J. (2019). “Title.” <https://x")]
    [InlineData("\0\0\0 Smith, J. 2019.")]
    public void Odd_input_never_throws(string text)
    {
        AssertReadCleanly(PlainTextReader.Read(text, "odd.txt"));
    }

    [Fact]
    public void Hostile_sizes_stay_bounded()
    {
        var longLine = "Smith, John. " + new string('a', 200_000) + ". Publisher, 2019.";
        var deep = new string('(', 50_000) + "Smith, J. 2019.";
        var many = string.Join("\n", Enumerable.Range(0, 20_000).Select(i => $"Author{i % 50}, A. ({1900 + i % 100}) *Title {i}*. Press."));
        var b1 = PlainTextReader.Read(longLine, "long.txt");
        Assert.Contains(b1.Diagnostics, d => d.Code == DiagnosticCodes.NotAReference);
        PlainTextReader.Read(deep, "deep.txt");
        var b3 = PlainTextReader.Read(many, "many.txt");
        Assert.Equal(20_000, b3.References.Count);
        Assert.Equal(20_000, b3.References.Select(r => r.Id).Distinct().Count());
    }
}
