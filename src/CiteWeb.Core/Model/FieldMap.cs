using System.Collections;

namespace CiteWeb.Core.Model;

/// <summary>
/// A small ordered map of field names to values. References hold about ten fields, where a linear scan beats a
/// hash table in both time and memory; keys and values share one array, allocated on the first set (sized by
/// <see cref="EnsureCapacity"/> when the reader knows how many fields are coming). Setting null removes.
/// A reader may store a value deferred (<see cref="SetDeferred"/>): it is decoded from the source on first read,
/// through the indexer or the enumerator alike, and then kept. A map that grows past <see cref="IndexedFrom"/>
/// fields (a hostile RIS record with 17,000 URLs, each kept as a custom field) also keeps a hash index, so
/// filling it stays linear instead of quadratic.
/// </summary>
public sealed class FieldMap : IEnumerable<KeyValuePair<string, string>>
{
    // Interleaved: key at 2i, value at 2i + 1.
    // A null value slot with a deferred entry at i is a value not decoded yet.
    private string[]? _slots;
    private Deferred<string>[]? _deferred;
    private int _count;
    // Key to slot, kept from IndexedFrom fields on; written only by the setters, so readers on several threads are safe as before.
    private Dictionary<string, int>? _index;

    /// <summary>The field count from which lookups go through a hash index rather than a scan.</summary>
    internal const int IndexedFrom = 32;

    public int Count => _count;

    public string? this[string key]
    {
        get
        {
            int i = IndexOf(key);
            return i < 0 ? null : _slots![i + 1] ?? Resolve(i);
        }
        set
        {
            int i = IndexOf(key);
            if (value is null)
            {
                if (i < 0) return;
                int end = _count * 2;
                Array.Copy(_slots!, i + 2, _slots!, i, end - i - 2);
                _slots![end - 2] = null!;
                _slots[end - 1] = null!;
                if (_deferred is not null)
                {
                    Array.Copy(_deferred, i / 2 + 1, _deferred, i / 2, _count - i / 2 - 1);
                    _deferred[_count - 1] = default;
                }
                _count--;
                RebuildIndex();
                return;
            }
            if (i >= 0) { _slots![i + 1] = value; return; }
            Add(key, value);
        }
    }

    /// <summary>Sets <paramref name="key"/> to a value decoded from the source when first read.</summary>
    internal void SetDeferred(string key, Deferred<string> value)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            Add(key, null);
            i = (_count - 1) * 2;
        }
        _slots![i + 1] = null!;
        _deferred ??= new Deferred<string>[_slots.Length / 2];
        _deferred[i / 2] = value;
    }

    private void Add(string key, string? value)
    {
        if (_slots is null || _count * 2 == _slots.Length) EnsureCapacity(_count == 0 ? 2 : _count * 2);
        _slots![_count * 2] = key;
        _slots[_count * 2 + 1] = value!;
        _count++;
        if (_index is not null) _index[key] = (_count - 1) * 2;
        else if (_count >= IndexedFrom) RebuildIndex();
    }

    private void RebuildIndex()
    {
        if (_count < IndexedFrom) { _index = null; return; }
        _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
        for (int i = 0; i < _count * 2; i += 2) _index[_slots![i]] = i;
    }

    private string Resolve(int i)
    {
        var decoded = _deferred![i / 2].Decode();
        return Interlocked.CompareExchange(ref _slots![i + 1], decoded, null) ?? decoded;
    }

    /// <summary>Makes room for <paramref name="fields"/> fields in all, so a reader that knows the count allocates once.</summary>
    public void EnsureCapacity(int fields)
    {
        if (_slots is not null && _slots.Length >= fields * 2) return;
        Array.Resize(ref _slots, fields * 2);
        if (_deferred is not null) Array.Resize(ref _deferred, fields);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Reads <paramref name="key"/>'s value without keeping it: a deferred value is decoded for this read
    /// only. Cleanups that look at every value and change few, and writers, read this way, so a large file's
    /// decoded text is short-lived garbage instead of a heap every later collection has to walk and copy.</summary>
    internal string? Peek(string key)
    {
        int i = IndexOf(key);
        return i < 0 ? null : _slots![i + 1] ?? _deferred![i / 2].Decode();
    }

    /// <summary>The source text of <paramref name="key"/>'s value, when the value is not decoded yet and decodes to
    /// exactly that text (see <see cref="SliceCodec{T}"/>): a writer or a check can use it with no decoding and
    /// no string at all.</summary>
    internal bool TryPeekSource(string key, out ReadOnlyMemory<char> source)
    {
        int i = IndexOf(key);
        if (i >= 0) return TryPeekSource(i / 2, out source);
        source = default;
        return false;
    }

    /// <summary>As <see cref="TryPeekSource(string, out ReadOnlyMemory{char})"/>, for the <paramref name="index"/>th field.</summary>
    internal bool TryPeekSource(int index, out ReadOnlyMemory<char> source)
    {
        if (_slots![index * 2 + 1] is null) return _deferred![index].TryGetSelfDecoding(out source);
        source = default;
        return false;
    }

    /// <summary>The key of the <paramref name="index"/>th field, in insertion order.</summary>
    internal string KeyAt(int index) => _slots![index * 2];

    /// <summary>The value of the <paramref name="index"/>th field, decoded and kept if it was deferred.</summary>
    internal string ValueAt(int index) => _slots![index * 2 + 1] ?? Resolve(index * 2);

    /// <summary>The value of the <paramref name="index"/>th field, read as <see cref="Peek"/> reads.</summary>
    internal string PeekAt(int index) => _slots![index * 2 + 1] ?? _deferred![index].Decode();

    public IEnumerable<string> Keys
    {
        get
        {
            for (int i = 0; i < _count; i++) yield return _slots![i * 2];
        }
    }

    private int IndexOf(string key)
    {
        var slots = _slots;
        if (slots is null) return -1;
        if (_index is not null) return _index.TryGetValue(key, out int at) ? at : -1;
        int end = _count * 2;
        for (int i = 0; i < end; i += 2)
            if (ReferenceEquals(slots[i], key)) return i;
        for (int i = 0; i < end; i += 2)
            if (string.Equals(slots[i], key, StringComparison.Ordinal)) return i;
        return -1;
    }

    internal void CopyFrom(FieldMap other)
    {
        EnsureCapacity(_count + other._count);
        foreach (var (k, v) in other) this[k] = v;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return new(_slots![i * 2], ValueAt(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
