namespace CiteWeb.Core.Model;

/// <summary>Turns a slice of source text into a value (a LaTeX decoder, a name-list parser). The model knows
/// nothing of source formats: a reader hands it one of these with the slice.</summary>
internal delegate T SliceDecoder<out T>(ReadOnlySpan<char> source);

/// <summary>
/// A value not yet decoded: where it is in the source text and how to decode it. Readers store these so that a
/// value costs nothing until it is first read; a value that is never read (most, in a large file) is never
/// materialised. Decoding is pure, so two threads that race to decode the same value get equal results.
/// </summary>
internal readonly struct Deferred<T>(string source, int start, int length, SliceDecoder<T> decoder)
{
    public bool IsSet => decoder is not null;

    public T Decode() => decoder(source.AsSpan(start, length));
}
