using System.Globalization;
using CiteWeb.Core.Checks;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Export;

/// <summary>One bibliography of a run: the file as the user names it, what was read from it, and a note for the
/// reader. A printed list beside its structured twin (<paramref name="PrintedTwinOf"/> set) is listed but counted
/// once, as the twin.</summary>
public sealed record RunBibliography(string File, Bibliography Bibliography, string Note = "", string? PrintedTwinOf = null)
{
    /// <summary>What was found wrong in the file: the reader's diagnostics, and the cleanups' when the run adds them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = Bibliography.Diagnostics;

    public int References => Bibliography.References.Count;
    public int Links => Bibliography.References.Count(r => !string.IsNullOrWhiteSpace(r.Url));
    public int Dois => Bibliography.References.Count(r => !string.IsNullOrWhiteSpace(r.Doi));
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>How many references of each CSL type, the most frequent first (ties by name).</summary>
    public IReadOnlyList<(string Type, int Count)> Types =>
        Bibliography.References.GroupBy(r => r.Type, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
}

/// <summary>
/// What <c>citeweb run</c> found, as the report page shows it: the bibliographies, the check of every manuscript, the
/// checked links (null when the link stage did not run), and the co-citation network as SVG markup that CiteWeb drew
/// itself (null when there was nothing to draw). The page builder (<see cref="RunReportHtml"/>) and the closing
/// summary of the command both read this one record.
/// </summary>
public sealed record RunReport(
    DateTimeOffset Generated,
    string Folder,
    IReadOnlyList<RunBibliography> Bibliographies,
    IReadOnlyList<CheckReport> Checks,
    IReadOnlyList<LinkCheck>? Links,
    string? NetworkSvg = null,
    string? NetworkCaption = null)
{
    /// <summary>The bibliographies that count: a printed list beside its structured twin counts once, as the twin.</summary>
    public IEnumerable<RunBibliography> Counted => Bibliographies.Where(b => b.PrintedTwinOf is null);

    public RunSummary Summary => new(
        References: Counted.Sum(b => b.References),
        Bibliographies: Counted.Count(),
        Inconsistencies: Checks.Sum(c => c.Findings.Count(f => f.Severity == Severity.Error)),
        Links: Links?.Count,
        DeadLinks: Links?.Count(l => LinkStatuses.IsDead(l.Status)) ?? 0,
        UncheckedLinks: Links?.Count(l => l.Status == LinkStatus.Unchecked) ?? 0,
        ArchivedCopies: Links?.Count(l => l.Archive is not null) ?? 0);
}

/// <summary>The numbers of a run in one sentence: "43 references, 4 inconsistencies, 3 of 31 links dead, 2 archived
/// copies found". An inconsistency is a check error: a citation and the works-cited list disagree.</summary>
public sealed record RunSummary(int References, int Bibliographies, int Inconsistencies, int? Links, int DeadLinks, int UncheckedLinks, int ArchivedCopies)
{
    public override string ToString()
    {
        var parts = new List<string>
        {
            Count(References, "reference") + " in " + Count(Bibliographies, "bibliography", "bibliographies"),
            Count(Inconsistencies, "inconsistency", "inconsistencies"),
        };
        if (Links is not { } links) parts.Add("links not checked");
        else
        {
            parts.Add($"{N(DeadLinks)} of {Count(links, "link")} dead" + (UncheckedLinks > 0 ? $" ({N(UncheckedLinks)} not checked)" : ""));
            parts.Add(Count(ArchivedCopies, "archived copy", "archived copies") + " found");
        }
        return string.Join(", ", parts);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string? many = null) => $"{N(n)} {(n == 1 ? one : many ?? one + "s")}";
}
