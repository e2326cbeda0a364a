using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// URLs are trimmed of white space, angle brackets and a trailing full stop or comma picked up from prose, and
/// validated: a URL that is not absolute http(s) or ftp is reported (CW501) and left as it is.
/// </summary>
public sealed class Urls : ITransform
{
    public string Name => "urls";
    public IReadOnlyList<string> DependsOn => ["whitespace", "doi"];

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context)
    {
        var changes = FieldTransform.Each(Name, references, Csl.Url, Trim).ToList();
        context.Diagnostics.AddRange(ParallelSlices.Collect<Diagnostic>(references.Count, (i, found) =>
        {
            var r = references[i];
            if (r.Url is { } url && !IsValid(url) && r.Source is { } at)
                found.Add(new Diagnostic(DiagnosticCodes.InvalidUrl, Severity.Warning, $"'{url}' in '{r.Id}' is not a valid web address", at));
        }));
        return changes;
    }

    public static string Trim(string url)
    {
        var s = url.Trim().Trim('<', '>').Trim();
        if (s.StartsWith("\\url{", StringComparison.Ordinal) && s.EndsWith('}')) s = s[5..^1];
        while (s.Length > 0 && s[^1] is '.' or ',' or ';') s = s[..^1];
        return s.Replace(" ", "%20", StringComparison.Ordinal);
    }

    public static bool IsValid(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "ftp" && u.Host.Length > 0 && !u.Host.Contains('_');
}
