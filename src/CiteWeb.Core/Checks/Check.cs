using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Checks;

/// <summary>A finding of a check: a diagnostic with the citation as printed, the entry's key and a suggestion.</summary>
public sealed record Finding(string Code, Severity Severity, string Message, SourceSpan Span, string? Citation = null, string? Entry = null, string? Suggestion = null)
{
    public Diagnostic ToDiagnostic() => new(Code, Severity, Message, Span);
    public override string ToString() => ToDiagnostic().ToString();

    /// <summary>A citation's text as a message quotes it: whole up to 160 characters, else its start and an
    /// ellipsis. A hostile <c>\cite{...}</c> of thousands of keys gets one finding per key, and each quoting all of
    /// it made the findings quadratic in the citation's length.</summary>
    public static string Quote(string text) => text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 150), "…");
}

/// <summary>What every check looks at: the manuscript, its works-cited list, the citations and how each matched.</summary>
public sealed class CheckContext(Manuscript manuscript, Bibliography worksCited, IReadOnlyList<Citation> citations, IReadOnlyList<CitationMatch> matches)
{
    public Manuscript Manuscript { get; } = manuscript;
    public Bibliography WorksCited { get; } = worksCited;
    public IReadOnlyList<Citation> Citations { get; } = citations;
    public IReadOnlyList<CitationMatch> Matches { get; } = matches;

    /// <summary>Each work of each citation with its match, in order: made once, so that the checks that look at every
    /// work do not each enumerate every citation's works (an enumerator a citation, for tens of thousands).</summary>
    public IReadOnlyList<(CitationMatch Match, WorkMatch Work)> MatchedWorks => _matchedWorks ??= Flatten(Matches);

    private List<(CitationMatch, WorkMatch)>? _matchedWorks;

    private static List<(CitationMatch, WorkMatch)> Flatten(IReadOnlyList<CitationMatch> matches)
    {
        var all = new List<(CitationMatch, WorkMatch)>(matches.Count);
        foreach (var m in matches)
            for (int i = 0; i < m.Works.Count; i++) all.Add((m, m.Works[i]));
        return all;
    }
}

/// <summary>A citation and the match of each work it names (an ibid. takes its antecedent's).</summary>
public sealed record CitationMatch(Citation Citation, IReadOnlyList<WorkMatch> Works, Citation? Antecedent);

/// <summary>One consistency check (STYLE.md example 1): a stable code, a severity, and findings. Empty input is never an error.</summary>
public interface ICheck
{
    string Code { get; }
    Severity Severity { get; }
    /// <summary>What it checks, one line, for the README's catalogue and `check --help`.</summary>
    string Description { get; }
    IEnumerable<Finding> Run(CheckContext context);
}
