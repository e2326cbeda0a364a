using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// One cleanup. It names the cleanups that must run before it, changes references in place and returns every
/// change it made, so a dry run and a change report cost nothing extra (bibtex-tidy's and JabRef's shape).
/// </summary>
public interface ITransform
{
    string Name { get; }
    IReadOnlyList<string> DependsOn { get; }
    IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context);
}

/// <summary>What a cleanup run shares: options and the diagnostics cleanups report (an invalid URL, a duplicate).</summary>
public sealed class TransformContext
{
    public CleanOptions Options { get; init; } = new();
    public List<Diagnostic> Diagnostics { get; } = [];
}

/// <summary>Options of <c>export --clean</c>.</summary>
public sealed record CleanOptions
{
    /// <summary>Merge references that are the same work. The default is false: duplicates are only reported.</summary>
    public bool MergeDuplicates { get; init; }
    /// <summary>Give every reference a key of the form authoryearword. The default is true.</summary>
    public bool GenerateKeys { get; init; } = true;
}

/// <summary>Shared helpers of the per-field cleanups.</summary>
internal static class FieldTransform
{
    /// <summary>Applies <paramref name="clean"/> to one variable of every reference and records what changed.
    /// References are cleaned on every core (see <see cref="ParallelSlices"/>), so <paramref name="clean"/> must be
    /// a pure function of its argument.</summary>
    public static IEnumerable<FieldChange> Each(string transform, IList<Reference> references, string variable, Func<string, string?> clean) =>
        ParallelSlices.Collect<FieldChange>(references.Count, (i, changes) =>
        {
            var r = references[i];
            var before = r.Fields[variable];
            if (before is null) return;
            var after = clean(before);
            if (after == before) return;
            r.Fields[variable] = string.IsNullOrEmpty(after) ? null : after;
            changes.Add(new FieldChange(transform, r.Id, variable, before, string.IsNullOrEmpty(after) ? null : after));
        });
}
