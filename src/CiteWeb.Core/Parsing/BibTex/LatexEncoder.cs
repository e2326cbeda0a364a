using System.Buffers;
using System.Text;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>Encodes CSL rich text as BibTeX field text (without the outer delimiters), the inverse of
/// <see cref="LatexDecoder"/>: <c>LatexDecoder.Decode(Encode(x))</c> gives back any <c>x</c> the decoder
/// produced. The output always has balanced braces.</summary>
public static partial class LatexEncoder
{
    private const int MaxNesting = LatexDecoder.MaxDepth;

    private static readonly SearchValues<char> Specials =
        SearchValues.Create("\\{}$%&#_^~`<\t\n\r\u2013\u2014\u201C\u201D\u00A0");

    // Characters that end a bulk-copied run: the specials plus the halves of TeX ligatures.
    private static readonly SearchValues<char> RunStops =
        SearchValues.Create("\\{}$%&#_^~`<\t\n\r\u2013\u2014\u201C\u201D\u00A0-'!?");

    [ThreadStatic]
    private static char[]? _scratchChars;

    [ThreadStatic]
    private static int[]? _scratchNoCaseStarts;

    /// <summary>Encodes <paramref name="richText"/>. With <paramref name="ascii"/>, every non-ASCII character
    /// that has a LaTeX form is written as LaTeX ({\"o}, {\ss}, \textcopyright{}); the rest stay UTF-8.</summary>
    public static string Encode(string richText, bool ascii)
    {
        if (string.IsNullOrEmpty(richText))
        {
            return string.Empty;
        }
        ReadOnlySpan<char> text = richText;
        if (EncodesToItself(text, ascii))
        {
            return richText;
        }
        bool hasTags = text.Contains('<');
        TagToken[] tags = hasTags ? ArrayPool<TagToken>.Shared.Rent(Math.Min(text.Length / 3 + 1, 4096)) : [];
        // Per-thread scratch: stackalloc would zero a kilobyte on every call.
        var output = new RichTextBuffer(_scratchChars ??= new char[1024]);
        try
        {
            int tagCount = hasTags ? MatchTags(text, ref tags) : 0;
            var writer = new Writer(text, ascii, tags.AsSpan(0, tagCount), _scratchNoCaseStarts ??= new int[MaxNesting]);
            writer.Run(ref output);
            return output.ToString();
        }
        finally
        {
            output.Dispose();
            if (hasTags)
            {
                ArrayPool<TagToken>.Shared.Return(tags);
            }
        }
    }

    /// <summary>As <see cref="Encode"/>, writing the encoded text into <paramref name="buffer"/> from
    /// <paramref name="at"/> on, with no string: a full buffer is replaced by a larger copy (what earlier callers
    /// sliced from the old one stays valid). Returns the end of what was written.</summary>
    internal static int EncodeTo(ReadOnlySpan<char> text, bool ascii, ref char[] buffer, int at)
    {
        if (EncodesToItself(text, ascii))
        {
            return Put(text, ref buffer, at);
        }
        bool hasTags = text.Contains('<');
        TagToken[] tags = hasTags ? ArrayPool<TagToken>.Shared.Rent(Math.Min(text.Length / 3 + 1, 4096)) : [];
        var output = new RichTextBuffer(_scratchChars ??= new char[1024]);
        try
        {
            int tagCount = hasTags ? MatchTags(text, ref tags) : 0;
            var writer = new Writer(text, ascii, tags.AsSpan(0, tagCount), _scratchNoCaseStarts ??= new int[MaxNesting]);
            writer.Run(ref output);
            return Put(output.Written, ref buffer, at);
        }
        finally
        {
            output.Dispose();
            if (hasTags)
            {
                ArrayPool<TagToken>.Shared.Return(tags);
            }
        }
    }

    /// <summary>As <see cref="EncodeVerbatim"/>, into <paramref name="buffer"/> as <see cref="EncodeTo"/> writes.</summary>
    internal static int EncodeVerbatimTo(ReadOnlySpan<char> text, ref char[] buffer, int at)
    {
        if (EncodesVerbatimToItself(text))
        {
            return Put(text, ref buffer, at);
        }
        foreach (char c in text)
        {
            if (c is '{' or '}')
            {
                at = Put("\\", ref buffer, at);
            }
            at = Put(new ReadOnlySpan<char>(in c), ref buffer, at);
        }
        return at;
    }

    /// <summary>Copies <paramref name="text"/> into <paramref name="buffer"/> from <paramref name="at"/> on, growing it as
    /// <see cref="EncodeTo"/> does; returns the end.</summary>
    internal static int Put(ReadOnlySpan<char> text, ref char[] buffer, int at)
    {
        if (buffer.Length - at < text.Length)
        {
            var larger = new char[Math.Max(buffer.Length * 2, at + text.Length)];
            buffer.AsSpan(0, at).CopyTo(larger);
            buffer = larger;
        }
        text.CopyTo(buffer.AsSpan(at));
        return at + text.Length;
    }

