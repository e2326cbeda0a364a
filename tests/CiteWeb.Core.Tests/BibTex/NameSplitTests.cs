using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>Name lists are cut at " and " in any case; the vectorised search must find exactly what the runtime's
/// case-insensitive search finds, wherever the word falls.</summary>
public sealed class NameSplitTests
{
    [Fact]
    public void The_separator_search_agrees_with_the_runtime_on_random_lists()
    {
        var random = new Random(27);
        const string alphabet = "  aAnNdDxı,{}";
        for (int trial = 0; trial < 50_000; trial++)
        {
            var chars = new char[random.Next(0, 90)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var list = new string(chars);
            Assert.True(list.AsSpan().IndexOf(" and ", StringComparison.OrdinalIgnoreCase) == BibTexNames.IndexOfAnd(list),
                $"in {System.Text.Json.JsonSerializer.Serialize(list)}");
        }
    }

    [Theory]
    [InlineData("Chun, Safiya Umoja and Inga Łukasiewicz", 18)]
    [InlineData("Noble, Safiya Umoja AND Benjamin, Ruha", 19)]
    [InlineData("Crawford, Kate And Joler, Vladan and Paglen, Trevor", 14)]
    [InlineData("Sandy Anderson and Andrea Dandy", 14)]
    [InlineData("Anderson, Sandy", -1)]
    [InlineData(" and ", 0)]
    [InlineData("and others", -1)]
    public void The_separator_is_the_first_standalone_and(string list, int at) => Assert.Equal(at, BibTexNames.IndexOfAnd(list));

    [Fact]
    public void A_long_list_splits_into_every_name_wherever_the_separators_fall()
    {
        for (int pad = 0; pad < 20; pad++)
        {
            var names = Enumerable.Range(0, 12).Select(i => $"Name{i}{new string('x', (i * 7 + pad) % 13)}, First").ToArray();
            var parsed = BibTexNames.Parse(string.Join(pad % 2 == 1 ? " AND " : " and ", names));
            Assert.Equal(names.Select(n => n[..n.IndexOf(',')]), parsed.Select(p => p.Family));
        }
    }
}
