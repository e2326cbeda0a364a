using System.Collections;

namespace CiteWeb.Core.Model;

/// <summary>
/// A small ordered map of field names to values. References hold about ten fields, where a linear scan beats a
/// hash table in both time and memory; each field is one entry (key, value, deferred value) of one array,
/// allocated on the first set (sized by <see cref="EnsureCapacity(int)"/> when the reader knows how many fields
/// are coming). A reader of a large file places the entries of many maps in one shared chunk
/// (<see cref="FieldMapArena"/>), so a map costs no array of its own until it outgrows its room: the collector
/// then has one object a map fewer to trace and copy. Setting null removes.
/// A reader may store a value deferred (<see cref="SetDeferred"/>): it is decoded from the source on first read,
/// through the indexer or the enumerator alike, and then kept. A map that grows past <see cref="IndexedFrom"/>
/// fields (a hostile RIS record with 17,000 URLs, each kept as a custom field) also keeps a hash index, so
/// filling it stays linear instead of quadratic.
/// </summary>
public sealed class FieldMap : IEnumerable<KeyValuePair<string, string>>
{
    /// <summary>One field. A null value with a deferred value set is a value not decoded yet.</summary>
    internal struct Entry
    {
        public string Key;
        public string? Value;
        public Deferred<string> Deferred;
    }

    // This map's entries are _entries[_offset .. _offset + _count), with room up to _offset + _capacity; the
    // array may be a chunk shared with other maps, each using its own range only.
    private Entry[]? _entries;
    private int _offset;
    private int _capacity;
    private int _count;
    // Key to entry index, kept from IndexedFrom fields on; written only by the setters, so readers on several threads are safe as before.
    private Dictionary<string, int>? _index;

    /// <summary>The field count from which lookups go through a hash index rather than a scan.</summary>
    internal const int IndexedFrom = 32;

    public FieldMap() { }

    /// <summary>A map over <paramref name="count"/> entries already in place in <paramref name="chunk"/> from
    /// <paramref name="offset"/> (see <see cref="Reference"/>, which makes its maps on first use from such a range).</summary>
    internal FieldMap(Entry[] chunk, int offset, int count)
    {
        if (count == 0) return;
        _entries = chunk;
        _offset = offset;
        _count = _capacity = count;
        RebuildIndex();
    }

    public int Count => _count;

    private ref Entry At(int i) => ref _entries![_offset + i];

    /// <summary>This map's entries, in order, for a reader that copies them into a shared chunk.</summary>
    internal ReadOnlySpan<Entry> Entries => _entries is null ? default : _entries.AsSpan(_offset, _count);

    /// <summary>Empties the map and keeps its array, for a reader that fills one map again and again.</summary>
    internal void Reset()
    {
        if (_entries is not null) Array.Clear(_entries, _offset, _count);
        _count = 0;
        _index = null;
    }

