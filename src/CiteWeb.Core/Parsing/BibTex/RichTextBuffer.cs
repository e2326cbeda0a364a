using System.Buffers;
using System.Runtime.CompilerServices;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>Growable char buffer for the codec: starts on caller-provided (usually stack) memory and moves to
/// pooled arrays only when a value outgrows it, so a decode costs exactly one allocation (the final string).</summary>
internal ref struct RichTextBuffer
{
    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    public RichTextBuffer(Span<char> initial)
    {
        _chars = initial;
        _rented = null;
        _length = 0;
    }

    public RichTextBuffer(int capacity)
    {
        _rented = ArrayPool<char>.Shared.Rent(capacity);
        _chars = _rented;
        _length = 0;
    }

    public int Length
    {
        readonly get => _length;
        set => _length = value;
    }

    public readonly ref char this[int index] => ref _chars[index];

    public readonly char Last => _length == 0 ? '\0' : _chars[_length - 1];

    public readonly ReadOnlySpan<char> Written => _chars[.._length];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c)
    {
        if ((uint)_length < (uint)_chars.Length)
        {
            _chars[_length++] = c;
        }
        else
        {
            Grow(1);
            _chars[_length++] = c;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (_length > _chars.Length - text.Length)
        {
            Grow(text.Length);
        }
        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    /// <summary>Replaces <c>[start, end)</c> with <paramref name="text"/>, shifting the tail.</summary>
    public void Replace(int start, int end, scoped ReadOnlySpan<char> text)
    {
        int delta = text.Length - (end - start);
        if (delta > 0 && _length > _chars.Length - delta)
        {
            Grow(delta);
        }
        if (delta != 0)
        {
            _chars[end.._length].CopyTo(_chars[(end + delta)..]);
        }
        text.CopyTo(_chars[start..]);
        _length += delta;
    }

    public void Insert(int index, scoped ReadOnlySpan<char> text) => Replace(index, index, text);

    public override readonly string ToString() => new(_chars[.._length]);

    public void Dispose()
    {
        char[]? rented = _rented;
        this = default;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int extra)
    {
        int wanted = Math.Max(_length + extra, Math.Max(_chars.Length * 2, 64));
        char[] next = ArrayPool<char>.Shared.Rent(wanted);
        _chars[.._length].CopyTo(next);
        char[]? old = _rented;
        _chars = _rented = next;
        if (old is not null)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
