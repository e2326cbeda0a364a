using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CiteWeb.Core.Model;

/// <summary>
/// An insertion-ordered map from a few ordinal string keys to values, for a reference's names and dates. A
/// reference has one to three of each, where a Dictionary costs hundreds of bytes and a linear scan over a
/// small array is faster; each pair is one entry of one array, allocated on the first set, or taken from a chunk
/// shared with other maps (<see cref="SmallMapArena{T}"/>) by a reader that builds many. Same API as a Dictionary.
/// A reader may store a value deferred (<see cref="SetDeferred"/>), decoded from the source when first read.
/// </summary>
public sealed class SmallMap<T> : IReadOnlyDictionary<string, T> where T : class
{
    /// <summary>One pair. A null value with a deferred value set is a value not decoded yet.</summary>
    internal struct Entry
    {
        public string Key;
        public T? Value;
        public Deferred<T> Deferred;
    }

    // This map's entries are _entries[_offset .. _offset + _count), with room up to _offset + _capacity.
    private Entry[]? _entries;
    private int _offset;
    private int _capacity;
    private int _count;

    public SmallMap() { }

    /// <summary>A map over <paramref name="count"/> pairs already in place in <paramref name="chunk"/> from
    /// <paramref name="offset"/> (see <see cref="FieldMap"/>'s constructor of the same shape).</summary>
    internal SmallMap(Entry[] chunk, int offset, int count)
    {
        if (count == 0) return;
        _entries = chunk;
        _offset = offset;
        _count = _capacity = count;
    }

    public int Count => _count;

    private ref Entry At(int i) => ref _entries![_offset + i];

    /// <summary>This map's pairs, in order, for a reader that copies them into a shared chunk.</summary>
    internal ReadOnlySpan<Entry> Entries => _entries is null ? default : _entries.AsSpan(_offset, _count);

    /// <summary>Empties the map and keeps its array, for a reader that fills one map again and again.</summary>
    internal void Reset()
    {
        if (_entries is not null) Array.Clear(_entries, _offset, _count);
        _count = 0;
    }

    public T this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not set");
        set
        {
            int i = IndexOf(key);
            if (i >= 0)
            {
                ref var entry = ref At(i);
                entry.Value = value;
                entry.Deferred = default;
                return;
            }
            Add(key, value);
        }
    }

    /// <summary>Sets <paramref name="key"/> to a value decoded from the source when first read.</summary>
    internal void SetDeferred(string key, Deferred<T> value)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            Add(key, null);
            i = _count - 1;
        }
        ref var entry = ref At(i);
        entry.Value = null;
        entry.Deferred = value;
    }

    private void Add(string key, T? value)
    {
        if (_entries is null || _count == _capacity)
        {
            var entries = new Entry[_entries is null ? 2 : _capacity * 2];
            if (_entries is not null) Array.Copy(_entries, _offset, entries, 0, _count);
            _entries = entries;
            _offset = 0;
            _capacity = entries.Length;
        }
        ref var entry = ref At(_count++);
        entry.Key = key;
        entry.Value = value;
        entry.Deferred = default;
    }

    private T ValueAt(int i)
    {
        ref var entry = ref At(i);
        var value = entry.Value;
        if (value is not null) return value;
        var decoded = entry.Deferred.Decode();
        return Interlocked.CompareExchange(ref entry.Value, decoded, null) ?? decoded;
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
        if (i < 0) return null;
        ref var entry = ref At(i);
        return entry.Value ?? entry.Deferred.Decode();
    }

    /// <summary>The source text of <paramref name="key"/>'s value, when the value is not decoded yet and was stored
    /// with <paramref name="codec"/> (see <see cref="Deferred{T}.TryGetSource"/>).</summary>
    internal bool TryPeekSource(string key, SliceCodec<T> codec, out ReadOnlySpan<char> source)
    {
        int i = IndexOf(key);
        if (i >= 0 && At(i).Value is null) return At(i).Deferred.TryGetSource(codec, out source);
        source = default;
        return false;
    }

    /// <summary>The first item of <paramref name="key"/>'s value, a list, or null when the key is not set or its list
    /// is empty. Read as <see cref="Peek"/> reads, and a deferred list whose codec can decode its first item alone
    /// (a name list) is not decoded whole.</summary>
    internal TItem? PeekFirst<TItem>(string key) where TItem : class
    {
        int i = IndexOf(key);
        if (i < 0) return null;
        ref var entry = ref At(i);
        var value = entry.Value;
        if (value is null)
        {
            if (entry.Deferred.TryDecodeFirst(out var first)) return (TItem?)first;
            value = entry.Deferred.Decode();
        }
        return value is IReadOnlyList<TItem> { Count: > 0 } list ? list[0] : null;
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
        Array.Copy(_entries!, _offset + i + 1, _entries!, _offset + i, _count - i - 1);
        _count--;
        At(_count) = default;
        return true;
    }

    public IEnumerable<string> Keys
    {
        get
        {
            for (int i = 0; i < _count; i++) yield return At(i).Key;
        }
    }

    public IEnumerable<T> Values
    {
        get
        {
            for (int i = 0; i < _count; i++) yield return ValueAt(i);
        }
    }

    private int IndexOf(string key)
    {
        var entries = _entries;
        if (entries is null) return -1;
        for (int i = 0; i < _count; i++)
        {
            var k = entries[_offset + i].Key;
            if (ReferenceEquals(k, key) || string.Equals(k, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return new(At(i).Key, ValueAt(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Hands out room for the pairs of many <see cref="SmallMap{T}"/>s in shared chunks (see
/// <see cref="FieldMapArena"/>). One arena serves one thread; each map owns the range it was given.</summary>
internal sealed class SmallMapArena<T> where T : class
{
    // 4,096 pairs of 40 bytes: a large-object chunk, as FieldMapArena's.
    private const int ChunkSize = 4096;
    private SmallMap<T>.Entry[] _chunk = [];
    private int _used;

    /// <summary>Copies <paramref name="pairs"/> into a range of a chunk; returns where.</summary>
    public (SmallMap<T>.Entry[] Chunk, int Offset) Copy(ReadOnlySpan<SmallMap<T>.Entry> pairs)
    {
        var (chunk, offset) = Take(pairs.Length);
        pairs.CopyTo(chunk.AsSpan(offset));
        return (chunk, offset);
    }

    public (SmallMap<T>.Entry[] Chunk, int Offset) Take(int count)
    {
        if (count > ChunkSize / 16) return (new SmallMap<T>.Entry[count], 0);
        if (_used + count > _chunk.Length)
        {
            _chunk = new SmallMap<T>.Entry[ChunkSize];
            _used = 0;
        }
        int at = _used;
        _used += count;
        return (_chunk, at);
    }
}
