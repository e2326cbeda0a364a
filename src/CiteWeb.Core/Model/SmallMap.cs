using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CiteWeb.Core.Model;

/// <summary>
/// An insertion-ordered map from a few ordinal string keys to values, for a reference's names and dates. A
/// reference has one to three of each, where a Dictionary costs hundreds of bytes and a linear scan over a
/// small array is faster; nothing is allocated until the first value is set. Same API as a Dictionary.
/// A reader may store a value deferred (<see cref="SetDeferred"/>), decoded from the source when first read.
/// </summary>
public sealed class SmallMap<T> : IReadOnlyDictionary<string, T> where T : class
{
    private string[]? _keys;
    private T[]? _values;
    // A null value with a deferred entry at the same index is a value not decoded yet.
    private Deferred<T>[]? _deferred;
    private int _count;

    public int Count => _count;

    public T this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not set");
        set
        {
            int i = IndexOf(key);
            if (i >= 0) { _values![i] = value; return; }
            Add(key, value);
        }
    }

    /// <summary>Sets <paramref name="key"/> to a value decoded from the source when first read.</summary>
    internal void SetDeferred(string key, Deferred<T> value)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            Add(key, null!);
            i = _count - 1;
        }
        _values![i] = null!;
        _deferred ??= new Deferred<T>[_keys!.Length];
        _deferred[i] = value;
    }

    private void Add(string key, T value)
    {
        if (_keys is null || _count == _keys.Length)
        {
            int size = _keys is null ? 2 : _keys.Length * 2;
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
            if (_deferred is not null) Array.Resize(ref _deferred, size);
        }
        _keys[_count] = key;
        _values![_count++] = value;
    }

    private T ValueAt(int i)
    {
        var value = _values![i];
        if (value is not null) return value;
        var decoded = _deferred![i].Decode();
        return Interlocked.CompareExchange(ref _values[i], decoded, null) ?? decoded;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? ValueAt(i) : null;
        return i >= 0;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Reads <paramref name="key"/>'s value without keeping it (see <see cref="FieldMap.Peek"/>): a
    /// deferred value is decoded for this read only.</summary>
    internal T? Peek(string key)
    {
        int i = IndexOf(key);
        return i < 0 ? null : _values![i] ?? _deferred![i].Decode();
    }

    public bool TryAdd(string key, T value)
    {
        if (IndexOf(key) >= 0) return false;
        this[key] = value;
        return true;
    }

    public bool Remove(string key)
    {
        int i = IndexOf(key);
        if (i < 0) return false;
        Array.Copy(_keys!, i + 1, _keys!, i, _count - i - 1);
        Array.Copy(_values!, i + 1, _values!, i, _count - i - 1);
        if (_deferred is not null) Array.Copy(_deferred, i + 1, _deferred, i, _count - i - 1);
        _count--;
        _keys![_count] = null!;
        _values![_count] = null!;
        if (_deferred is not null) _deferred[_count] = default;
        return true;
    }

    public IEnumerable<string> Keys => _keys is null ? [] : _keys.Take(_count);
    public IEnumerable<T> Values
    {
        get
        {
            for (int i = 0; i < _count; i++) yield return ValueAt(i);
        }
    }

    private int IndexOf(string key)
    {
        var keys = _keys;
        if (keys is null) return -1;
        for (int i = 0; i < _count; i++)
            if (ReferenceEquals(keys[i], key) || string.Equals(keys[i], key, StringComparison.Ordinal)) return i;
        return -1;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return new(_keys![i], ValueAt(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