    /// <summary>True when <see cref="Encode"/> would return <paramref name="text"/> unchanged.</summary>
    internal static bool EncodesToItself(ReadOnlySpan<char> text, bool ascii) =>
        text.IndexOfAny(Specials) < 0 && text.IndexOf("--") < 0 && text.IndexOf("''") < 0 && (!ascii || Ascii.IsValid(text));

    /// <summary>True when <see cref="EncodeVerbatim"/> would return <paramref name="text"/> unchanged: it has no brace,
    /// or braces the verbatim reader gives back as they are.</summary>
    internal static bool EncodesVerbatimToItself(ReadOnlySpan<char> text) =>
        text.IndexOfAny('{', '}') < 0
        || (BracesBalanced(text) && text.IndexOf("{}") < 0 && text.IndexOf("{\\") < 0
            && !(text[0] == '{' && LatexDecoder.FindGroupEnd(text, 0) == text.Length - 1));

    /// <summary>Encodes a verbatim field (url, doi): raw, unless its braces would be lost or unbalanced when read
    /// back by <see cref="LatexDecoder.DecodeVerbatim"/>, in which case every brace is escaped.</summary>
    public static string EncodeVerbatim(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        ReadOnlySpan<char> text = value;
        if (EncodesVerbatimToItself(text))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length + 8);
        foreach (char c in text)
        {
            if (c is '{' or '}')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    internal static bool BracesBalanced(ReadOnlySpan<char> text)
    {
        int depth = 0;
        foreach (char c in text)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth < 0)
            {
                return false;
            }
        }
        return depth == 0;
    }

    private struct TagToken
    {
        public int Position;
        public int Length;
        public RichTag Tag;
        public bool Close;
        public bool Matched;
    }

    private static readonly (string Markup, RichTag Tag, bool Close)[] KnownTags =
    [
        ("<i>", RichTag.Italic, false), ("</i>", RichTag.Italic, true), ("<b>", RichTag.Bold, false),
        ("</b>", RichTag.Bold, true), ("<sup>", RichTag.Superscript, false), ("</sup>", RichTag.Superscript, true),
        ("<sub>", RichTag.Subscript, false), ("</sub>", RichTag.Subscript, true),
        (LatexTables.NoCaseOpen, RichTag.NoCase, false), (LatexTables.SmallCapsOpen, RichTag.SmallCaps, false),
        (LatexTables.SpanClose, RichTag.None, true),
    ];

    /// <summary>Finds the known tags that pair up properly; a stray or crossed tag is literal text (rich text has no
    /// escaping, so "a &lt; b" must survive).</summary>
    private static int MatchTags(ReadOnlySpan<char> text, ref TagToken[] tags)
    {
        int count = 0;
        Span<int> open = stackalloc int[MaxNesting];
        int depth = 0;
        int i = 0;
        int hit;
        while ((hit = text[i..].IndexOf('<')) >= 0)
        {
            i += hit;
            int known = -1;
            for (int k = 0; k < KnownTags.Length; k++)
            {
                if (text[i..].StartsWith(KnownTags[k].Markup, StringComparison.Ordinal))
                {
                    known = k;
                    break;
                }
            }
            if (known < 0)
            {
                i++;
                continue;
            }
            var (markup, tag, close) = KnownTags[known];
            if (count == tags.Length)
            {
                TagToken[] bigger = ArrayPool<TagToken>.Shared.Rent(tags.Length * 2);
                tags.AsSpan().CopyTo(bigger);
                ArrayPool<TagToken>.Shared.Return(tags);
                tags = bigger;
            }
            tags[count] = new TagToken { Position = i, Length = markup.Length, Tag = tag, Close = close };
            if (!close && depth < MaxNesting)
            {
                open[depth++] = count;
            }
            else if (close)
            {
                for (int d = depth - 1; d >= 0; d--)
                {
                    RichTag opened = tags[open[d]].Tag;
                    bool pairs = tag == RichTag.None ? opened is RichTag.NoCase or RichTag.SmallCaps : opened == tag;
                    if (pairs)
                    {
                        // The decoder never writes an empty element or a space just inside one, so such a pair
                        // can only be literal text that happens to look like markup.
                        int from = tags[open[d]].Position + tags[open[d]].Length;
                        bool real = i > from && text[from] != ' ' && text[i - 1] != ' ';
                        tags[open[d]].Matched = real;
                        tags[count].Matched = real;
                        tags[count].Tag = opened;
                        depth = d;
                        break;
                    }
                }
            }
            count++;
            i += markup.Length;
        }
        int kept = 0;
        for (int k = 0; k < count; k++)
        {
            if (tags[k].Matched)
            {
                tags[kept++] = tags[k];
            }
        }
        return kept;
    }
}
