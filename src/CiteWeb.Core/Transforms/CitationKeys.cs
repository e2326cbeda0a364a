using CiteWeb.Core.Model;
using CiteWeb.Core.Text;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// Stable citation keys of the form authoryearword ("agarwal2018reductions"): the first creator's family name,
/// the year ("nd" without one) and the first word of the title that is not a function word, folded to ASCII.
/// Keys that clash get a, b, c ... in input order, so the same input always gives the same keys.
/// </summary>
public sealed class CitationKeys : ITransform
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "on", "of", "in", "and", "for", "to", "at", "by", "with", "from", "is", "are", "as", "or",
        "into", "why", "what", "how", "when", "who", "its", "it", "be", "this", "that", "der", "die", "das", "le", "la",
        "les", "el", "los", "un", "une", "de", "du", "des",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup =
        FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Name => "keys";
    public IReadOnlyList<string> DependsOn => ["whitespace", "capitals", "duplicates"];

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context) => Apply(references, context, null);

    /// <summary>As <see cref="Apply(IList{Reference}, TransformContext)"/>, where the first
    /// <c>references.Count</c> entries of <paramref name="known"/>, when given, are each reference's
    /// <see cref="KeyOf"/> as worked out by the cleanup before (<see cref="Duplicates"/>, which reads what a key
    /// is made of anyway), or null where it is to be worked out here.</summary>
    internal List<FieldChange> Apply(IList<Reference> references, TransformContext context, string?[]? known)
    {
        if (!context.Options.GenerateKeys) return [];
        var keys = new string[references.Count];
        ParallelSlices.For(references.Count, i => keys[i] = known?[i] ?? KeyOf(references[i]));
        var seen = new HashSet<string>(keys.Length, StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys) if (!seen.Add(key)) groups.Add(key);
        var counters = new Dictionary<string, int>();
        var changes = new List<FieldChange>();
        for (int i = 0; i < references.Count; i++)
        {
            var key = keys[i];
            if (groups.Contains(key))
            {
                int n = counters.GetValueOrDefault(key);
                counters[key] = n + 1;
                key += Suffix(n);
            }
            var r = references[i];
            if (r.Id == key) continue;
            changes.Add(new FieldChange(Name, r.Id, "id", r.Id, key));
            r.Id = key;
        }
        return changes;
    }

    private static string Suffix(int n) => n < 26 ? ((char)('a' + n)).ToString() : Suffix(n / 26 - 1) + (char)('a' + n % 26);

    public static string Key(Reference r)
    {
        var creator = CreatorName.Of(r);
        return Key(r, creator, FieldTransform.PlainTitle(r), r.Issued?.Year);
    }

    private static string KeyOf(Reference r)
    {
        var creator = CreatorName.Of(r);
        return KeyOf(r, creator, FieldTransform.PlainTitle(r), r.Issued?.Year);
    }

    /// <summary>The key <paramref name="r"/> gets before clashes are told apart, from its first creator, its title
    /// without markup and its year, as read by the caller. An entry with no creator and no title (what is left of
    /// a broken one) keeps the key it was cited by.</summary>
    internal static string KeyOf(Reference r, in CreatorName creator, ReadOnlySpan<char> title, int? year) =>
        !creator.Exists && string.IsNullOrEmpty(r.Title) ? r.Id : Key(r, creator, title, year);

    private static string Key(Reference r, in CreatorName creator, ReadOnlySpan<char> title, int? year)
    {
        // The name without markup: its first word that has key letters for an organisation, else the family name,
        // else the given names.
        var raw = !creator.Exists ? "" : creator.IsLiteral ? FirstWord(creator.Literal) : creator.HasFamily ? creator.Family : creator.Given;
        Span<char> plainRoom = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        ReadOnlySpan<char> name = raw.Contains('<') ? plainRoom[..RichText.ToPlain(raw, plainRoom)] : raw;
        // One buffer for the whole key: the name and the title word fold to at most twice their length.
        int room = name.Length * 2 + 11 + title.Length * 2 + 4;
        Span<char> key = room <= 512 ? stackalloc char[room] : new char[room];
        int length = TextFolding.KeyPart(name, key);
        if (length == 0)
        {
            "anon".CopyTo(key);
            length = 4;
        }
        if (year is int y)
        {
            y.TryFormat(key[length..], out int written, provider: System.Globalization.CultureInfo.InvariantCulture);
            length += written;
        }
        else
        {
            "nd".CopyTo(key[length..]);
            length += 2;
        }
        var word = key[length..];
        foreach (var range in title.SplitAny(" -:\u00A0"))
        {
            int folded = TextFolding.KeyPart(title[range], word);
            if (folded > 0 && !FunctionWordLookup.Contains(word[..folded]))
            {
                length += folded;
                break;
            }
        }
        // Most keys are already the key a reference is cited by: that string, then, rather than a copy of it.
        return key[..length].SequenceEqual(r.Id) ? r.Id : new string(key[..length]);
    }

    /// <summary>The first word of <paramref name="s"/> (split at spaces) that has key letters, or all of it.</summary>
    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> s)
    {
        Span<char> room = s.Length <= 128 ? stackalloc char[s.Length * 3] : new char[s.Length * 3];
        foreach (var range in s.Split(' '))
        {
            var w = s[range];
            if (w.IsEmpty) continue;
            var plain = w.Contains('<') ? room[..RichText.ToPlain(w, room)] : w;
            if (TextFolding.KeyPart(plain, room[w.Length..]) > 0) return w;
        }
        return s;
    }
}
