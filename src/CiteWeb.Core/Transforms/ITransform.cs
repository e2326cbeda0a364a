using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Text;

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

/// <summary>
/// A cleanup that looks at one reference at a time and at nothing else. <see cref="Cleaner"/> runs consecutive ones
/// in one pass over the references (each reference visited once, its fields still in cache, every cleanup in
/// turn) instead of one pass each; each still reports its own changes, in the order a pass of its own would.
/// </summary>
internal interface IReferenceCleanup : ITransform
{
    /// <summary>How many change lists <see cref="Clean"/> writes to: a cleanup whose own pass reported one kind of
    /// change for every reference before the next kind uses one list each, so the joined order stays the same.</summary>
    int Lists => 1;

    /// <summary>Cleans <paramref name="reference"/>. Runs on every core at once: touch this reference only.</summary>
    void Clean(Reference reference, TransformContext context, CleanupOutput output);
}

/// <summary>What one cleanup found in one slice of the references: changes (in <see cref="IReferenceCleanup.Lists"/>
/// lists) and diagnostics, each in reference order.</summary>
internal sealed class CleanupOutput(int lists)
{
    private readonly List<FieldChange>?[] _changes = new List<FieldChange>?[lists];
    private List<Diagnostic>? _diagnostics;

    public void Add(FieldChange change, int list = 0) => (_changes[list] ??= []).Add(change);

    public void Add(Diagnostic diagnostic) => (_diagnostics ??= []).Add(diagnostic);

    public List<FieldChange>? Changes(int list) => _changes[list];

    public List<Diagnostic>? Diagnostics => _diagnostics;
}

/// <summary>Runs <see cref="IReferenceCleanup"/>s in one pass over the references, in parallel slices (see
/// <see cref="ParallelSlices"/>), and joins what they found: all of the first cleanup's changes (list by list,
/// each in reference order), then the next's; diagnostics likewise, into the context.</summary>
internal static class ReferencePass
{
    public static List<FieldChange> Run(IReadOnlyList<IReferenceCleanup> cleanups, IList<Reference> references, TransformContext context)
    {
        var slices = ParallelSlices.Collect<CleanupOutput[]>(references.Count, found =>
        {
            var outputs = new CleanupOutput[cleanups.Count];
            for (int k = 0; k < outputs.Length; k++) outputs[k] = new CleanupOutput(cleanups[k].Lists);
            found.Add(outputs);
            return i =>
            {
                var r = references[i];
                for (int k = 0; k < outputs.Length; k++) cleanups[k].Clean(r, context, outputs[k]);
            };
        });
        var changes = new List<FieldChange>();
        for (int k = 0; k < cleanups.Count; k++)
        {
            for (int list = 0; list < cleanups[k].Lists; list++)
                foreach (var slice in slices)
                    if (slice[k].Changes(list) is { } found) changes.AddRange(found);
            foreach (var slice in slices)
                if (slice[k].Diagnostics is { } found) context.Diagnostics.AddRange(found);
        }
        return changes;
    }
}

/// <summary>Says of a value's text, without a string, that a cleanup would leave it as it is.</summary>
internal delegate bool UnchangedTest(ReadOnlySpan<char> value);

/// <summary>Shared helpers of the per-field cleanups.</summary>
internal static class FieldTransform
{
    /// <summary>Applies <paramref name="clean"/> to <paramref name="variable"/> of <paramref name="r"/> and records a
    /// change. <paramref name="unchanged"/>, when given, is asked first about the value's text as
    /// <see cref="PeekText"/> reads it (no string kept, none made for a value its reader decodes into a buffer): a
    /// value it clears is left as it is, and one still in its source form stays there. <paramref name="clean"/> must
    /// be a pure function of its argument (references are cleaned on every core).</summary>
    public static void Clean(string transform, Reference r, string variable, Func<string, string?> clean, UnchangedTest? unchanged, CleanupOutput output, int list = 0)
    {
        var fields = r.Fields;
        int at = fields.IndexOfKey(variable);
        if (at < 0) return;
        if (unchanged is not null && unchanged(PeekText(fields, at))) return;
        var before = fields.ValueAt(at);
        var after = clean(before);
        if (after == before) return;
        fields[variable] = string.IsNullOrEmpty(after) ? null : after;
        output.Add(new FieldChange(transform, r.Id, variable, before, string.IsNullOrEmpty(after) ? null : after), list);
    }

    [ThreadStatic]
    private static char[]? _decoded;

    [ThreadStatic]
    private static char[]? _plain;

    /// <summary>The text of the <paramref name="at"/>th value of <paramref name="fields"/>, read without keeping
    /// anything (<see cref="FieldMap.PeekText(int, ref char[])"/>): a value still in its source form that needs
    /// decoding is decoded into a buffer of this thread's. Valid until this thread's next call of this or of
    /// <see cref="PlainTitle"/>.</summary>
    public static ReadOnlySpan<char> PeekText(FieldMap fields, int at)
    {
        var buffer = _decoded ??= new char[1024];
        var text = fields.PeekText(at, ref buffer);
        _decoded = buffer;
        return text;
    }

    /// <summary>A reference's title without markup, for keys and matching, read as <see cref="PeekText"/> reads (no
    /// string kept or made), its markup taken out into another buffer of this thread's. Valid until this thread's
    /// next call of this or of <see cref="PeekText"/>.</summary>
    public static ReadOnlySpan<char> PlainTitle(Reference r)
    {
        var fields = r.Fields;
        int at = fields.IndexOfKey(Csl.Title);
        if (at < 0) return "";
        var title = PeekText(fields, at);
        if (!title.Contains('<')) return title;
        var plain = _plain ??= new char[1024];
        if (plain.Length < title.Length) _plain = plain = new char[Math.Max(title.Length, plain.Length * 2)];
        return plain.AsSpan(0, RichText.ToPlain(title, plain));
    }
}
