using System.Buffers;
using System.Runtime.CompilerServices;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>Decodes BibTeX field values (LaTeX) to CSL rich text: Unicode in NFC, case protection as
/// <c>&lt;span class="nocase"&gt;</c>, fonts as &lt;i&gt;, &lt;b&gt;, small caps, &lt;sup&gt;, &lt;sub&gt;.
/// Never throws, never recurses, and keeps whatever it does not understand verbatim.</summary>
public static partial class LatexDecoder
{
    /// <summary>Brace groups deeper than this are kept as literal braces, so hostile input costs linear time.</summary>
    internal const int MaxDepth = 64;

    private const int ScratchChars = 1024;

    private const string Marks =
        "\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B\u030C\u030D\u030E\u030F" +
        "\u0310\u0311\u0312\u0313\u0314\u0315\u0316\u0317\u0318\u0319\u031A\u031B\u031C\u031D\u031E\u031F" +
        "\u0320\u0321\u0322\u0323\u0324\u0325\u0326\u0327\u0328\u0329\u032A\u032B\u032C\u032D\u032E\u032F" +
        "\u0330\u0331\u0332\u0333\u0334\u0335\u0336\u0337\u0338\u0339\u033A\u033B\u033C\u033D\u033E\u033F" +
        "\u0340\u0341\u0342\u0343\u0344\u0345\u0346\u0347\u0348\u0349\u034A\u034B\u034C\u034D\u034E\u034F" +
        "\u0350\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B\u035C\u035D\u035E\u035F" +
        "\u0360\u0361\u0362\u0363\u0364\u0365\u0366\u0367\u0368\u0369\u036A\u036B\u036C\u036D\u036E\u036F";

    // Anything that can make the decoded text differ from the input (- and ' only when doubled); a value with
    // none of these is returned as is. Combining marks are here because decomposed input gets composed.
    private static readonly SearchValues<char> PlainStops = SearchValues.Create("\\{}~$`-'\t\n\r\f\v" + Marks);

    // Characters the slow path must look at one by one; runs between them are copied in bulk. Single spaces are
    // not stops because titles are full of them; AppendRun handles them.
    private static readonly SearchValues<char> SlowStops = SearchValues.Create("\\{}~-$`'!?\t\n\r\f\v" + Marks);

    [ThreadStatic]
    private static char[]? _scratchChars;

    [ThreadStatic]
    private static Frame[]? _scratchFrames;

    private static readonly SearchValues<char> VerbatimStops = SearchValues.Create("\\{}\t\n\r\f\v");

    private static readonly SearchValues<char> MathEnds = SearchValues.Create("\\$");

    private static readonly SearchValues<char> GroupChars = SearchValues.Create("\\{}");

