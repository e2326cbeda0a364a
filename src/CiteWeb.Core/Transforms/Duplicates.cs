using System.Globalization;
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
        var seen = new Dictionary<string, Reference>(references.Count * 2, StringComparer.Ordinal);
        // A reference's keys do not change before its turn (merging only fills in earlier references), so they
        // are all computed up front, in parallel; the matching itself is in order.
        var allKeys = new (string? Doi, string? Work)[references.Count];
        ParallelSlices.For(references.Count, i => allKeys[i] = Keys(references[i]));
        for (int i = 0, original = 0; i < references.Count; i++, original++)
        {
            var r = references[i];
            Reference? first = null;
            var (doi, work) = allKeys[original];
            if (!(doi is not null && seen.TryGetValue(doi, out first)) && work is not null) seen.TryGetValue(work, out first);
            if (first is null)
            {
                if (doi is not null) seen[doi] = r;
                if (work is not null) seen[work] = r;
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
        var (doi, work) = Keys(r);
        if (doi is not null) yield return doi;
        if (work is not null) yield return work;
    }

    /// <summary>The keys a reference is matched by: "doi:" and its DOI in lower case, when it has one, and
    /// "work:family|year|normalised title", when it has a title. Each is built in one buffer and is one string.</summary>
    private static (string? Doi, string? Work) Keys(Reference r)
    {
        string? doiKey = null;
        var fields = r.Fields;
        int at = fields.IndexOfKey(Csl.Doi);
        if (at >= 0)
        {
            // Read without keeping it: a DOI still in its source form is used there.
            var doi = fields.TryPeekSource(at, out var source) ? source.Span : fields.PeekAt(at);
            if (doi.Length > 0)
            {
                Span<char> key = doi.Length <= 256 ? stackalloc char[4 + doi.Length] : new char[4 + doi.Length];
                "doi:".CopyTo(key);
                doi.ToLowerInvariant(key[4..]);
                doiKey = new string(key);
            }
        }
        var title = FieldTransform.PlainTitle(r);
        if (title.IsEmpty) return (doiKey, null);
        Span<char> normalised = title.Length <= 256 ? stackalloc char[title.Length * 2] : new char[title.Length * 2];
        var titleKey = TextFolding.NormaliseTitle(title, normalised);
        if (titleKey.IsEmpty) return (doiKey, null);
        var creator = r.FirstCreator;
        ReadOnlySpan<char> name = creator is null ? "" : RichText.ToPlain(creator.Literal ?? creator.Family ?? "");
        int length = 5 + name.Length * 2 + 1 + 11 + 1 + titleKey.Length;
        Span<char> work = length <= 512 ? stackalloc char[length] : new char[length];
        "work:".CopyTo(work);
        int n = 5;
        n += TextFolding.KeyPart(name, work[n..]);
        work[n++] = '|';
        if (r.Issued?.Year is int year)
        {
            year.TryFormat(work[n..], out int written, provider: CultureInfo.InvariantCulture);
            n += written;
        }
        work[n++] = '|';
        titleKey.CopyTo(work[n..]);
        n += titleKey.Length;
        return (doiKey, new string(work[..n]));
    }
}
