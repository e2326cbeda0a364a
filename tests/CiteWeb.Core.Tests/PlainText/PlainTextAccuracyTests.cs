using CiteWeb.Core.Tests.Architecture;

namespace CiteWeb.Core.Tests.PlainText;

/// <summary>
/// The accuracy harness: the reader against the hand-made gold for every list in bib/ that has one. Prints the
/// per-field table (`dotnet run -c Release --project tests/CiteWeb.Benchmarks -- accuracy` prints it for every list) and holds the line the issue
/// sets: overall field F1 >= 0.97 on the essay's MLA list and >= 0.93 on each other style.
/// </summary>
public sealed class PlainTextAccuracyTests
{
    public static TheoryData<string, double> Lists => new()
    {
        { "luchs-2023-ai-for-all", 0.97 },
        { "knight-2017-making-space", 0.93 },
        { "soon-cox-2020-aesthetic-programming", 0.93 },
        { "corry-etal-2022-critical-dataset-studies-reading-list", 0.93 },
        { "berry-ccs-wb-bibliography", 0.93 },
        { "paez-2025-ai-haunting-campus", 0.93 },
    };

    internal static AccuracyReport Score(string list)
    {
        var root = DependencyTests.RepoRoot();
        var text = File.ReadAllText(Path.Combine(root, "bib", list + ".txt"));
        var gold = File.ReadAllText(Path.Combine(root, "tests", "CiteWeb.Core.Tests", "PlainText", "Gold", list + ".gold.json"));
        return AccuracyScorer.Score(list, text, gold);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Field_F1_meets_the_target(string list, double target)
    {
        var report = Score(list);
        var table = AccuracyScorer.Format([report]);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        var errors = string.Join("\n", report.Errors.Select(e => $"{e.Entry} {e.Field}: gold '{e.Gold}' parsed '{e.Parsed}'"));
        Assert.True(report.Overall.F1 >= target, $"{list}: overall F1 {report.Overall.F1:0.000} < {target}\n{table}\n{errors}");
    }
}
