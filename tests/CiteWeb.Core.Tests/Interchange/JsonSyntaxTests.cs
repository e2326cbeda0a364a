using System.Text;
using System.Text.Json;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Interchange;

/// <summary>
/// The CSL-JSON reader trusts <see cref="JsonSyntax"/> to say where a value ends, or that it is broken, before
/// System.Text.Json sees it: if they disagreed, a good item would be dropped or a broken one parsed. Checked on
/// hand-picked cases and, differentially, on mutated real CSL-JSON against System.Text.Json itself.
/// </summary>
public sealed class JsonSyntaxTests
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>What System.Text.Json says of the value at the start: whether it parses, and where it ends.</summary>
    private static (bool Ok, int End) Reference(byte[] json)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            using var _ = JsonDocument.ParseValue(ref reader);
            return (true, (int)reader.BytesConsumed);
        }
        catch (JsonException)
        {
            return (false, -1);
        }
    }

    private static (bool Ok, int End) Ours(byte[] json) =>
        JsonSyntax.TryValue(json, 0, Options.MaxDepth, out int at) ? (true, at) : (false, -1);

    [Theory]
    [InlineData("{}")]
    [InlineData(" [ ] ")]
    [InlineData("{\"id\": \"a\", \"n\": [1, -0, 0.5, 1e3, 1.5E+3, -2e-2], \"t\": true, \"f\": false, \"z\": null}")]
    [InlineData("\"caf\\u00e9 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\"")]
    [InlineData("{\"a\": {\"b\": [{\"c\": []}]}} {\"next\": 1}")]
    [InlineData("[1]x")]
    [InlineData("\"a\"x")]
    public void Valid_values_end_where_System_Text_Json_ends_them(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = Reference(bytes);
        Assert.True(expected.Ok);
        Assert.Equal(expected, Ours(bytes));
    }

    [Theory]
    [InlineData("[1,]")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("01")]
    [InlineData("[1.]")]
    [InlineData("[.5]")]
    [InlineData("[tru]")]
    [InlineData("[truex]")]
    [InlineData("{\"source\":tom\": {")]
    [InlineData("\"tab\tinside\"")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12G4\"")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{'a': 1}")]
    [InlineData("[1 /* no */]")]
    [InlineData("{\"a\": 1")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("[1e]")]
    [InlineData("{\"a\": 1 \"b\": 2}")]
    public void Broken_values_are_broken_for_both(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.False(Reference(bytes).Ok);
        Assert.False(Ours(bytes).Ok);
    }

    [Fact]
    public void Nesting_is_capped_where_the_reader_caps_it()
    {
        foreach (int depth in new[] { 63, 64, 65, 200 })
        {
            var bytes = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            Assert.Equal(Reference(bytes), Ours(bytes));
        }
        Assert.True(Ours(Encoding.UTF8.GetBytes(new string('[', 64) + new string(']', 64))).Ok);
        Assert.False(Ours(Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65))).Ok);
    }

    [Fact]
    public void Agrees_with_System_Text_Json_on_mutated_real_CSL_JSON()
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Conformance", "pandoc"), "*.json")
            .Select(File.ReadAllText).ToList();
        Assert.NotEmpty(seeds);
        var random = new Random(20261126);
        string[] tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "true", "tru", "null", "-", "0", "1e", ".", " ", "\n", "\t", "/", "é"];
        int ok = 0, broken = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var text = seeds[random.Next(seeds.Count)];
            int from = random.Next(text.Length), length = Math.Min(text.Length - from, random.Next(1, 600));
            var sb = new StringBuilder(text, from, length, length + 16);
            for (int m = random.Next(0, 4); m > 0 && sb.Length > 0; m--)
            {
                int at = random.Next(sb.Length);
                switch (random.Next(3))
                {
                    case 0: sb.Remove(at, Math.Min(sb.Length - at, random.Next(1, 4))); break;
                    case 1: sb.Insert(at, tokens[random.Next(tokens.Length)]); break;
                    default: sb[at] = (char)random.Next(0x20, 0x7F); break;
                }
            }
            // Half start at a brace, as the reader's resynchronisation does.
            var candidate = sb.ToString();
            if (random.Next(2) == 0 && candidate.IndexOf('{') is int brace and >= 0) candidate = candidate[brace..];
            var bytes = Encoding.UTF8.GetBytes(candidate);
            var expected = Reference(bytes);
            Assert.True(expected == Ours(bytes), $"System.Text.Json says {expected}, JsonSyntax {Ours(bytes)} for: {candidate}");
            if (expected.Ok) ok++; else broken++;
        }
        Assert.True(ok > 500 && broken > 500, $"the inputs should be a mix: {ok} whole, {broken} broken");
    }
}