    /// <summary>Decodes <paramref name="value"/>: a field value without its outer delimiters, macros already
    /// concatenated. With <paramref name="protectCase"/> (title-like fields), a top-level brace group that does not
    /// start with a backslash becomes a nocase span; otherwise braces only group.</summary>
    public static string Decode(ReadOnlySpan<char> value, bool protectCase)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }
        if (IsPlain(value))
        {
            return new string(value);
        }
        return DecodeSlow(value, protectCase);
    }

    /// <summary>True when <see cref="Decode"/> would return <paramref name="value"/> unchanged, whether or not case is
    /// protected: no LaTeX, no braces, no ligatures, white space already single.</summary>
    internal static bool DecodesToItself(ReadOnlySpan<char> value) => !value.IsEmpty && IsPlain(value);

    /// <summary>True when <see cref="DecodeVerbatim"/> would return <paramref name="value"/> unchanged.</summary>
    internal static bool DecodesVerbatimToItself(ReadOnlySpan<char> value) =>
        !value.IsEmpty && TrimWhitespace(value).Length == value.Length && IsVerbatimPlain(value);

    // White space the decoder copies as it stands (it collapses only the ASCII kinds), the no-break space among it.
    private const string OtherWhiteSpace =
        "\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    private static readonly SearchValues<char> OtherWhiteSpaceChars = SearchValues.Create(OtherWhiteSpace);

    private static readonly SearchValues<char> CollapsedStops = SearchValues.Create("\\~" + OtherWhiteSpace);

    /// <summary>
    /// True when <see cref="Decode"/> (with or without case protection) is sure to give text with no white space
    /// (<see cref="char.IsWhiteSpace(char)"/>) at either end, none inside but single spaces and no-break spaces, and
    /// no two spaces in a row: told from the source, without decoding. The decoder collapses and trims ASCII white
    /// space itself; what can still put white space in its result is copied Unicode white space, a tie (~) at
    /// either end, \, \thinspace \nobreakspace and \char. False means "not sure", not "it does not".
    /// </summary>
    internal static bool DecodesCollapsed(ReadOnlySpan<char> value)
    {
        int i = 0;
        int hit;
        while ((hit = value[i..].IndexOfAny(CollapsedStops)) >= 0)
        {
            i += hit;
            if (value[i] == '~')
            {
                if (!IsTieBetweenWords(value, i))
                {
                    return false;
                }
                i++;
                continue;
            }
            if (value[i] != '\\')
            {
                return false;
            }
            // A command: one that writes white space (or \char, which may) needs the decoder. The name is letters or
            // one ASCII symbol; anything else after the backslash is looked at by the next round.
            int start = ++i;
            while (i < value.Length && char.IsAsciiLetter(value[i]))
            {
                i++;
            }
            if (i == start && i < value.Length && value[i] < 128)
            {
                i++;
            }
            ReadOnlySpan<char> name = value[start..i];
            if (name is "char" || (LatexTables.ByName.TryGetValue(name, out LatexCommand command)
                && command.Kind != LatexCommandKind.Space && command.Text.AsSpan().ContainsAny(WhiteSpaceInText)))
            {
                return false;
            }
        }
        return true;
    }

    private static readonly SearchValues<char> WhiteSpaceInText = SearchValues.Create(" \t\n\r\f\v" + OtherWhiteSpace);

    /// <summary>A tie with a letter or digit of plain text on each side ("Section~3"): its no-break space is
    /// written between two characters of text, so it is at neither end of the result.</summary>
    private static bool IsTieBetweenWords(ReadOnlySpan<char> value, int at)
    {
        if (at == 0 || at + 1 >= value.Length || !char.IsAsciiLetterOrDigit(value[at - 1]) || !char.IsAsciiLetterOrDigit(value[at + 1]))
        {
            return false;
        }
        // Letters right after a backslash are a command's name, not text.
        int j = at - 1;
        while (j >= 0 && char.IsAsciiLetter(value[j]))
        {
            j--;
        }
        return j < 0 || value[j] != '\\';
    }

    /// <summary><see cref="DecodesCollapsed"/> for <see cref="DecodeVerbatim"/>, which collapses and trims ASCII
    /// white space and writes nothing else that is white space.</summary>
    internal static bool DecodesVerbatimCollapsed(ReadOnlySpan<char> value) => !value.ContainsAny(OtherWhiteSpaceChars);

    private static bool IsVerbatimPlain(ReadOnlySpan<char> value) => value.IndexOfAny(VerbatimStops) < 0 && value.IndexOf("  ") < 0;

    /// <summary>Decodes a verbatim field (url, doi, eprint, file): only <c>\_ \% \# \&amp; \~ \$ \{ \}</c> are
    /// unescaped and braces that merely group (around the whole value, around a backslash escape, or empty) are
    /// dropped; whitespace is collapsed and trimmed.</summary>
    public static string DecodeVerbatim(ReadOnlySpan<char> value)
    {
        value = TrimWhitespace(value);
        if (value.IsEmpty)
        {
            return string.Empty;
        }
        if (IsVerbatimPlain(value))
        {
            return new string(value);
        }
        var buffer = new RichTextBuffer(_scratchChars ??= new char[ScratchChars]);
        try
        {
            WriteVerbatim(value, ref buffer);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>As <see cref="DecodeVerbatim"/>, writing the decoded text into <paramref name="buffer"/> from
    /// <paramref name="at"/> on, with no string (see <see cref="DecodeTo"/>). Returns the end of what was written.</summary>
    internal static int DecodeVerbatimTo(ReadOnlySpan<char> value, ref char[] buffer, int at)
    {
        value = TrimWhitespace(value);
        if (value.IsEmpty) return at;
        if (IsVerbatimPlain(value)) return LatexEncoder.Put(value, ref buffer, at);
        var output = new RichTextBuffer(_scratchChars ??= new char[ScratchChars]);
        try
        {
            WriteVerbatim(value, ref output);
            return LatexEncoder.Put(output.Written, ref buffer, at);
        }
        finally
        {
            output.Dispose();
        }
    }

    // For IsPlainShort: 1 = never plain, 2 = not plain when doubled (--, '', two spaces).
    private static ReadOnlySpan<byte> PlainFlags =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0,
    ];

    private static bool IsPlain(ReadOnlySpan<char> value)
    {
        // Most field values (years, pages, volumes, short titles) are short: one scalar pass beats the call and
        // setup costs of two vectorised searches.
        if (value.Length <= 32)
        {
            return IsPlainShort(value);
        }
        if (value[0] == ' ' || value[^1] == ' ')
        {
            return false;
        }
        int i = 0;
        int hit;
        while ((hit = value[i..].IndexOfAny(PlainStops)) >= 0)
        {
            i += hit;
            char c = value[i++];
            if (c is not ('-' or '\'') || (i < value.Length && value[i] == c))
            {
                return false;
            }
        }
        return value.IndexOf("  ") < 0;
    }

    private static bool IsPlainShort(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<byte> flags = PlainFlags;
        char previous = ' ';
        foreach (char c in value)
        {
            if (c < 128)
            {
                int flag = flags[c];
                if (flag == 1 || (flag == 2 && previous == c))
                {
                    return false;
                }
            }
            else if (LatexComposition.IsMark(c))
            {
                return false;
            }
            previous = c;
        }
        return previous != ' ';
    }

    private static string DecodeSlow(ReadOnlySpan<char> value, bool protectCase)
    {
        var engine = Start(value, protectCase);
        try
        {
            engine.Run();
            return engine.Result();
        }
        finally
        {
            engine.Dispose();
        }
    }

    /// <summary>As <see cref="Decode"/>, writing the decoded text into <paramref name="buffer"/> from <paramref name="at"/>
    /// on, with no string (see <see cref="LatexEncoder.EncodeTo"/>). Returns the end of what was written.</summary>
    internal static int DecodeTo(ReadOnlySpan<char> value, bool protectCase, ref char[] buffer, int at)
    {
        if (value.IsEmpty) return at;
        if (IsPlain(value)) return LatexEncoder.Put(value, ref buffer, at);
        var engine = Start(value, protectCase);
        try
        {
            engine.Run();
            return LatexEncoder.Put(engine.Written, ref buffer, at);
        }
        finally
        {
            engine.Dispose();
        }
    }

    private static Engine Start(ReadOnlySpan<char> value, bool protectCase)
    {
        // Per-thread scratch instead of stackalloc, which zeroes its memory (SkipLocalsInit needs unsafe code, which
        // the project does not allow): 2 KB of zeroing is a visible share of a 60-char title. Markup can make the
        // output longer than the input; the buffer then grows from the pool.
        char[] chars = _scratchChars ??= new char[ScratchChars];
        Frame[] frames = _scratchFrames ??= new Frame[MaxDepth];
        return new Engine(value, protectCase, new RichTextBuffer(chars), frames);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    internal static ReadOnlySpan<char> TrimWhitespace(ReadOnlySpan<char> value)
    {
        int start = 0;
        int end = value.Length;
        while (start < end && IsWhitespace(value[start]))
        {
            start++;
        }
        while (end > start && IsWhitespace(value[end - 1]))
        {
            end--;
        }
        return value[start..end];
    }

    /// <summary>Index of the <c>$</c> closing the math that opens at <paramref name="start"/>, or -1. Shared with
    /// the encoder so both agree on where math ends.</summary>
    internal static int FindMathEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start + 1;
        while (i < text.Length)
        {
            int hit = text[i..].IndexOfAny(MathEnds);
            if (hit < 0)
            {
                return -1;
            }
            i += hit;
            if (text[i] == '$')
            {
                return i;
            }
            i += 2;
        }
        return -1;
    }

    /// <summary>Index just past the <c>\)</c> (or <c>\]</c>) closing the math that opens at
    /// <paramref name="start"/>, or -1. Shared with the encoder.</summary>
    internal static int FindDelimitedMathEnd(ReadOnlySpan<char> text, int start, char close)
    {
        int i = start + 2;
        while (i < text.Length)
        {
            int hit = text[i..].IndexOf('\\');
            if (hit < 0 || i + hit + 1 >= text.Length)
            {
                return -1;
            }
            i += hit + 1;
            if (text[i] == close)
            {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /// <summary>Index of the brace closing the group that opens at <paramref name="start"/>, or -1; escaped braces
    /// do not count.</summary>
    internal static int FindGroupEnd(ReadOnlySpan<char> text, int start)
    {
        int depth = 0;
        int i = start;
        while (i < text.Length)
        {
            int hit = text[i..].IndexOfAny(GroupChars);
            if (hit < 0)
            {
                return -1;
            }
            i += hit;
            switch (text[i])
            {
                case '\\':
                    i += 2;
                    continue;
                case '{':
                    depth++;
                    break;
                default:
                    if (--depth == 0)
                    {
                        return i;
                    }
                    break;
            }
            i++;
        }
        return -1;
    }

    internal static void WriteVerbatim(ReadOnlySpan<char> value, ref RichTextBuffer output)
    {
        // Strip braces wrapping the whole value ({{10.1000/x}}); real files have one or two layers, and the cap
        // keeps hostile nesting linear.
        for (int layer = 0; layer < 4 && value.Length >= 2 && value[0] == '{'
             && FindGroupEnd(value, 0) == value.Length - 1; layer++)
        {
            value = TrimWhitespace(value[1..^1]);
        }
        ulong dropped = 0; // bit d: the brace opened at depth d only groups and its closer is dropped too
        int depth = 0;
        int deepLiteral = 0;
        bool pendingSpace = false;
        int written = output.Length;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsWhitespace(c))
            {
                pendingSpace = true;
                continue;
            }
            char next = i + 1 < value.Length ? value[i + 1] : '\0';
            if (c == '{' && next == '}')
            {
                i++;
                continue;
            }
            if (c == '{' && deepLiteral == 0 && depth < MaxDepth)
            {
                bool groups = next == '\\';
                dropped = groups ? dropped | 1UL << depth : dropped & ~(1UL << depth);
                depth++;
                if (groups)
                {
                    continue;
                }
            }
            else if (c == '{')
            {
                deepLiteral++;
            }
            else if (c == '}' && deepLiteral > 0)
            {
                deepLiteral--;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
                if ((dropped & 1UL << depth) != 0)
                {
                    continue;
                }
            }
            else if (c == '\\' && next is '_' or '%' or '#' or '&' or '~' or '$' or '{' or '}')
            {
                c = next;
                i++;
            }
            if (pendingSpace && output.Length > written)
            {
                output.Append(' ');
            }
            pendingSpace = false;
            output.Append(c);
        }
    }
}

/// <summary>Finds <c>\( ... \)</c> (or <c>\[ ... \]</c>) math for the decoder and the encoder alike, remembering
/// what it found so that text full of unclosed or unbalanced openers is still scanned in linear time.</summary>
internal struct DelimitedMathFinder(char close)
{
    private int _knownEnd;
    private int _literalUntil;

    /// <summary>End (exclusive) of the math opening at <paramref name="start"/>, or -1 when it must be read as
    /// text: no closer, a closer past <paramref name="limit"/>, or braces that do not pair up.</summary>
    public int Find(ReadOnlySpan<char> text, int start, int limit)
    {
        if (start < _literalUntil || _knownEnd < 0)
        {
            return -1;
        }
        // Scans from any later opener fall in step with the earlier scan, so a known closer ahead still holds.
        if (_knownEnd <= start)
        {
            _knownEnd = LatexDecoder.FindDelimitedMathEnd(text, start, close);
            if (_knownEnd < 0)
            {
                return -1;
            }
        }
        if (_knownEnd > limit)
        {
            return -1;
        }
        if (!LatexEncoder.BracesBalanced(text[start.._knownEnd]))
        {
            _literalUntil = _knownEnd;
            return -1;
        }
        return _knownEnd;
    }
}

