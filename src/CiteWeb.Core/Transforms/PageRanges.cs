using System.Buffers;
using System.Text.RegularExpressions;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// Page ranges use an en dash (written <c>--</c> in BibTeX): "60-69", "60 - 69", "60--69" and "60—69" become
/// "60–69"; a "pp." prefix goes. Non-ranges ("e1002", "xii") are left as they are.
/// </summary>
public sealed partial class PageRanges : IReferenceCleanup
{
    public string Name => "pages";
    public IReadOnlyList<string> DependsOn => ["whitespace"];

    [GeneratedRegex(@"^(?:pp?\.\s*)?([A-Za-z]*\d+[A-Za-z]*|[ivxlcdm]+)\s*(?:-{1,3}|–|—|‐|‑)\s*([A-Za-z]*\d+[A-Za-z]*|[ivxlcdm]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"^pp?\.\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PagePrefix();

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context) => ReferencePass.Run([this], references, context);

    void IReferenceCleanup.Clean(Reference r, TransformContext context, CleanupOutput output) =>
        FieldTransform.Clean(Name, r, Csl.Page, Clean, IsClean, output);

    // What can make Clean change a part of a value: a full stop (a "pp." prefix), a dash of any kind (a range), white
    // space at either end; and a comma, which IsCleanPart is not given.
    private static readonly SearchValues<char> Work = SearchValues.Create(",.-\u2013\u2014\u2010\u2011");

    // A set rather than ContainsAnyExceptInRange('0', '9'), whose generic code boxes until the JIT has optimised it
    // (96 bytes a call for the first ten thousand or so: megabytes of a one-off clean).
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>True when <see cref="Clean"/> gives <paramref name="page"/> back: a page with none of what it works
    /// on ("e1002", "xii", "12"), or a range already written "60–69", or a list of these each after the first
    /// following exactly ", " ("60–69, 72").</summary>
    internal static bool IsClean(ReadOnlySpan<char> page)
    {
        int comma = page.IndexOf(',');
        if (comma < 0) return IsCleanPart(page);
        if (!IsCleanPart(page[..comma])) return false;
        // Clean trims each part and joins them with ", ": a part after the first stays as it is when it follows
        // one space.
        while (comma >= 0)
        {
            page = page[(comma + 1)..];
            if (page.Length < 2 || page[0] != ' ') return false;
            page = page[1..];
            comma = page.IndexOf(',');
            if (!IsCleanPart(comma < 0 ? page : page[..comma])) return false;
        }
        return true;
    }

    /// <summary><see cref="IsClean"/> for one part of a list, or a value with no comma.</summary>
    private static bool IsCleanPart(ReadOnlySpan<char> page)
    {
        if (page.Length == 0 || char.IsWhiteSpace(page[0]) || char.IsWhiteSpace(page[^1])) return false;
        int at = page.IndexOfAny(Work);
        if (at < 0) return true;
        // "60–69": digits, one en dash, digits; the range pattern matches it and writes it back the same.
        return page[at] == '\u2013' && at > 0 && at < page.Length - 1 && !page[..at].ContainsAnyExcept(Digits)
            && !page[(at + 1)..].ContainsAnyExcept(Digits);
    }

    public static string Clean(string page)
    {
        // The common case, without splitting or matching anything.
        if (IsClean(page)) return page;
        return CleanParts(page);
    }

    private static string CleanParts(string page)
    {
        var parts = page.Split(',');
        for (int i = 0; i < parts.Length; i++)
        {
            var p = parts[i].Trim();
            var m = Range().Match(p);
            parts[i] = m.Success ? m.Groups[1].Value + "–" + m.Groups[2].Value : PagePrefix().Replace(p, "");
        }
        return string.Join(", ", parts);
    }
}
