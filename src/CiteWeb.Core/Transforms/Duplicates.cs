using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
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
        // A reference's keys do not change before its turn (merging only fills in earlier references), so they
        // are all worked out up front, in parallel, each slice in a text buffer of its own, and kept as hashes
        // only: 100,000 references' keys are then two arrays, not 200,000 texts. The matching itself is in order;
        // a hash found is only a candidate, whose key text is built again to be compared (see KeyIndex).
        var keys = new KeyHashes(references.Count);
        ParallelSlices.Collect<object>(references.Count, _ =>
        {
            var writer = new KeyWriter();
            return i =>
            {
                var r = references[i];
                var creator = CreatorName.Of(r);
                // The DOI before the title: the title's text lives in a buffer that reading a value may write to.
                keys.Doi[i] = KeyHashes.Hash(writer.Doi(r));
                var title = FieldTransform.PlainTitle(r);
                int? year = r.Issued?.Year;
                keys.Work[i] = KeyHashes.Hash(writer.Work(creator, title, year));
                if (citationKeys is not null) citationKeys[i] = CitationKeys.KeyOf(r, creator, title, year);
            };
        });
        // The key text of a reference by its index in the input: built again from the reference, or, for one that
        // others were merged into (and that may have gained a DOI, a creator, a title or a year since), as it was.
        Dictionary<int, (string? Doi, string? Work)>? before = null;
        // With merging, references are removed as they go: each one by its index in the input.
        var originals = context.Options.MergeDuplicates ? references.ToArray() : null;
        Reference ReferenceAt(int original) => originals is null ? references[original] : originals[original];
        string? TextOf(int original, bool doi)
        {
            if (before is not null && before.TryGetValue(original, out var kept)) return doi ? kept.Doi : kept.Work;
            return KeyWriter.Text(ReferenceAt(original), doi);
        }
        var seenDoi = new KeyIndex(keys.Doi, original => TextOf(original, doi: true));
        var seenWork = new KeyIndex(keys.Work, original => TextOf(original, doi: false));
        // With merging, what is removed (by its index in the input) and what others were merged into.
        bool[]? removed = null;
        HashSet<Reference>? mergedInto = null;
        for (int i = 0, original = 0; i < references.Count; i++, original++)
        {
            var r = references[i];
            if (!seenDoi.TryFind(original, out int match) && !seenWork.TryFind(original, out match))
            {
                seenDoi.Add(original);
                seenWork.Add(original);
                continue;
            }
            var first = ReferenceAt(match);
            var at = r.Source ?? new SourceSpan("", 0, 0);
            context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.PossibleDuplicate, Severity.Warning,
                $"'{r.Id}' looks like a duplicate of '{first.Id}'" + (context.Options.MergeDuplicates ? "; merged into it" : " (use --merge-duplicates to merge)"), at));
            if (!context.Options.MergeDuplicates) continue;
            before ??= [];
            if (!before.ContainsKey(match)) before[match] = (KeyWriter.Text(first, doi: true), KeyWriter.Text(first, doi: false));
            foreach (var (name, value) in r.Fields)
                if (first.Fields[name] is null) { first.Fields[name] = value; changes.Add(new FieldChange(Name, first.Id, name, null, value)); }
            foreach (var (role, names) in r.Names) first.Names.TryAdd(role, names);
            foreach (var (name, date) in r.Dates) first.Dates.TryAdd(name, date);
            changes.Add(new FieldChange(Name, r.Id, "id", r.Id, null));
            references.RemoveAt(i--);
            (removed ??= new bool[keys.Doi.Length])[original] = true;
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
        if (KeyWriter.Text(r, doi: true) is { } doi) yield return doi;
        if (KeyWriter.Text(r, doi: false) is { } work) yield return work;
    }

    /// <summary>Each reference's two match keys as 64-bit hashes, by index in the input; 0 for a key it has not.</summary>
    private sealed class KeyHashes(int count)
    {
        public readonly ulong[] Doi = new ulong[count];
        public readonly ulong[] Work = new ulong[count];

        /// <summary>Two independent 32-bit hashes of <paramref name="text"/> (each seeded anew every run, so no input
        /// can be made to collide on purpose); 0 for no text, never for a text.</summary>
        public static ulong Hash(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty) return 0;
            var second = new HashCode();
            second.AddBytes(MemoryMarshal.AsBytes(text));
            ulong hash = (ulong)(uint)string.GetHashCode(text) << 32 | (uint)second.ToHashCode();
            return hash == 0 ? 1 : hash;
        }
    }

    /// <summary>
    /// The references seen so far by one kind of key: the first to have each key, found by the key's hash. A hash
    /// found is a match only when the two key texts, built again (<paramref name="textOf"/>, by index in the input),
    /// are equal; this happens once a duplicate. A key whose hash another key already holds (two texts, one hash:
    /// once in billions of pairs) is kept by its text instead.
    /// </summary>
    internal sealed class KeyIndex(ulong[] hashes, Func<int, string?> textOf)
    {
        // Open addressing with linear probing, at most half full: a slot holds 1 + the input index of the first
        // reference with a key of some hash (read from hashes), or 0. 100,000 keys take 1 MB, where a
        // Dictionary<ulong, int> took 2.8.
        private readonly int[] _slots = new int[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)(hashes.Length - hashes.AsSpan().Count(0UL)) * 2))];
        private Dictionary<string, int>? _byText;

        /// <summary>The slot of <paramref name="hash"/>: the one that holds it, or the empty one where it would go.</summary>
        private int SlotOf(ulong hash)
        {
            int mask = _slots.Length - 1;
            int slot = (int)hash & mask;
            while (_slots[slot] != 0 && hashes[_slots[slot] - 1] != hash) slot = (slot + 1) & mask;
            return slot;
        }

        /// <summary>The first reference seen with the key of <paramref name="original"/>, if any.</summary>
        public bool TryFind(int original, out int first)
        {
            ulong hash = hashes[original];
            if (hash != 0 && _slots[SlotOf(hash)] is var held and > 0)
            {
                first = held - 1;
                var text = textOf(original)!;
                if (textOf(first) == text || (_byText is not null && _byText.TryGetValue(text, out first))) return true;
            }
            first = -1;
            return false;
        }

        /// <summary>Records <paramref name="original"/>, whose key <see cref="TryFind"/> did not find, as the first with it.</summary>
        public void Add(int original)
        {
            ulong hash = hashes[original];
            if (hash == 0) return;
            int slot = SlotOf(hash);
            if (_slots[slot] == 0) _slots[slot] = original + 1;
            else (_byText ??= new(StringComparer.Ordinal))[textOf(original)!] = original;
        }
    }

    /// <summary>Builds a reference's match keys: "doi:" and its DOI in lower case, when it has one, and
    /// "work:family|year|normalised title", when it has a title, from the first creator, the title without markup
    /// and the year. Each is built in a buffer of its own, valid until the next key is built.</summary>
    private sealed class KeyWriter
    {
        private char[] _buffer = new char[256];

        private Span<char> Room(int length)
        {
            if (_buffer.Length < length) _buffer = new char[Math.Max(length, _buffer.Length * 2)];
            return _buffer.AsSpan(0, length);
        }

        /// <summary>A key of <paramref name="r"/> as a string, built from the reference as it is now; null when it has none.</summary>
        public static string? Text(Reference r, bool doi)
        {
            var writer = new KeyWriter();
            if (doi) return writer.Doi(r) is { IsEmpty: false } doiKey ? doiKey.ToString() : null;
            var creator = CreatorName.Of(r);
            var key = writer.Work(creator, FieldTransform.PlainTitle(r), r.Issued?.Year);
            return key.IsEmpty ? null : key.ToString();
        }

        /// <summary>The DOI key, or nothing. A DOI still in its source form is read there, without keeping it.</summary>
        public ReadOnlySpan<char> Doi(Reference r)
        {
            var fields = r.Fields;
            int at = fields.IndexOfKey(Csl.Doi);
            if (at < 0) return default;
            var doi = fields.PeekText(at);
            if (doi.IsEmpty) return default;
            var key = Room(4 + doi.Length);
            "doi:".CopyTo(key);
            doi.ToLowerInvariant(key[4..]);
            return key;
        }

        /// <summary>The work key, or nothing when the title has no words.</summary>
        public ReadOnlySpan<char> Work(in CreatorName creator, ReadOnlySpan<char> title, int? year)
        {
            if (title.IsEmpty) return default;
            Span<char> normalised = title.Length <= 256 ? stackalloc char[title.Length * 2] : new char[title.Length * 2];
            var titleKey = TextFolding.NormaliseTitle(title, normalised);
            if (titleKey.IsEmpty) return default;
            // The organisation's name, else the family name, without markup.
            var raw = !creator.Exists ? "" : creator.IsLiteral ? creator.Literal : creator.HasFamily ? creator.Family : "";
            Span<char> plainRoom = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
            ReadOnlySpan<char> name = raw.Contains('<') ? plainRoom[..RichText.ToPlain(raw, plainRoom)] : raw;
            var work = Room(5 + name.Length * 2 + 1 + 11 + 1 + titleKey.Length);
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
            return work[..n];
        }
    }
}
