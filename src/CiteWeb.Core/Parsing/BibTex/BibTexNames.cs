using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>
/// Splits a BibTeX name list by BibTeX's own rules (Patashnik, "Designing BibTeX styles", and Tame the BeaST):
/// names are separated by "and" at brace depth 0; each name is "First von Last", "von Last, First" or
/// "von Last, Jr, First"; the von part is the run of words that start in lower case; a name that is one braced
/// group is an organisation, kept whole; "and others" closes the list with et al.
/// </summary>
public static class BibTexNames
{
    public static List<PersonName> Parse(ReadOnlySpan<char> value) => Parse(value, out _);

    /// <summary>Parses a name list; <paramref name="damaged"/> says whether it had an empty name ("and and")
    /// or a stray comma at a name's end — typos that are read past, and worth reporting.</summary>
    public static List<PersonName> Parse(ReadOnlySpan<char> value, out bool damaged)
    {
        damaged = false;
        var names = new List<PersonName>(4);
        var split = new NameSplitter(value);
        while (split.Next(out var raw)) damaged |= !AddName(names, raw);
        return names;
    }

    /// <summary>What <see cref="Parse(ReadOnlySpan{char}, out bool)"/> would say of <paramref name="value"/>'s
    /// damage, without building the names: a reader reports damage at once and parses the names when first read.</summary>
    internal static bool IsDamaged(ReadOnlySpan<char> value)
    {
        var split = new NameSplitter(value);
        while (split.Next(out var raw))
        {
            raw = raw.Trim(" \t\r\n~");
            if (raw.IsEmpty || raw[^1] == ',' || raw[0] == ',') return true;
            // Any other name parses to something, unless it is one group that decodes to nothing ("{}").
            if (IsSingleGroup(raw) && Decode(raw[1..^1]).Length == 0) return true;
        }
        return false;
    }

    // Where none of these occurs, "and" can only stand alone between two plain spaces, at depth 0.
    private static readonly SearchValues<char> SplitterStops = SearchValues.Create("{}\t\n\r~");