    public string? this[string key]
    {
        get
        {
            int i = IndexOf(key);
            return i < 0 ? null : At(i).Value ?? Resolve(i);
        }
        set
        {
            int i = IndexOf(key);
            if (value is null)
            {
                if (i < 0) return;
                Array.Copy(_entries!, _offset + i + 1, _entries!, _offset + i, _count - i - 1);
                At(_count - 1) = default;
                _count--;
                RebuildIndex();
                return;
            }
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
    internal void SetDeferred(string key, Deferred<string> value)
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

    private void Add(string key, string? value)
    {
        if (_entries is null || _count == _capacity) Resize(_count == 0 ? 2 : _count * 2);
        ref var entry = ref At(_count);
        entry.Key = key;
        entry.Value = value;
        entry.Deferred = default;
        _count++;
        if (_index is not null) _index[key] = _count - 1;
        else if (_count >= IndexedFrom) RebuildIndex();
    }

    private void RebuildIndex()
    {
        if (_count < IndexedFrom) { _index = null; return; }
        _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
        for (int i = 0; i < _count; i++) _index[At(i).Key] = i;
    }

    private string Resolve(int i)
    {
        ref var entry = ref At(i);
        var decoded = entry.Deferred.Decode();
        return Interlocked.CompareExchange(ref entry.Value, decoded, null) ?? decoded;
    }

    /// <summary>Makes room for <paramref name="fields"/> fields in all, so a reader that knows the count allocates once.</summary>
    public void EnsureCapacity(int fields)
    {
        if (_entries is not null && _capacity >= fields) return;
        Resize(fields);
    }

    private void Resize(int capacity)
    {
        var entries = new Entry[capacity];
        if (_entries is not null) Array.Copy(_entries, _offset, entries, 0, _count);
        _entries = entries;
        _offset = 0;
        _capacity = capacity;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The index of <paramref name="key"/>'s field (for <see cref="KeyAt"/>, <see cref="PeekAt"/> ...), or -1.</summary>
    internal int IndexOfKey(string key) => IndexOf(key);

    /// <summary>Reads <paramref name="key"/>'s value without keeping it: a deferred value is decoded for this read
    /// only. Cleanups that look at every value and change few, and writers, read this way, so a large file's
    /// decoded text is short-lived garbage instead of a heap every later collection has to walk and copy.</summary>
    internal string? Peek(string key)
    {
        int i = IndexOf(key);
        return i < 0 ? null : PeekAt(i);
    }

    /// <summary>The source text of <paramref name="key"/>'s value, when the value is not decoded yet and decodes to
    /// exactly that text (see <see cref="SliceCodec{T}"/>): a writer or a check can use it with no decoding and
    /// no string at all.</summary>
    internal bool TryPeekSource(string key, out ReadOnlyMemory<char> source)
    {
        int i = IndexOf(key);
        if (i >= 0) return TryPeekSource(i, out source);
        source = default;
        return false;
    }

    /// <summary>As <see cref="TryPeekSource(string, out ReadOnlyMemory{char})"/>, for the <paramref name="index"/>th field.</summary>
    internal bool TryPeekSource(int index, out ReadOnlyMemory<char> source)
    {
        ref var entry = ref At(index);
        if (entry.Value is null) return entry.Deferred.TryGetSelfDecoding(out source);
        source = default;
        return false;
    }

    /// <summary>True when the <paramref name="index"/>th value is not decoded yet and its reader can tell from the
    /// source that the decoded text will be collapsed (see <see cref="SliceCodec{T}"/>): a white-space check can
    /// then pass it without decoding or keeping anything. False means "not sure".</summary>
    internal bool DecodesCollapsed(int index)
    {
        ref var entry = ref At(index);
        return entry.Value is null && entry.Deferred.DecodesCollapsed();
    }

    /// <summary>Writes the <paramref name="index"/>th value as the writer of its reader's format would write it, straight
    /// from the source, when it is not decoded yet and its reader can tell how (see <see cref="SliceRewriter"/>).</summary>
    internal bool TryRewrite(int index, bool ascii, ref char[] buffer, int at, out int end)
    {
        ref var entry = ref At(index);
        if (entry.Value is null) return entry.Deferred.TryRewrite(ascii, ref buffer, at, out end);
        end = at;
        return false;
    }

    /// <summary>Decodes the <paramref name="index"/>th value into <paramref name="buffer"/> from <paramref name="at"/>
    /// on when it is not decoded yet and its reader can decode into a buffer: a writer then reads it with no string and
    /// keeps nothing. <paramref name="end"/> is the end of the text. False: read it with <see cref="PeekAt"/>.</summary>
    internal bool TryDecodeTo(int index, ref char[] buffer, int at, out int end)
    {
        ref var entry = ref At(index);
        if (entry.Value is null) return entry.Deferred.TryDecodeTo(ref buffer, at, out end);
        end = at;
        return false;
    }

    /// <summary>The key of the <paramref name="index"/>th field, in insertion order.</summary>
    internal string KeyAt(int index) => At(index).Key;

    /// <summary>The value of the <paramref name="index"/>th field, decoded and kept if it was deferred.</summary>
    internal string ValueAt(int index) => At(index).Value ?? Resolve(index);

    /// <summary>The value of the <paramref name="index"/>th field, read as <see cref="Peek"/> reads.</summary>
    internal string PeekAt(int index)
    {
        ref var entry = ref At(index);
        return entry.Value ?? entry.Deferred.Decode();
    }

    /// <summary>The text of the <paramref name="index"/>th value, read without keeping anything: the source slice
    /// when the value decodes to exactly that, else as <see cref="PeekAt"/> reads.</summary>
    internal ReadOnlySpan<char> PeekText(int index) => TryPeekSource(index, out var source) ? source.Span : PeekAt(index);

    /// <summary>As <see cref="PeekText(int)"/>, where a value that is neither kept nor its own source is decoded into
    /// <paramref name="buffer"/> (a larger one replaces it when it is too small) when its reader can do that, so
    /// no string is made. The text is valid until the buffer is next written.</summary>
    internal ReadOnlySpan<char> PeekText(int index, scoped ref char[] buffer)
    {
        ref var entry = ref At(index);
        if (entry.Value is { } value) return value;
        if (entry.Deferred.TryGetSelfDecoding(out var source)) return source.Span;
        return entry.Deferred.TryDecodeTo(ref buffer, 0, out int length) ? buffer.AsSpan(0, length) : entry.Deferred.Decode();
    }

    public IEnumerable<string> Keys
    {
        get
        {
            for (int i = 0; i < _count; i++) yield return At(i).Key;
        }
    }

    private int IndexOf(string key)
    {
        var entries = _entries;
        if (entries is null) return -1;
        if (_index is not null) return _index.TryGetValue(key, out int at) ? at : -1;
        // One pass: keys are unique, so the first match is the match. Keys are mostly the same interned strings
        // (CSL variable names), so a reference test decides most; the length test spares the rest a compare.
        // A writer asks for thirty-odd variables an entry, most of them absent.
        int from = _offset, end = _offset + _count, length = key.Length;
        for (int i = from; i < end; i++)
        {
            var k = entries[i].Key;
            if (ReferenceEquals(k, key) || (k.Length == length && string.Equals(k, key, StringComparison.Ordinal))) return i - from;
        }
        return -1;
    }

    internal void CopyFrom(FieldMap other)
    {
        EnsureCapacity(_count + other._count);
        foreach (var (k, v) in other) this[k] = v;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return new(At(i).Key, ValueAt(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Hands out room for the entries of many <see cref="FieldMap"/>s in shared chunks, for a reader that builds
/// thousands of references. One arena serves one thread; each map owns the range it was given.
/// </summary>
internal sealed class FieldMapArena
{
    // 4,096 entries of 40 bytes: one large-object chunk, never moved by the collector.
    private const int ChunkSize = 4096;
    private FieldMap.Entry[] _chunk = [];
    private int _used;

    /// <summary>Copies <paramref name="first"/> and then <paramref name="second"/> into one range; returns where.</summary>
    public (FieldMap.Entry[] Chunk, int Offset) Copy(ReadOnlySpan<FieldMap.Entry> first, ReadOnlySpan<FieldMap.Entry> second)
    {
        var (chunk, offset) = Take(first.Length + second.Length);
        first.CopyTo(chunk.AsSpan(offset));
        second.CopyTo(chunk.AsSpan(offset + first.Length));
        return (chunk, offset);
    }

    public (FieldMap.Entry[] Chunk, int Offset) Take(int count)
    {
        if (count > ChunkSize / 16) return (new FieldMap.Entry[count], 0);
        if (_used + count > _chunk.Length)
        {
            _chunk = new FieldMap.Entry[ChunkSize];
            _used = 0;
        }
        int at = _used;
        _used += count;
        return (_chunk, at);
    }
}
