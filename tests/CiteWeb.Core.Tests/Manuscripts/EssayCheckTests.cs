using System.Text.Json.Nodes;
using CiteWeb.Core.Checks;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Parsing.PlainText;
using CiteWeb.Core.Tests.Architecture;

namespace CiteWeb.Core.Tests.Manuscripts;

/// <summary>
/// The essay against the findings a careful reader established by hand (luchs-2023-expected.json, written from the
/// text alone): every citation found where it is, nothing taken for a citation that is not one, every error and
/// warning the reader found reported, and no error the reader did not find.
/// </summary>
public sealed class EssayCheckTests
{
    private static readonly Dictionary<string, string> CodeOfKind = new()
    {
        ["no-entry"] = "CW001", ["never-cited"] = "CW002", ["name-mismatch"] = "CW003", ["title-mismatch"] = "CW004",
        ["ambiguous-author"] = "CW005", ["ibid"] = "CW006", ["ibid-without-antecedent"] = "CW007", ["page-out-of-range"] = "CW008",
        ["et-al-mismatch"] = "CW009", ["alphabetical-order"] = "CW010", ["duplicate-entry"] = "CW011", ["malformed-url"] = "CW012",
        ["missing-element"] = "CW013",
    };

    // The works cited starts on line 105 of the essay; the same list is bib/luchs-2023-ai-for-all.txt from its line 1.
    private const int ListOffset = 104;

    private static (CheckReport Report, JsonNode Expected) Run()
    {
        var root = DependencyTests.RepoRoot();
        var list = PlainTextReader.Read(File.ReadAllText(Path.Combine(root, "bib", "luchs-2023-ai-for-all.txt")), "bib/luchs-2023-ai-for-all.txt");
        var manuscript = ManuscriptReader.Read(File.ReadAllText(Path.Combine(root, "bib", "manuscripts", "luchs-2023-ai-for-all.txt")), "bib/manuscripts/luchs-2023-ai-for-all.txt");
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "tests", "CiteWeb.Core.Tests", "Manuscripts", "luchs-2023-expected.json")))!;
        return (CheckCatalogue.Run(manuscript, list), expected);
    }

    [Fact]
    public void Every_citation_is_found_where_it_is()
    {
        var (report, expected) = Run();
        var found = report.Citations.Select(c => (c.Span.Line, c.Span.Column)).ToHashSet();
        var missed = expected["citations"]!.AsArray().Where(c => !found.Contains(((int)c!["line"]!, (int)c["column"]!)))
            .Select(c => $"{c!["line"]}:{c["column"]} {c["text"]}").ToList();
        Assert.True(missed.Count == 0, "citations not found:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void Nothing_that_is_not_a_citation_is_taken_for_one()
    {
        var (report, expected) = Run();
        var found = report.Citations.Select(c => (c.Span.Line, c.Span.Column)).ToHashSet();
        var wrong = expected["notCitations"]!.AsArray().Where(c => found.Contains(((int)c!["line"]!, (int)c["column"]!)))
            .Select(c => $"{c!["line"]}:{c["column"]} {c["text"]}").ToList();
        Assert.True(wrong.Count == 0, "read as citations:\n" + string.Join("\n", wrong));
        var known = expected["citations"]!.AsArray().Select(c => ((int)c!["line"]!, (int)c["column"]!)).ToHashSet();
        var extra = report.Citations.Where(c => !known.Contains((c.Span.Line, c.Span.Column))).Select(c => $"{c.Span.Line}:{c.Span.Column} {c.Text}").ToList();
        Assert.True(extra.Count == 0, "citations the reader did not see:\n" + string.Join("\n", extra));
    }

    [Fact]
    public void Every_error_and_warning_the_reader_found_is_reported()
    {
        var (report, expected) = Run();
        var missed = new List<string>();
        foreach (var f in expected["findings"]!.AsArray())
        {
            var kind = (string)f!["kind"]!;
            if ((string)f["severity"]! == "info" || !CodeOfKind.TryGetValue(kind, out var code)) continue;
            if (!report.Findings.Any(x => x.Code == code && Same(x, f))) missed.Add($"{f["line"]}:{f["column"]} {kind} ({code}): {f["detail"]}");
        }
        Assert.True(missed.Count == 0, "not reported:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void No_error_the_reader_did_not_find()
    {
        var (report, expected) = Run();
        var findings = expected["findings"]!.AsArray();
        var false_ = report.Findings.Where(x => x.Severity == Severity.Error)
            .Where(x => !findings.Any(f => CodeOfKind.GetValueOrDefault((string)f!["kind"]!) == x.Code && Same(x, f)))
            .Select(x => x.ToString()).ToList();
        Assert.True(false_.Count == 0, "errors the reader did not find:\n" + string.Join("\n", false_));
    }

    // A finding in the text is at its citation; one about the list is at its entry or, for an order finding, at the
    // neighbour it is out of order with.
    private static bool Same(Finding x, JsonNode f)
    {
        int line = (int)f["line"]!, column = (int)f["column"]!;
        if (line < ListOffset) return x.Span.File.Contains("manuscripts", StringComparison.Ordinal) && x.Span.Line == line && x.Span.Column == column;
        int entryLine = line - ListOffset;
        if (x.Span.File.Contains("manuscripts", StringComparison.Ordinal)) return false;
        return x.Span.Line == entryLine || x.Code == "CW010" && Math.Abs(x.Span.Line - entryLine) == 2;
    }
}
