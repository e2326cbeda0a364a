using System.Text.RegularExpressions;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// DOIs are stored bare, <c>10.xxxx/...</c>: resolver prefixes (https://doi.org/, dx.doi.org, "doi:") are removed
/// and the DOI is checked against Crossref's recommended pattern; one that does not match is reported, not changed.
/// A DOI found only in the URL field moves to the DOI field.
/// </summary>
public sealed partial class DoiBare : IReferenceCleanup
{
    public string Name => "doi";
    public IReadOnlyList<string> DependsOn => ["whitespace"];

    [GeneratedRegex(@"^10\.\d{4,9}/\S+$")]
    private static partial Regex Valid();

    [GeneratedRegex(@"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context) => ReferencePass.Run([this], references, context);

    // Bare DOIs first, then DOIs moved from the URL field: the order of the two passes this once was.
    int IReferenceCleanup.Lists => 2;

    void IReferenceCleanup.Clean(Reference r, TransformContext context, CleanupOutput output)
    {
        FieldTransform.Clean(Name, r, Csl.Doi, Bare, IsBare, output);
        var fields = r.Fields;
        int at = fields.IndexOfKey(Csl.Doi);
        if (at < 0)
        {
            // The URL is read without keeping it: most are no DOI link, and the writer reads a plain one from the source.
            int link = fields.IndexOfKey(Csl.Url);
            if (link >= 0 && Prefix().IsMatch(FieldTransform.PeekText(fields, link)) && Bare(fields.ValueAt(link)) is var doi && Valid().IsMatch(doi))
            {
                r.Doi = doi;
                output.Add(new FieldChange(Name, r.Id, Csl.Doi, null, r.Doi), 1);
                at = fields.IndexOfKey(Csl.Doi);
            }
            else return;
        }
        // Checked as read, without keeping it: most are valid, and then nothing is kept.
        bool valid = Valid().IsMatch(FieldTransform.PeekText(fields, at));
        if (!valid && r.Source is { } where)
            output.Add(new Diagnostic(DiagnosticCodes.InvalidDoi, Severity.Warning, $"'{fields.ValueAt(at)}' in '{r.Id}' is not a DOI (10.prefix/suffix)", where));
    }

    /// <summary>True when <see cref="Bare"/> gives <paramref name="doi"/> back: no white space at either end, no
    /// resolver prefix, nothing escaped, no trailing punctuation.</summary>
    internal static bool IsBare(ReadOnlySpan<char> doi) =>
        doi.Length > 0 && !char.IsWhiteSpace(doi[0]) && !char.IsWhiteSpace(doi[^1]) && doi[^1] is not ('.' or ',' or ';')
        && !doi.Contains('%') && !Prefix().IsMatch(doi);

    public static string Bare(string doi)
    {
        var s = Prefix().Replace(doi.Trim(), "");
        s = Uri.UnescapeDataString(s);
        return s.TrimEnd('.', ',', ';');
    }

    public static bool IsValid(string doi) => Valid().IsMatch(doi);
}
