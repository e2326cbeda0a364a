using System.Collections;

namespace CiteWeb.Core.Model;

/// <summary>
/// A small ordered map of field names to values. References hold about ten fields, where a linear scan over two
/// arrays beats a hash table in both time and memory; insertion order is kept. Setting null removes.
/// </summary>
public sealed class FieldMap : IEnumerable<KeyValuePair<string, string>>
{
    private string[] _keys = [];
    private string[] _values = [];
    private int _count;

    public int Count => _count;

    public string? this[string key]
    {
        get
        {
            int i = IndexOf(key);
            return i < 0 ? null : _values[i];
        }
        set
        {
            int i = IndexOf(key);
            if (value is null)
            {
                if (i < 0) return;
                Array.Copy(_keys, i + 1, _keys, i, _count - i - 1);
                Array.Copy(_values, i + 1, _values, i, _count - i - 1);
                _count--;
                _keys[_count] = null!;
                _values[_count] = null!;
                return;
            }
            if (i >= 0) { _values[i] = value; return; }
            if (_count == _keys.Length)
            {
                int size = _count == 0 ? 8 : _count * 2;
                Array.Resize(ref _keys, size);
                Array.Resize(ref _values, size);
            }
            _keys[_count] = key;
            _values[_count++] = value;
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public IEnumerable<string> Keys => _keys.Take(_count);

    private int IndexOf(string key)
    {
        var keys = _keys;
        for (int i = 0; i < _count; i++)
            if (ReferenceEquals(keys[i], key)) return i;
        for (int i = 0; i < _count; i++)
            if (string.Equals(keys[i], key, StringComparison.Ordinal)) return i;
        return -1;
    }

    internal void CopyFrom(FieldMap other)
    {
        foreach (var (k, v) in other) this[k] = v;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return new(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
