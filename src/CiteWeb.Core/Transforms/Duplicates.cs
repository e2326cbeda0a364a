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

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context) => Apply(references, context, null);

    /// <summary>As <see cref="Apply(IList{Reference}, TransformContext)"/>; with <paramref name="citationKeys"/>
    /// (as long as <paramref name="references"/>), also works out each reference's citation key from the creator,
    /// title and year its match keys are made of (<see cref="CitationKeys.KeyOf"/>) and leaves them in the first
    /// entries, in the order of the references that are left; null for a reference others were merged into.</summary>
    internal List<FieldChange> Apply(IList<Reference> references, TransformContext context, string?[]? citationKeys)
    {
        var changes = new List<FieldChange>();
        var seen = new Dictionary<MatchKey, Reference>(references.Count * 2, MatchKey.Comparer);
        // A reference's keys do not change before its turn (merging only fills in earlier references), so they
        // are all computed up front, in parallel, each slice into text buffers of its own; the matching itself is
        // in order.
        var allKeys = new (MatchKey Doi, MatchKey Work)[references.Count];
        ParallelSlices.Collect<object>(references.Count, _ =>
        {
            var text = new KeyText();
            return i =>
            {
                var r = references[i];
                var creator = r.FirstCreator;
                var title = FieldTransform.PlainTitle(r);
                int? year = r.Issued?.Year;
                allKeys[i] = Keys(r, text, creator, title, year);
                if (citationKeys is not null) citationKeys[i] = CitationKeys.KeyOf(r, creator, title, year);
            };
        });
        // With merging, what is removed (by its index in the input) and what others were merged into.
        bool[]? removed = null;
        HashSet<Reference>? mergedInto = null;
        for (int i = 0, original = 0; i < references.Count; i++, original++)
        {
            var r = references[i];
            Reference? first = null;
            var (doi, work) = allKeys[original];
            if (!(doi.IsSet && seen.TryGetValue(doi, out first)) && work.IsSet) seen.TryGetValue(work, out first);
            if (first is null)
            {
                if (doi.IsSet) seen[doi] = r;
                if (work.IsSet) seen[work] = r;
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
            (removed ??= new bool[allKeys.Length])[original] = true;
            (mergedInto ??= new(ReferenceEqualityComparer.Instance)).Add(first);
        }
        if (citationKeys is not null && removed is not null)
        {
            // Line the keys up with the references left; one that others were merged into may have gained a creator,
            // a title or a year, so its key is worked out again.
            for (int original = 0, kept = 0; original < removed.Length; original++)
            {
                if (removed[original]) continue;
                citationKeys[kept] = mergedInto!.Contains(references[kept]) ? null : citationKeys[original];
                kept++;
            }
        }
        return changes;
    }

    public static IEnumerable<string> MatchKeys(Reference r)
    {
        var (doi, work) = Keys(r, new KeyText(), r.FirstCreator, FieldTransform.PlainTitle(r), r.Issued?.Year);
        if (doi.IsSet) yield return doi.ToString();
        if (work.IsSet) yield return work.ToString();
    }

    /// <summary>The keys a reference is matched by: "doi:" and its DOI in lower case, when it has one, and
    /// "work:family|year|normalised title", when it has a title, from the first creator, the title without markup
    /// and the year the caller read. Each is built in place in <paramref name="text"/>.</summary>
    private static (MatchKey Doi, MatchKey Work) Keys(Reference r, KeyText text, PersonName? creator, ReadOnlySpan<char> title, int? year)
    {
        MatchKey doiKey = default;
        var fields = r.Fields;
        int at = fields.IndexOfKey(Csl.Doi);
        if (at >= 0)
        {
            // Read without keeping it: a DOI still in its source form is used there.
            var doi = fields.PeekText(at);
            if (doi.Length > 0)
            {
                var key = text.Room(4 + doi.Length);
                "doi:".CopyTo(key);
                doi.ToLowerInvariant(key[4..]);
                doiKey = text.Commit(key.Length);
            }
        }
        if (title.IsEmpty) return (doiKey, default);
        Span<char> normalised = title.Length <= 256 ? stackalloc char[title.Length * 2] : new char[title.Length * 2];
        var titleKey = TextFolding.NormaliseTitle(title, normalised);
        if (titleKey.IsEmpty) return (doiKey, default);
        ReadOnlySpan<char> name = creator is null ? "" : RichText.ToPlain(creator.Literal ?? creator.Family ?? "");
        var work = text.Room(5 + name.Length * 2 + 1 + 11 + 1 + titleKey.Length);
        "work:".CopyTo(work);
        int n = 5;
        n += TextFolding.KeyPart(name, work[n..]);
        work[n++] = '|';
        if (year is int y)
        {
            y.TryFormat(work[n..], out int written, provider: CultureInfo.InvariantCulture);
            n += written;
        }
        work[n++] = '|';
        titleKey.CopyTo(work[n..]);
        n += titleKey.Length;
        return (doiKey, text.Commit(n));
    }

    /// <summary>A match key: its text in a <see cref="KeyText"/> chunk. 100,000 references' keys are then a few
    /// hundred arrays of characters, which the collector copies without tracing, not 200,000 strings.</summary>
    private readonly struct MatchKey(char[] chunk, int offset, int length)
    {
        public static readonly IEqualityComparer<MatchKey> Comparer = new TextComparer();

        private readonly char[] _chunk = chunk;
        private readonly int _offset = offset;
        private readonly int _length = length;
        // Hashed once, in the parallel part, not at every look-up.
        private readonly int _hash = string.GetHashCode(chunk.AsSpan(offset, length));

        public bool IsSet => _chunk is not null;

        private ReadOnlySpan<char> Text => _chunk.AsSpan(_offset, _length);

        public override string ToString() => new(Text);

        private sealed class TextComparer : IEqualityComparer<MatchKey>
        {
            public bool Equals(MatchKey x, MatchKey y) => x._hash == y._hash && x.Text.SequenceEqual(y.Text);

            public int GetHashCode(MatchKey key) => key._hash;
        }
    }

    /// <summary>Where one thread builds match keys: each in place at the end of a chunk, the next chunk begun when
    /// one is full.</summary>
    private sealed class KeyText
    {
        // 64 KB: small enough to stay out of the large-object heap, whose allocations hurry full collections.
        private const int ChunkChars = 32 * 1024;
        private char[] _chunk = [];
        private int _used;

        /// <summary>Room for a key of at most <paramref name="length"/> characters.</summary>
        public Span<char> Room(int length)
        {
            if (_used + length > _chunk.Length)
            {
                _chunk = new char[Math.Max(ChunkChars, length)];
                _used = 0;
            }
            return _chunk.AsSpan(_used, length);
        }

        /// <summary>The key just written at the start of <see cref="Room"/>, <paramref name="length"/> characters long.</summary>
        public MatchKey Commit(int length)
        {
            var key = new MatchKey(_chunk, _used, length);
            _used += length;
            return key;
        }
    }
}