    /// <summary>
    /// Where " and " (any case of the word, plain spaces) first occurs, as <c>IndexOf(" and ",
    /// OrdinalIgnoreCase)</c> says, or -1. That search is scalar when globalization is invariant (as the CLI runs);
    /// this one tests sixteen positions at once.
    /// </summary>
    internal static int IndexOfAnd(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && s.Length >= Vector256<ushort>.Count + 4)
        {
            ref ushort origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s));
            var space = Vector256.Create((ushort)' ');
            var fold = Vector256.Create((ushort)0x20);
            var a = Vector256.Create((ushort)'a');
            var n = Vector256.Create((ushort)'n');
            var d = Vector256.Create((ushort)'d');
            for (; i <= s.Length - Vector256<ushort>.Count - 4; i += Vector256<ushort>.Count)
            {
                var hit = Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)i), space)
                    & Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)(i + 1)) | fold, a)
                    & Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)(i + 2)) | fold, n)
                    & Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)(i + 3)) | fold, d)
                    & Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)(i + 4)), space);
                uint bits = hit.ExtractMostSignificantBits();
                if (bits != 0) return i + BitOperations.TrailingZeroCount(bits);
            }
        }
        for (; i <= s.Length - 5; i++)
            if (s[i] == ' ' && (s[i + 1] | 0x20) == 'a' && (s[i + 2] | 0x20) == 'n' && (s[i + 3] | 0x20) == 'd' && s[i + 4] == ' ')
                return i;
        return -1;
    }

    /// <summary>Cuts a name list at each "and" that stands alone at brace depth 0.</summary>
    private ref struct NameSplitter(ReadOnlySpan<char> value)
    {
        private readonly ReadOnlySpan<char> _value = value;
        // Most lists have no braces or odd spaces: then one vectorised search per name does it.
        private readonly bool _plain = !value.ContainsAny(SplitterStops);
        private int _start;
        private int _i;
        private int _depth;

        public bool Next(out ReadOnlySpan<char> name)
        {
            var value = _value;
            if (_start > value.Length)
            {
                name = default;
                return false;
            }
            if (_plain)
            {
                int and = IndexOfAnd(value[_i..]);
                if (and >= 0)
                {
                    name = value[_start..(_i + and)];
                    _i += and + 4;
                    _start = _i;
                    return true;
                }
                _i = value.Length;
            }
            for (; _i < value.Length; _i++)
            {
                char c = value[_i];
                if (c == '{') _depth++;
                else if (c == '}') { if (_depth > 0) _depth--; }
                else if (_depth == 0 && IsSpace(c) && _i + 4 < value.Length
                    && (value[_i + 1] | 0x20) == 'a' && (value[_i + 2] | 0x20) == 'n' && (value[_i + 3] | 0x20) == 'd'
                    && IsSpace(value[_i + 4]))
                {
                    name = value[_start.._i];
                    _start = _i + 4;
                    _i += 4;
                    return true;
                }
            }
            name = value[_start..];
            _start = value.Length + 1;
            return true;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '~';

    /// <summary>The first name of the list <paramref name="value"/> parses to, or null when it has none: the same
    /// as <c>Parse(value)[0]</c>, without splitting the names after it.</summary>
    internal static PersonName? ParseFirst(ReadOnlySpan<char> value)
    {
        var list = new NameList(value);
        while (list.Next(out var name))
            if (ToPersonName(name) is { } person) return person;
        return null;
    }

    /// <summary>The first name of the list <paramref name="value"/> parses to (<see cref="ParseFirst"/>), as the parts
    /// citation keys and duplicate matching read, decoded into <paramref name="buffer"/> (a larger one replaces it
    /// when it is too small) with no <see cref="PersonName"/> and no string: an organisation's name (or "others")
    /// in <c>buffer[..family]</c> with <paramref name="literal"/> set, else the family name there and the given
    /// names in <c>buffer[family..given]</c>, each empty where <see cref="ParseFirst"/> gives null. False when the
    /// list has no name.</summary>
    internal static bool FirstNameTo(ReadOnlySpan<char> value, ref char[] buffer, out bool literal, out int family, out int given)
    {
        var list = new NameList(value);
        while (list.Next(out var name))
        {
            switch (name.Kind)
            {
                case NameKind.Others:
                    literal = true;
                    family = given = LatexEncoder.Put(PersonName.Others.Literal!, ref buffer, 0);
                    return true;
                case NameKind.Literal:
                    family = given = DecodePartTo(name.Text[name.Literal], ref buffer, 0);
                    if (family == 0) continue;
                    literal = true;
                    return true;
                case NameKind.Person:
                    literal = false;
                    family = DecodePartTo(name.Text[name.Family], ref buffer, 0);
                    given = DecodePartTo(name.Text[name.Given], ref buffer, family);
                    return true;
            }
        }
        literal = false;
        family = given = 0;
        return false;
    }

    /// <summary>How a reader stores a name list to be parsed when first read; a writer that finds a list still
    /// stored this way can format it from its source (see <see cref="NameList"/>).</summary>
    internal static readonly SliceCodec<List<PersonName>> Codec = new(Parse, decodeFirst: ParseFirst);

    /// <summary>What a name of a list is, before its parts are decoded.</summary>
    internal enum NameKind
    {
        /// <summary>Nothing but spaces and commas: not a name.</summary>
        None,
        /// <summary>"others": et al.</summary>
        Others,
        /// <summary>One braced group, kept whole (<see cref="SplitName.Literal"/>).</summary>
        Literal,
        /// <summary>A person, in parts.</summary>
        Person,
    }

    /// <summary>
    /// One name of a list as BibTeX splits it, before anything is decoded: its kind, and where its parts are in its
    /// text (an empty range for a part it does not have). <see cref="Parse(ReadOnlySpan{char}, out bool)"/> decodes
    /// the parts into a <see cref="PersonName"/>; a writer may encode them straight from here.
    /// </summary>
    internal readonly ref struct SplitName
    {
        public SplitName(ReadOnlySpan<char> text, NameKind kind, bool clean, Range literal = default, Range von = default,
            Range family = default, Range suffix = default, Range given = default)
        {
            Text = text;
            Kind = kind;
            Clean = clean;
            Literal = literal;
            Von = von;
            Family = family;
            Suffix = suffix;
            Given = given;
        }

        public ReadOnlySpan<char> Text { get; }
        public NameKind Kind { get; }
        /// <summary>False when the name was empty or had a stray comma at an end.</summary>
        public bool Clean { get; }
        public Range Literal { get; }
        public Range Von { get; }
        public Range Family { get; }
        public Range Suffix { get; }
        public Range Given { get; }
    }

    /// <summary>The names of a list, one at a time, split but not decoded.</summary>
    internal ref struct NameList(ReadOnlySpan<char> value)
    {
        private NameSplitter _split = new(value);

        public bool Next(out SplitName name)
        {
            if (!_split.Next(out var raw))
            {
                name = default;
                return false;
            }
            name = Split(raw);
            return true;
        }
    }

    /// <summary>Adds one name; false when it was empty or ended in a stray comma.</summary>
    private static bool AddName(List<PersonName> names, ReadOnlySpan<char> raw)
    {
        var split = Split(raw);
        var name = ToPersonName(split);
        if (name is not null) names.Add(name);
        return split.Clean && name is not null;
    }

    /// <summary>One name of a list, or null when it holds none.</summary>
    private static PersonName? ToPersonName(in SplitName name) => name.Kind switch
    {
        NameKind.Others => PersonName.Others,
        NameKind.Literal => Decode(name.Text[name.Literal]) is { Length: > 0 } literal ? new PersonName { Literal = literal } : null,
        NameKind.Person => new PersonName
        {
            Given = Part(name.Text[name.Given]),
            NonDroppingParticle = Part(name.Text[name.Von]),
            Family = Part(name.Text[name.Family]),
            Suffix = Part(name.Text[name.Suffix]),
        },
        _ => null,
    };

    /// <summary>Splits one name of a list (the text between two "and"s).</summary>
    private static SplitName Split(ReadOnlySpan<char> raw)
    {
        raw = raw.Trim(" \t\r\n~");
        bool clean = !raw.IsEmpty && raw[^1] != ',' && raw[0] != ',';
        raw = raw.Trim(" \t\r\n~,");
        if (raw.IsEmpty) return new SplitName(raw, NameKind.None, clean);
        if (raw.Equals("others", StringComparison.OrdinalIgnoreCase)) return new SplitName(raw, NameKind.Others, clean);
        return SplitOne(raw, clean);
    }

    /// <summary>Parses one name (no "and"); null when it holds no text.</summary>
    public static PersonName? ParseOne(ReadOnlySpan<char> raw) => ToPersonName(SplitOne(raw.Trim(" \t\r\n~"), clean: true));

    private static SplitName SplitOne(ReadOnlySpan<char> raw, bool clean)
    {
        if (raw.IsEmpty) return new SplitName(raw, NameKind.None, clean);
        if (IsSingleGroup(raw)) return new SplitName(raw, NameKind.Literal, clean, literal: 1..^1);
        if (TrySplitExtended(raw, clean, out var extended)) return extended;

        // Tokens are [start, end) pairs; a comma is recorded as the token index where the next part begins. Most
        // names are short: their tokens fit on the stack, and the pool (a thread-local look-up) is for long ones.
        int size = Math.Min(raw.Length, 4096) * 2 + 8;
        int[]? rented = size <= 136 ? null : ArrayPool<int>.Shared.Rent(size);
        try
        {
            Span<int> tokens = rented ?? stackalloc int[136];
            Span<int> commas = stackalloc int[2];
            int count = 0, commaCount = 0, depth = 0, tokenStart = -1;
            int maxTokens = tokens.Length / 2;
            for (int i = 0; i <= raw.Length; i++)
            {
                char c = i < raw.Length ? raw[i] : ' ';
                bool boundary = i == raw.Length || (depth == 0 && (IsSpace(c) || c == ','));
                if (c == '{' && i < raw.Length) depth++;
                else if (c == '}' && depth > 0) depth--;
                if (boundary)
                {
                    if (tokenStart >= 0 && count < maxTokens)
                    {
                        tokens[count * 2] = tokenStart;
                        tokens[count * 2 + 1] = i;
                        count++;
                    }
                    tokenStart = -1;
                    if (c == ',' && i < raw.Length)
                    {
                        if (commaCount < 2) commas[commaCount] = count;
                        commaCount++;
                    }
                }
                else if (tokenStart < 0) tokenStart = i;
            }
            if (count == 0) return new SplitName(raw, NameKind.None, clean);
            return commaCount == 0
                ? FromFirstVonLast(raw, clean, tokens, count)
                : FromCommaForm(raw, clean, tokens, count, commas, Math.Min(commaCount, 2));
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// BibLaTeX's extended name format (biblatex manual §3.4, what Better BibLaTeX writes for particles and
    /// ambiguous names): "family=Berg, given=Anneke, prefix=van der, useprefix=true", each part a key=value at brace
    /// depth 0, a value optionally braced. The prefix is the von part (non-dropping particle), as the von part of a
    /// plain name is (Conformance/README.md, difference 4). False when the name does not start with a part key.
    /// </summary>
    private static bool TrySplitExtended(ReadOnlySpan<char> raw, bool clean, out SplitName name)
    {
        name = default;
        int eq = raw.IndexOf('=');
        if (eq <= 0 || !IsExtendedKey(raw[..eq].Trim())) return false;
        Range family = default, given = default, von = default, suffix = default;
        int start = 0, depth = 0;
        for (int i = 0; i <= raw.Length; i++)
        {
            char c = i < raw.Length ? raw[i] : ',';
            if (c == '{') depth++;
            else if (c == '}' && depth > 0) depth--;
            if (c != ',' || depth != 0) continue;
            var part = raw[start..i];
            int at = part.IndexOf('=');
            if (at > 0)
            {
                var key = part[..at].Trim();
                int from = start + at + 1, to = i;
                while (from < to && IsSpace(raw[from])) from++;
                while (to > from && IsSpace(raw[to - 1])) to--;
                if (to - from >= 2 && IsSingleGroup(raw[from..to])) { from++; to--; }
                switch (key)
                {
                    case "family": family = from..to; break;
                    case "given": given = from..to; break;
                    case "prefix": von = from..to; break;
                    case "suffix": suffix = from..to; break;
                }
            }
            start = i + 1;
        }
        if (family.Equals(default(Range)) && given.Equals(default(Range))) return false;
        name = new SplitName(raw, NameKind.Person, clean, von: von, family: family, suffix: suffix, given: given);
        return true;
    }

    private static bool IsExtendedKey(ReadOnlySpan<char> key) =>
        key is "family" or "given" or "prefix" or "suffix" or "useprefix" or "family-i" or "given-i" or "prefix-i" or "suffix-i";

    private static SplitName FromFirstVonLast(ReadOnlySpan<char> raw, bool clean, scoped Span<int> t, int n)
    {
        if (n == 1) return new SplitName(raw, NameKind.Person, clean, family: Tokens(t, 0, 1));
        int vonStart = -1, vonEnd = -1;
        for (int i = 0; i < n - 1; i++)
        {
            if (!IsLowerToken(Token(raw, t, i))) continue;
            if (vonStart < 0) vonStart = i;
            vonEnd = i;
        }
        if (vonStart < 0) return new SplitName(raw, NameKind.Person, clean, given: Tokens(t, 0, n - 1), family: Tokens(t, n - 1, n));
        return new SplitName(raw, NameKind.Person, clean,
            given: Tokens(t, 0, vonStart), von: Tokens(t, vonStart, vonEnd + 1), family: Tokens(t, vonEnd + 1, n));
    }

    private static SplitName FromCommaForm(ReadOnlySpan<char> raw, bool clean, scoped Span<int> t, int n, scoped Span<int> commas, int commaCount)
    {
        int lastEnd = commas[0];
        int jrStart = commaCount == 2 ? commas[0] : -1;
        int firstStart = commaCount == 2 ? commas[1] : commas[0];
        // von Last: the von part is the longest run of leading words ending in a lower-case word, leaving one for Last.
        int vonEnd = -1;
        for (int i = 0; i < lastEnd - 1; i++)
            if (IsLowerToken(Token(raw, t, i))) vonEnd = i;
        var von = Tokens(t, 0, vonEnd + 1);
        var family = Tokens(t, vonEnd + 1, lastEnd);
        var suffix = jrStart >= 0 ? Tokens(t, jrStart, firstStart) : default;
        var given = Tokens(t, firstStart, n);
        // "{}, Ada" or ", Ada": a name with only a first part is read as a family name.
        if (IsEmptyPart(raw[family]) && !IsEmptyPart(raw[given]) && IsEmptyPart(raw[von])) (family, given) = (given, default);
        return new SplitName(raw, NameKind.Person, clean, von: von, family: family, suffix: suffix, given: given);
    }

    private static ReadOnlySpan<char> Token(ReadOnlySpan<char> raw, Span<int> t, int i) => raw[t[i * 2]..t[i * 2 + 1]];

    /// <summary>The text of tokens [<paramref name="from"/>, <paramref name="to"/>), with what separates them; empty when there is none.</summary>
    private static Range Tokens(Span<int> t, int from, int to) => to <= from ? default : t[from * 2]..t[(to - 1) * 2 + 1];

    private static string? Part(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return null;
        var s = Decode(text);
        return s.Length == 0 ? null : s;
    }

    // Decoding only appends to what it has written, so a part that starts with a letter or digit is not empty.
    private static bool IsEmptyPart(ReadOnlySpan<char> text) =>
        text.IsEmpty || (!char.IsLetterOrDigit(text[0]) && !LatexDecoder.DecodesToItself(text) && Decode(text).Length == 0);

    /// <summary>Writes a name part's text decoded as <see cref="Parse(ReadOnlySpan{char}, out bool)"/> decodes it
    /// into <paramref name="buffer"/> from <paramref name="at"/> on, with no string (see <see cref="LatexDecoder.DecodeTo"/>);
    /// returns the end of what was written.</summary>
    internal static int DecodePartTo(ReadOnlySpan<char> text, ref char[] buffer, int at)
    {
        int end = LatexDecoder.DecodeTo(text, protectCase: false, ref buffer, at);
        buffer.AsSpan(at, end - at).Replace('\u00A0', ' ');
        return end;
    }

    private static string Decode(ReadOnlySpan<char> latex)
    {
        var s = LatexDecoder.Decode(latex, protectCase: false);
        return s.Contains('\u00A0') ? s.Replace('\u00A0', ' ') : s;
    }

    private static bool IsSingleGroup(ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2 || raw[0] != '{' || raw[^1] != '}' || (raw.Length > 1 && raw[1] == '\\')) return false;
        int depth = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '{') depth++;
            else if (raw[i] == '}' && --depth == 0 && i != raw.Length - 1) return false;
        }
        return depth == 0;
    }

    /// <summary>
    /// BibTeX's test for a von word: the first letter at brace depth 0 is lower case. A group that starts with a
    /// control sequence ("{\"o}") counts by the letter it makes; any other group has no case, so it is not von.
    /// </summary>
    internal static bool IsLowerToken(ReadOnlySpan<char> token)
    {
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            if (c == '{')
            {
                if (i + 1 < token.Length && token[i + 1] == '\\') return SpecialCharIsLower(token[(i + 2)..]);
                return false;
            }
            if (c == '\\') return SpecialCharIsLower(token[(i + 1)..]);
            if (char.IsLetter(c)) return char.IsLower(c);
        }
        return false;
    }

    private static bool SpecialCharIsLower(ReadOnlySpan<char> afterBackslash)
    {
        int nameEnd = 0;
        while (nameEnd < afterBackslash.Length && char.IsAsciiLetter(afterBackslash[nameEnd])) nameEnd++;
        var command = afterBackslash[..nameEnd];
        // Letter commands (\o, \ss, \AE, \l, \i ...) have the case of their own name.
        if (command is "o" or "O" or "ss" or "SS" or "ae" or "AE" or "oe" or "OE" or "aa" or "AA" or "l" or "L" or "i" or "j")
            return char.IsLower(command[0]);
        foreach (char c in afterBackslash[nameEnd..])
            if (char.IsLetter(c)) return char.IsLower(c);
        return false;
    }
}
