using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Text;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// Finds references that are the same work: the same DOI, or the same first-author family name, year and
/// normalised title. Each is reported (CW500); only with <see cref="CleanOptions.MergeDuplicates"/> is the later
/// one merged into the first (fields the first lacks are filled in) and removed.
/// </summary>
public sealed class Duplicates : ITransform
{
    public string Name => "duplicates";
    public IReadOnlyList<string> DependsOn => ["whitespace", "doi"];

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context)
    {
        var changes = new List<FieldChange>();
        var seen = new Dictionary<string, Reference>(StringComparer.Ordinal);
        // A reference's keys do not change before its turn (merging only fills in earlier references), so they
        // are all computed up front, in parallel; the matching itself is in order.
        var allKeys = new List<string>[references.Count];
        ParallelSlices.For(references.Count, i => allKeys[i] = MatchKeys(references[i]).ToList());
        for (int i = 0, original = 0; i < references.Count; i++, original++)
        {
            var r = references[i];
            Reference? first = null;
            var keys = allKeys[original];
            foreach (var key in keys)
                if (seen.TryGetValue(key, out first)) break;
            if (first is null)
            {
                foreach (var key in keys) seen[key] = r;
                continue;
            }
            var at = r.Source ?? new SourceSpan("", 0, 0);
            context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.PossibleDuplicate, Severity.Warning,
                $"'{r.Id}' looks like a duplicate of '{first.Id}'" + (context.Options.MergeDuplicates ? "; merged into it" : " (use --merge-duplicates to merge)"), at));
            if (!context.Options.MergeDuplicates) continue;
            foreach (var (name, value) in r.Fields)
                if (first.Fields[name] is null) { first.Fields[name] = value; changes.Add(new FieldChange(Name, first.Id, name, null, value)); }
            foreach (var (role, names) in r.Names) first.Names.TryAdd(role, names);
            foreach (var (name, date) in r.Dates) first.Dates.TryAdd(name, date);
            changes.Add(new FieldChange(Name, r.Id, "id", r.Id, null));
            references.RemoveAt(i--);
        }
        return changes;
    }

    public static IEnumerable<string> MatchKeys(Reference r)
    {
        if (r.Doi is { Length: > 0 } doi) yield return "doi:" + doi.ToLowerInvariant();
        var creator = r.FirstCreator;
        var title = TextFolding.NormaliseTitle(r.Title ?? "");
        if (title.Length == 0) yield break;
        var family = creator is null ? "" : TextFolding.KeyPart(creator.Literal ?? creator.Family ?? "");
        yield return $"work:{family}|{r.Issued?.Year}|{title}";
    }
}
