using System.Globalization;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Export;

// The reused arrays one writer thread writes entries, values and name parts into.
public static partial class BibTexWriter
{
    /// <summary>Text written one piece after another into one array, which is replaced by a larger copy when full.</summary>
    private class CharBuffer(int capacity)
    {
        public char[] Chars = new char[capacity];
        public int Length;

        public void Clear() => Length = 0;

        public void Append(ReadOnlySpan<char> text)
        {
            if (Chars.Length - Length < text.Length) Grow(text.Length);
            text.CopyTo(Chars.AsSpan(Length));
            Length += text.Length;
        }

        public void Append(char c)
        {
            if (Length == Chars.Length) Grow(1);
            Chars[Length++] = c;
        }

        public void Append(char c, int count)
        {
            if (Chars.Length - Length < count) Grow(count);
            Chars.AsSpan(Length, count).Fill(c);
            Length += count;
        }

        protected void Grow(int extra)
        {
            var larger = new char[Math.Max(Chars.Length * 2, Length + extra)];
            Chars.AsSpan(0, Length).CopyTo(larger);
            Chars = larger;
        }
    }

    /// <summary>Name parts decoded one after another into one array, for one name at a time.</summary>
    private sealed class NameParts() : CharBuffer(256)
    {
        /// <summary>A part decoded as <see cref="BibTexNames.Parse(ReadOnlySpan{char})"/> decodes it. What it returns stays
        /// valid until <see cref="CharBuffer.Clear"/>: a full array is replaced, not overwritten.</summary>
        public ReadOnlySpan<char> Decode(ReadOnlySpan<char> part)
        {
            int start = Length;
            Length = BibTexNames.DecodePartTo(part, ref Chars, Length);
            return Chars.AsSpan(start, Length - start);
        }
    }

    /// <summary>
    /// What one thread reuses from entry to entry: the list of fields an entry is made of, and the text of the
    /// values it encodes (names, escaped values, years), written one after another into one array and sliced, so an
    /// entry allocates no string of its own. A full array is replaced by a larger one; slices of the old one stay
    /// valid until the entry is written.
    /// </summary>
    private sealed class EntryScratch() : CharBuffer(4096)
    {
        public readonly List<(string Name, ReadOnlyMemory<char> Value)> Fields = new(32);
        public readonly int[] Slots = new int[WrittenVariables.Length];
        /// <summary>The indexes of the fields not in <see cref="Slots"/>.</summary>
        public readonly List<int> Unmapped = new(8);
        /// <summary>The decoded parts of the name being written.</summary>
        public readonly NameParts Parts = new();
        /// <summary>The decoded text of the value being written, before it is encoded; overwritten by the next.</summary>
        public char[] Decoded = new char[1024];

        public new void Clear()
        {
            Fields.Clear();
            Unmapped.Clear();
            Length = 0;
        }

        public int Position => Length;

        public ReadOnlyMemory<char> From(int start) => Chars.AsMemory(start, Length - start);

        public ReadOnlySpan<char> Span(int start) => Chars.AsSpan(start, Length - start);

        /// <summary>Takes what was written into <see cref="CharBuffer.Chars"/> from <see cref="CharBuffer.Length"/> to
        /// <paramref name="end"/> as written.</summary>
        public ReadOnlyMemory<char> Through(int end)
        {
            int start = Length;
            Length = end;
            return From(start);
        }

        public ReadOnlyMemory<char> Copy(ReadOnlySpan<char> value)
        {
            int start = Length;
            Append(value);
            return From(start);
        }

        public ReadOnlyMemory<char> Encode(ReadOnlySpan<char> value, bool verbatim, bool ascii)
        {
            int start = Length;
            Length = verbatim ? LatexEncoder.EncodeVerbatimTo(value, ref Chars, Length) : LatexEncoder.EncodeTo(value, ascii, ref Chars, Length);
            return From(start);
        }

        public void EncodeInPlace(ReadOnlySpan<char> value, bool ascii) => Length = LatexEncoder.EncodeTo(value, ascii, ref Chars, Length);

        public ReadOnlyMemory<char> Number(int value)
        {
            int start = Length;
            if (Chars.Length - Length < 11) Grow(11);
            value.TryFormat(Chars.AsSpan(Length), out int written, provider: CultureInfo.InvariantCulture);
            Length += written;
            return From(start);
        }

        /// <summary>Wraps what was written from <paramref name="start"/> on in braces.</summary>
        public void Brace(int start)
        {
            if (Chars.Length - Length < 2) Grow(2);
            Array.Copy(Chars, start, Chars, start + 1, Length - start);
            Chars[start] = '{';
            Length++;
            Chars[Length++] = '}';
        }
    }
}
