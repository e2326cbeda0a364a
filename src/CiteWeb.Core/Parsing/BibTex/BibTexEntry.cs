using System.Buffers;
using System.Runtime.CompilerServices;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>
/// A field as scanned: its lower-case name and its value as LaTeX source. A single delimited value is a slice of
/// the file (no copy); a concatenation or macro is materialised once in <see cref="Built"/>.
/// </summary>
internal readonly struct RawField(string name, int offset, int valueStart, int valueLength, string? built)
{
    public string Name { get; } = name;
    /// <summary>Offset of the field name in the file, for diagnostics.</summary>
    public int Offset { get; } = offset;
    public int ValueStart { get; } = valueStart;
    public int ValueLength { get; } = valueLength;
    public string? Built { get; } = built;

    public ReadOnlySpan<char> Value(string text) => Built is null ? text.AsSpan(ValueStart, ValueLength) : Built.AsSpan();

    public RawField Renamed(string name) => new(name, Offset, ValueStart, ValueLength, Built);
}

/// <summary>
/// An entry as scanned, before inheritance and mapping to the model. Its scanned fields live in a chunk shared
/// with the entries around it (<see cref="FieldArena"/>): a file of 100,000 entries then costs a few dozen
/// arrays, not 100,000 lists. Fields inherited later go to a list of the entry's own.
/// </summary>
internal sealed class RawEntry(string type, string key, int start)
{
    private RawField[] _chunk = [];
    private int _first;
    private int _scanned;
    private List<RawField>? _inherited;
    // One bit per field name present, by a cheap hash of the name (a Bloom filter of one word): most questions
    // are about fields an entry lacks, and a clear bit answers them without a look at the fields.
    private ulong _names;

    public string Type { get; set; } = type;
    public string Key { get; set; } = key;
    public int Start { get; } = start;
    public int End { get; set; }
    /// <summary>Line and column of <see cref="Start"/>, set by the reader's pass over the keys (which walks the
    /// file in order anyway), so the mapper need not count lines again.</summary>
    public int Line { get; set; }
    public int Column { get; set; }
    /// <summary>Scanning of this entry stopped at an error; it is kept with the fields read before it.</summary>
    public bool Broken { get; set; }

    public int FieldCount => _scanned + (_inherited?.Count ?? 0);

    public RawField Field(int i) => i < _scanned ? _chunk[_first + i] : _inherited![i - _scanned];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(string name) => (_names & NameBit(name)) == 0 ? -1 : Find(name);

    private int Find(string name)
    {
        // Read in place, not copied out field by field: the scanner asks this once a field.
        var chunk = _chunk;
        for (int i = 0; i < _scanned; i++)
        {
            var n = chunk[_first + i].Name;
            if (ReferenceEquals(n, name) || (n.Length == name.Length && string.Equals(n, name, StringComparison.Ordinal))) return i;
        }
        if (_inherited is { } inherited)
            for (int i = 0; i < inherited.Count; i++)
                if (inherited[i].Name == name) return _scanned + i;
        return -1;
    }

    public bool Has(string name) => IndexOf(name) >= 0;

    /// <summary>Adds an inherited field (crossref, xdata).</summary>
    public void Inherit(RawField field)
    {
        (_inherited ??= []).Add(field);
        _names |= NameBit(field.Name);
    }

    private static ulong NameBit(string name) => name.Length == 0 ? 1UL : 1UL << ((name.Length * 7 + name[0] + name[^1] * 3) & 63);

    internal void Place(RawField[] chunk, int first, int scanned)
    {
        _names |= NameBit(chunk[first + scanned - 1].Name);
        _chunk = chunk;
        _first = first;
        _scanned = scanned;
    }

    internal (RawField[] Chunk, int First, int Count) Scanned => (_chunk, _first, _scanned);
}

/// <summary>
/// Hands out room for scanned fields in large shared chunks; an entry's fields stay contiguous. The chunks are
/// rented from the shared array pool and given back (<see cref="Release"/>) once the entries are mapped: scanned
/// fields live only as long as one parse, so a run over many files, or a file parsed again, reuses the same
/// memory instead of asking the collector for tens of megabytes each time.
/// </summary>
internal sealed class FieldArena
{
    private const int ChunkSize = 32_768;
    private RawField[] _chunk = [];
    private int _used;
    private readonly List<RawField[]> _rented = [];

    public void Append(RawEntry entry, RawField field)
    {
        var (chunk, first, count) = entry.Scanned;
        if (count == 0) { first = _used; chunk = _chunk; }
        if (first + count == chunk.Length || chunk != _chunk)
        {
            // The entry does not fit in what is left of this chunk: move its fields to a fresh one.
            var next = ArrayPool<RawField>.Shared.Rent(Math.Max(ChunkSize, (count + 1) * 2));
            _rented.Add(next);
            Array.Copy(chunk, first, next, 0, count);
            _chunk = next;
            _used = count;
            chunk = next;
            first = 0;
        }
        chunk[first + count] = field;
        _used = first + count + 1;
        entry.Place(chunk, first, count + 1);
    }

    /// <summary>Gives every chunk back to the pool, cleared. The entries scanned into them must not be read again.</summary>
    public void Release()
    {
        foreach (var chunk in _rented) ArrayPool<RawField>.Shared.Return(chunk, clearArray: true);
        _rented.Clear();
        _chunk = [];
        _used = 0;
    }
}
