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
        foreach (var r in references)
        {
            if (r.Doi is null && r.Url is { } url && Prefix().IsMatch(url) && Valid().IsMatch(Bare(url)))
            {
                r.Doi = Bare(url);
                changes.Add(new FieldChange(Name, r.Id, Csl.Doi, null, r.Doi));
            }
            if (r.Doi is { } doi && !Valid().IsMatch(doi) && r.Source is { } at)
                context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidDoi, Severity.Warning, $"'{doi}' in '{r.Id}' is not a DOI (10.prefix/suffix)", at));
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
