using System.Text.RegularExpressions;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// Page ranges use an en dash (written <c>--</c> in BibTeX): "60-69", "60 - 69", "60--69" and "60—69" become
/// "60–69"; a "pp." prefix goes. Non-ranges ("e1002", "xii") are left as they are.
/// </summary>
public sealed partial class PageRanges : ITransform
{
    public string Name => "pages";
    public IReadOnlyList<string> DependsOn => ["whitespace"];

    [GeneratedRegex(@"^(?:pp?\.\s*)?([A-Za-z]*\d+[A-Za-z]*|[ivxlcdm]+)\s*(?:-{1,3}|–|—|‐|‑)\s*([A-Za-z]*\d+[A-Za-z]*|[ivxlcdm]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"^pp?\.\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PagePrefix();

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context) =>
        FieldTransform.Each(Name, references, Csl.Page, Clean);

    public static string Clean(string page)
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
