namespace CiteWeb.Core.Model;

/// <summary>Turns a slice of source text into a value (a LaTeX decoder, a name-list parser). The model knows
/// nothing of source formats: a reader hands it one of these with the slice.</summary>
internal delegate T SliceDecoder<out T>(ReadOnlySpan<char> source);

/// <summary>Decodes a slice of source text into <paramref name="buffer"/> from <paramref name="at"/> on (growing it
/// as needed) instead of into a new object, and returns the end of what it wrote.</summary>
internal delegate int SliceDecoderTo(ReadOnlySpan<char> source, ref char[] buffer, int at);

/// <summary>Writes a slice of source text into <paramref name="buffer"/> from <paramref name="at"/> on as the writer of
/// the reader's own format would write its decoded value (<paramref name="ascii"/>: escaping all but ASCII), when it
/// can tell how from the source alone; false when the value must be decoded and encoded.</summary>
internal delegate bool SliceRewriter(ReadOnlySpan<char> source, bool ascii, ref char[] buffer, int at, out int end);

/// <summary>Says something of a slice of source text without decoding it.</summary>
internal delegate bool SliceTest(ReadOnlySpan<char> source);

/// <summary>How a reader decodes one kind of value, and, optionally, a cheap test for slices that decode to
/// exactly their own text (a plain title, a page number), which consumers may then use as they stand, and, for a
/// list, a decoder of its first item alone (the first author, without splitting every name of the list), and, for
/// text, a cheap test for slices whose decoded text is sure to be collapsed: no white space at either end, none
/// inside but single spaces and no-break spaces (what a white-space cleanup would leave as it is), a decoder of
/// text into a caller's buffer, for a reader of the text (a writer) that keeps none of it, and a rewriter from the
/// source straight to what the same format's writer would write.</summary>
internal sealed class SliceCodec<T>(SliceDecoder<T> decode, SliceTest? decodesToItself = null, SliceDecoder<object?>? decodeFirst = null,
    SliceTest? decodesCollapsed = null, SliceDecoderTo? decodeTo = null, SliceRewriter? rewrite = null)
{
    /// <summary>Writes <paramref name="source"/> as the writer of the reader's own format would write its value, when
    /// this codec can tell how from the source (see <see cref="SliceRewriter"/>).</summary>
    public bool TryRewrite(ReadOnlySpan<char> source, bool ascii, ref char[] buffer, int at, out int end)
    {
        end = at;
        return rewrite is not null && rewrite(source, ascii, ref buffer, at, out end);
    }

    public T Decode(ReadOnlySpan<char> source) => decode(source);

    public bool DecodesToItself(ReadOnlySpan<char> source) => decodesToItself is not null && decodesToItself(source);

    public bool DecodesCollapsed(ReadOnlySpan<char> source) => decodesCollapsed is not null && decodesCollapsed(source);

    /// <summary>Decodes <paramref name="source"/> into <paramref name="buffer"/> from <paramref name="at"/> on, as
    /// <see cref="Decode"/> would decode it, when this codec can; <paramref name="end"/> is the end of the text.</summary>
    public bool TryDecodeTo(ReadOnlySpan<char> source, ref char[] buffer, int at, out int end)
    {
        end = decodeTo is null ? at : decodeTo(source, ref buffer, at);
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

    /// <summary>See <see cref="SliceCodec{T}.TryRewrite"/>.</summary>
    public bool TryRewrite(bool ascii, ref char[] buffer, int at, out int end) => codec.TryRewrite(source.AsSpan(start, length), ascii, ref buffer, at, out end);

    /// <summary>See <see cref="SliceCodec{T}.TryDecodeTo"/>.</summary>
    public bool TryDecodeTo(ref char[] buffer, int at, out int end) => codec.TryDecodeTo(source.AsSpan(start, length), ref buffer, at, out end);

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
