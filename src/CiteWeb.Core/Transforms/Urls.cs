using System.Buffers;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// URLs are trimmed of white space, angle brackets and a trailing full stop or comma picked up from prose, and
/// validated: a URL that is not absolute http(s) or ftp is reported (CW501) and left as it is.
/// </summary>
public sealed class Urls : IReferenceCleanup
{
    public string Name => "urls";
    public IReadOnlyList<string> DependsOn => ["whitespace", "doi"];

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context) => ReferencePass.Run([this], references, context);

    void IReferenceCleanup.Clean(Reference r, TransformContext context, CleanupOutput output)
    {
        FieldTransform.Clean(Name, r, Csl.Url, Trim, IsTrimmed, output);
        var fields = r.Fields;
        int at = fields.IndexOfKey(Csl.Url);
        if (at < 0) return;
        // Validated as read, without keeping it: most are plain web addresses, and then no string is made.
        bool valid = IsPlainWebAddress(FieldTransform.PeekText(fields, at)) || IsValidUri(fields.PeekAt(at));
        if (!valid && r.Source is { } where)
            output.Add(new Diagnostic(DiagnosticCodes.InvalidUrl, Severity.Warning, $"'{fields.ValueAt(at)}' in '{r.Id}' is not a valid web address", where));
    }

    /// <summary>True when <see cref="Trim"/> gives <paramref name="url"/> back (it trims angle brackets of either
    /// kind from either end).</summary>
    internal static bool IsTrimmed(ReadOnlySpan<char> url) =>
        url.Length > 0 && !char.IsWhiteSpace(url[0]) && !char.IsWhiteSpace(url[^1]) && url[0] is not ('<' or '>') && url[^1] is not ('<' or '>' or '.' or ',' or ';')
        && !url.StartsWith("\\url{") && !url.Contains(' ');

    public static string Trim(string url)
    {
        var s = url.Trim().Trim('<', '>').Trim();
        if (s.StartsWith("\\url{", StringComparison.Ordinal) && s.EndsWith('}')) s = s[5..^1];
        while (s.Length > 0 && s[^1] is '.' or ',' or ';') s = s[..^1];
        return s.Replace(" ", "%20", StringComparison.Ordinal);
    }

    public static bool IsValid(string url) => IsPlainWebAddress(url) || IsValidUri(url);

    private static bool IsValidUri(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "ftp" && u.Host.Length > 0 && !u.Host.Contains('_');

    // Characters of a path, query or fragment that System.Uri takes as they are (RFC 3986 unreserved and
    // sub-delimiters, '/', '?', '#', ':', '@'); no '%', no backslash, nothing outside ASCII.
    private static readonly SearchValues<char> PlainRest =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?#");

    private static readonly SearchValues<char> HostChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    /// <summary>
    /// The common case System.Uri need not be asked about (it allocates a Uri a call): "http://" or "https://", a
    /// lower-case DNS name whose labels are letters, digits and inner hyphens and whose last label starts with a
    /// letter (so it is no IP address), no port or user, then only characters Uri keeps as they are. Such an
    /// address is valid by <see cref="IsValidUri"/>'s rule; anything else is decided by that rule itself.
    /// </summary>
    internal static bool IsPlainWebAddress(ReadOnlySpan<char> url)
    {
        if (url.Length > 2000) return false;
        if (url.StartsWith("https://")) url = url[8..];
        else if (url.StartsWith("http://")) url = url[7..];
        else return false;
        int end = url.IndexOfAny('/', '?', '#');
        var host = end < 0 ? url : url[..end];
        if (host.Length is 0 or > 253 || host.ContainsAnyExcept(HostChars)) return false;
        int labels = 0;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || label.StartsWith("xn--")) return false;
            labels++;
            if (range.End.GetOffset(host.Length) == host.Length && !char.IsAsciiLetterLower(label[0])) return false;
        }
        return labels >= 2 && (end < 0 || !url[end..].ContainsAnyExcept(PlainRest));
    }
}
