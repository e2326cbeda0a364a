using System.Text.RegularExpressions;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// DOIs are stored bare, <c>10.xxxx/...</c>: resolver prefixes (https://doi.org/, dx.doi.org, "doi:") are removed
/// and the DOI is checked against Crossref's recommended pattern; one that does not match is reported, not changed.
/// A DOI found only in the URL field moves to the DOI field.
/// </summary>
public sealed partial class DoiBare : ITransform
{
    public string Name => "doi";
    public IReadOnlyList<string> DependsOn => ["whitespace"];

    [GeneratedRegex(@"^10\.\d{4,9}/\S+$")]
    private static partial Regex Valid();

    [GeneratedRegex(@"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context)
    {
        var changes = FieldTransform.Each(Name, references, Csl.Doi, Bare).ToList();
        // One pass per reference, in parallel; a change and a diagnostic of the same reference keep their order.
        var found = ParallelSlices.Collect<(FieldChange? Change, Diagnostic? Diagnostic)>(references.Count, (i, found) =>
        {
            var r = references[i];
            if (r.Doi is null && r.Url is { } url && Prefix().IsMatch(url) && Valid().IsMatch(Bare(url)))
            {
                r.Doi = Bare(url);
                found.Add((new FieldChange(Name, r.Id, Csl.Doi, null, r.Doi), null));
            }
            if (r.Doi is { } doi && !Valid().IsMatch(doi) && r.Source is { } at)
                found.Add((null, new Diagnostic(DiagnosticCodes.InvalidDoi, Severity.Warning, $"'{doi}' in '{r.Id}' is not a DOI (10.prefix/suffix)", at)));
        });
        foreach (var (change, diagnostic) in found)
        {
            if (change is not null) changes.Add(change);
            if (diagnostic is not null) context.Diagnostics.Add(diagnostic);
        }
        return changes;
    }

    public static string Bare(string doi)
    {
        var s = Prefix().Replace(doi.Trim(), "");
        s = Uri.UnescapeDataString(s);
        return s.TrimEnd('.', ',', ';');
    }

    public static bool IsValid(string doi) => Valid().IsMatch(doi);
}
