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

/// <summary>An entry as scanned, before inheritance and mapping to the model.</summary>
internal sealed class RawEntry(string type, string key, int start)
{
    public string Type { get; set; } = type;
    public string Key { get; set; } = key;
    public int Start { get; } = start;
    public int End { get; set; }
    public List<RawField> Fields { get; } = new(12);
    /// <summary>Scanning of this entry stopped at an error; it is kept with the fields read before it.</summary>
    public bool Broken { get; set; }

    public int IndexOf(string name)
    {
        var fields = Fields;
        for (int i = 0; i < fields.Count; i++)
            if (ReferenceEquals(fields[i].Name, name) || fields[i].Name == name) return i;
        return -1;
    }

    public bool Has(string name) => IndexOf(name) >= 0;
}
