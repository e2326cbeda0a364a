namespace CiteWeb.Core.Model;

/// <summary>Turns a slice of source text into a value (a LaTeX decoder, a name-list parser). The model knows
/// nothing of source formats: a reader hands it one of these with the slice.</summary>
internal delegate T SliceDecoder<out T>(ReadOnlySpan<char> source);

/// <summary>Says something of a slice of source text without decoding it.</summary>
internal delegate bool SliceTest(ReadOnlySpan<char> source);

/// <summary>Decodes a slice of source text as <see cref="SliceDecoder{T}"/> does, into <paramref name="buffer"/> from
/// <paramref name="at"/> on (a larger buffer replaces it when it is too small), with no string; returns the end of
/// what was written.</summary>
internal delegate int SliceTextDecoder(ReadOnlySpan<char> source, ref char[] buffer, int at);

/// <summary>How a reader decodes one kind of value, and, optionally, a cheap test for slices that decode to
/// exactly their own text (a plain title, a page number), which consumers may then use as they stand, and, for a
/// list, a decoder of its first item alone (the first author, without splitting every name of the list), and, for
/// text, a cheap test for slices whose decoded text is sure to be collapsed: no white space at either end, none
/// inside but single spaces and no-break spaces (what a white-space cleanup would leave as it is).</summary>
internal sealed class SliceCodec<T>(SliceDecoder<T> decode, SliceTest? decodesToItself = null, SliceDecoder<object?>? decodeFirst = null,
    SliceTest? decodesCollapsed = null, SliceTextDecoder? decodeTo = null)
{
    public T Decode(ReadOnlySpan<char> source) => decode(source);

    public bool DecodesToItself(ReadOnlySpan<char> source) => decodesToItself is not null && decodesToItself(source);

    public bool DecodesCollapsed(ReadOnlySpan<char> source) => decodesCollapsed is not null && decodesCollapsed(source);

    /// <summary>For text: decodes <paramref name="source"/> into <paramref name="buffer"/> from its start, when this
    /// codec can (see <see cref="SliceTextDecoder"/>); <paramref name="length"/> is then the decoded text's length.</summary>
    public bool TryDecodeTo(ReadOnlySpan<char> source, ref char[] buffer, out int length)
    {
        length = decodeTo is null ? 0 : decodeTo(source, ref buffer, 0);
        return decodeTo is not null;
    }

    /// <summary>The first item of the list <paramref name="source"/> decodes to (null for an empty list), when
    /// this codec can say it without decoding the whole list.</summary>
    public bool TryDecodeFirst(ReadOnlySpan<char> source, out object? first)
    {
        first = decodeFirst?.Invoke(source);
        return decodeFirst is not null;
    }
}

/// <summary>
/// A value not yet decoded: where it is in the source text and how to decode it. Readers store these so that a
/// value costs nothing until it is first read; a value that is never read (most, in a large file) is never
/// materialised. Decoding is pure, so two threads that race to decode the same value get equal results.
/// </summary>
internal readonly struct Deferred<T>(string source, int start, int length, SliceCodec<T> codec)
{
    public bool IsSet => codec is not null;

    public T Decode() => codec.Decode(source.AsSpan(start, length));

    /// <summary>The source slice, when this value is decoded by <paramref name="by"/>: a writer that knows that
    /// codec's source form can write from it without decoding.</summary>
    public bool TryGetSource(SliceCodec<T> by, out ReadOnlySpan<char> slice)
    {
        slice = ReferenceEquals(codec, by) ? source.AsSpan(start, length) : default;
        return ReferenceEquals(codec, by);
    }

    /// <summary>See <see cref="SliceCodec{T}.TryDecodeFirst"/>.</summary>
    public bool TryDecodeFirst(out object? first) => codec.TryDecodeFirst(source.AsSpan(start, length), out first);

    /// <summary>See <see cref="SliceCodec{T}.TryDecodeTo"/>.</summary>
    public bool TryDecodeTo(ref char[] buffer, out int written) => codec.TryDecodeTo(source.AsSpan(start, length), ref buffer, out written);

    /// <summary>See <see cref="SliceCodec{T}.DecodesCollapsed"/>: true only when the codec is sure.</summary>
    public bool DecodesCollapsed() => codec.DecodesCollapsed(source.AsSpan(start, length));

    /// <summary>The source slice, when decoding it would give back the same text: it can be used without decoding.</summary>
    public bool TryGetSelfDecoding(out ReadOnlyMemory<char> slice)
    {
        if (codec.DecodesToItself(source.AsSpan(start, length)))
        {
            slice = source.AsMemory(start, length);
            return true;
        }
        slice = default;
        return false;
    }
}
