using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CiteWeb.Core.Export;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>
/// Runs every example of the prose spec files in Specs/ (Markdig's way): a ```bibtex block (or a ```text block:
/// a printed works-cited list) is the input, the
/// ```json block after it the expected CSL-JSON (each expected item's properties must match; properties it
/// does not name are not checked), and an optional ```diagnostics block the exact diagnostics, one
/// "line:column: severity CODE" a line.
/// </summary>
public sealed partial class SpecTests
{
    public sealed record Example(string File, string Title, string Input, string Expected, string? Diagnostics, bool PlainText = false)
    {
        public override string ToString() => $"{File}: {Title}";
    }

    [GeneratedRegex(@"^## (?<title>.+?)\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"^```(?<kind>\w+)\n(?<text>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    public static TheoryData<Example> Examples()
    {
        var data = new TheoryData<Example>();
        var dir = Path.Combine(AppContext.BaseDirectory, "Specs");
        foreach (var file in Directory.GetFiles(dir, "*.md").Order())
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            foreach (Match section in Section().Matches(text))
            {
                string? input = null, expected = null, diagnostics = null;
                bool plainText = false;
                foreach (Match block in Block().Matches(section.Groups["body"].Value))
                {
                    switch (block.Groups["kind"].Value)
                    {
                        case "bibtex": input = block.Groups["text"].Value; break;
                        case "text": input = block.Groups["text"].Value; plainText = true; break;
                        case "json": expected = block.Groups["text"].Value; break;
                        case "diagnostics": diagnostics = block.Groups["text"].Value; break;
                    }
                }
                if (input is not null && expected is not null)
                    data.Add(new Example(Path.GetFileName(file), section.Groups["title"].Value.Trim(), input, expected, diagnostics, plainText));
            }
        }
        return data;
    }

    [Fact]
    public void The_spec_files_hold_examples() => Assert.True(Examples().Count >= 60, $"only {Examples().Count} examples found");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_parses_as_specified(Example example)
    {
        var bibliography = example.PlainText
            ? Core.Parsing.PlainText.PlainTextReader.Read(example.Input, "spec.txt")
            : BibTexReader.Parse(example.Input, "spec.bib");
        var actual = JsonNode.Parse(CslJsonWriter.Write(bibliography.References, new CslJsonWriterOptions { IncludeProvenance = false }))!.AsArray();
        var expected = JsonNode.Parse(example.Expected)!.AsArray();
        Assert.True(expected.Count == actual.Count, $"expected {expected.Count} references, got {actual.Count}:\n{actual.ToJsonString()}");
        for (int i = 0; i < expected.Count; i++)
            AssertSubset(expected[i]!, actual[i]!, $"[{i}]");

        var got = bibliography.Diagnostics.Select(d => $"{d.Span.Line}:{d.Span.Column}: {Core.Diagnostics.Diagnostic.SeverityName(d.Severity)} {d.Code}").ToList();
        var want = (example.Diagnostics ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        Assert.True(want.SequenceEqual(got), $"diagnostics: expected [{string.Join("; ", want)}], got [{string.Join("; ", bibliography.Diagnostics)}]");
    }

    private static void AssertSubset(JsonNode expected, JsonNode actual, string path)
    {
        if (expected is JsonObject eo)
        {
            Assert.True(actual is JsonObject, $"{path}: expected an object, got {actual.ToJsonString()}");
            var ao = actual.AsObject();
            foreach (var (key, value) in eo)
            {
                if (value is null)
                {
                    Assert.False(ao.ContainsKey(key), $"{path}.{key}: expected absent, got {ao[key]?.ToJsonString()}");
                    continue;
                }
                Assert.True(ao.TryGetPropertyValue(key, out var av) && av is not null, $"{path}.{key}: missing in {ao.ToJsonString()}");
                AssertSubset(value, av!, $"{path}.{key}");
            }
            return;
        }
        if (expected is JsonArray ea)
        {
            var aa = actual as JsonArray;
            Assert.True(aa is not null && aa.Count == ea.Count, $"{path}: expected {ea.ToJsonString()}, got {actual.ToJsonString()}");
            for (int i = 0; i < ea.Count; i++) AssertSubset(ea[i]!, aa![i]!, $"{path}[{i}]");
            return;
        }
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
    }
}
