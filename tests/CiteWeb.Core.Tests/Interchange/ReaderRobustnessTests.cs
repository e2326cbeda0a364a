using System.Text;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Interchange;

/// <summary>
/// Bad input never throws: thousands of seeded mutations and every truncation of a valid file go through both
/// readers, and whatever they return must be well formed and writable again.
/// </summary>
public sealed class ReaderRobustnessTests
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800", "\\uDC00\\uD800", "\n", "\r", "\r\n", " ", "null", "true",
        "1e999", "-0", "0.5", "\uFEFF", "\0", "ä", "🤗", "\uD800", "TY  - ", "ER  - ", "  - ", "AU  - ", "DA  - ", "SP  - ",
        "PY  - 2019/13/45/", "/", "//", "-", ",,", "\"id\"", "\"type\"", "\"date-parts\"", "[[", "]]", "\"custom\": {",
        "\"author\": [", "{\"id\": \"x\"}", new string('[', 200), new string('{', 100),
    ];

    public static TheoryData<string> Formats => ["csl-json", "ris"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Mutated_files_never_throw(string format)
    {
        string source = Sample(format);
        var random = new Random(20230517);
        for (int i = 0; i < 3000; i++)
        {
            var text = Mutate(source, random);
            AssertWellFormed(Read(format, text), text);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_truncation_reads_without_throwing(string format)
    {
        string source = Sample(format);
        for (int length = 0; length <= source.Length; length++)
            AssertWellFormed(Read(format, source[..length]), source[..length]);
    }

    [Theory]
    [InlineData("csl-json", 20_000)]
    [InlineData("ris", 20_000)]
    public void Deep_nesting_and_long_lines_are_diagnostics(string format, int size)
    {
        foreach (var text in (string[])[new string('[', size), new string('{', size), "[" + new string('"', size), "TY  - " + new string('x', size)])
            AssertWellFormed(Read(format, text), text[..20]);
    }

    private static string Sample(string format) => format == "ris" ? InterchangeSamples.Ris : InterchangeSamples.CslJson;

    private static Bibliography Read(string format, string text) =>
        format == "ris" ? RisReader.Read(text, "fuzz.ris") : CslJsonReader.Read(text, "fuzz.ris");

    private static string Mutate(string source, Random random)
    {
        var sb = new StringBuilder(source);
        int edits = random.Next(1, 5);
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(sb.Length + 1);
            switch (random.Next(5))
            {
                case 0: // delete a run
                    int length = Math.Min(random.Next(1, 40), sb.Length - at);
                    sb.Remove(at, length);
                    break;
                case 1: // insert a token that matters to one of the grammars
                    sb.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2: // duplicate a slice elsewhere
                    int from = random.Next(sb.Length + 1);
                    int count = Math.Min(random.Next(1, 200), sb.Length - from);
                    sb.Insert(at, sb.ToString(from, count));
                    break;
                case 3: // replace a character by any UTF-16 unit, surrogates included
                    if (at < sb.Length) sb[at] = (char)random.Next(0, 0x10000);
                    break;
                default: // cut the file short
                    sb.Length = at;
                    break;
            }
        }
        return sb.ToString();
    }

    private static void AssertWellFormed(Bibliography bib, string input)
    {
        foreach (var d in bib.Diagnostics)
        {
            Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, $"{d} for input {Show(input)}");
            Assert.Equal("fuzz.ris", d.Span.File);
            Assert.StartsWith("CW2", d.Code);
        }
        foreach (var r in bib.References)
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Id), $"empty id for input {Show(input)}");
            Assert.False(string.IsNullOrWhiteSpace(r.Type), $"empty type for input {Show(input)}");
            Assert.True(r.Source is { Line: >= 1, Column: >= 1 }, $"no source for input {Show(input)}");
        }
        // What a reader returns, a writer takes.
        _ = CslJsonWriter.Write(bib.References);
        _ = RisWriter.Write(bib.References);
    }

    private static string Show(string input) => input.Length > 300 ? input[..300] + "…" : input;
}
