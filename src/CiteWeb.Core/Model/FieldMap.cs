using System.Collections;

namespace CiteWeb.Core.Model;

/// <summary>
/// A small ordered map of field names to values. References hold about ten fields, where a linear scan beats a
/// hash table in both time and memory; keys and values share one array, allocated on the first set (sized by
/// <see cref="EnsureCapacity"/> when the reader knows how many fields are coming). Setting null removes.
/// </summary>
public sealed class FieldMap : IEnumerable<KeyValuePair<string, string>>
{
    // Interleaved: key at 2i, value at 2i + 1.
    private string[]? _slots;
    private int _count;

    public int Count => _count;

    public string? this[string key]
    {
        get
        {
            int i = IndexOf(key);
            return i < 0 ? null : _slots![i + 1];
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
                _count--;
                return;
            }
            if (i >= 0) { _slots![i + 1] = value; return; }
            if (_slots is null || _count * 2 == _slots.Length) EnsureCapacity(_count == 0 ? 2 : _count * 2);
            _slots![_count * 2] = key;
            _slots[_count * 2 + 1] = value;
            _count++;
        }
    }

    /// <summary>Makes room for <paramref name="fields"/> fields in all, so a reader that knows the count allocates once.</summary>
    public void EnsureCapacity(int fields)
    {
        if (_slots is not null && _slots.Length >= fields * 2) return;
        Array.Resize(ref _slots, fields * 2);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

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
        for (int i = 0; i < _count; i++) yield return new(_slots![i * 2], _slots[i * 2 + 1]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
