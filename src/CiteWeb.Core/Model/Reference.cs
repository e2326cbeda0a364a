namespace CiteWeb.Core.Model;

/// <summary>
/// One bibliographic reference, aligned with CSL-JSON: <see cref="Id"/> is the citation key, <see cref="Type"/> a
/// CSL type; string variables, names and dates are kept by their CSL variable names. What CSL has no variable for
/// (original BibTeX fields such as <c>organization</c>) lives in <see cref="Custom"/>. Provenance — where the
/// entry was read and its text as printed — travels with it.
/// </summary>
public sealed class Reference
{
    // The four maps are made on first use. A reader of a large file hands a reference its maps' contents as
    // ranges of chunks shared with thousands of other references (PackedMaps), so a parsed reference is one
    // object (with its key) until its maps are first asked for, not five: the collector, which copies every
    // reference a parse makes at least once, then has that much less to trace and copy.
    private FieldMap? _fields;
    private FieldMap? _custom;
    private SmallMap<List<PersonName>>? _names;
    private SmallMap<PartialDate>? _dates;
    private readonly PackedMaps _packed;

    public Reference(string id, string type)
    {
        Id = id;
        Type = type;
    }

    internal Reference(string id, string type, in PackedMaps packed) : this(id, type) => _packed = packed;

    public string Id { get; set; }
    public string Type { get; set; }

    /// <summary>String variables by CSL name (<see cref="Csl.StringVariables"/>). Values are CSL rich text: protected
    /// case is marked with <c>&lt;span class="nocase"&gt;</c>, as citeproc processors read it.</summary>
    public FieldMap Fields => _fields ?? Publish(ref _fields, _packed.Fields is { } c ? new FieldMap(c, _packed.FieldsOffset, _packed.FieldsCount) : new());
    public SmallMap<List<PersonName>> Names => _names ?? Publish(ref _names, _packed.Names is { } c ? new SmallMap<List<PersonName>>(c, _packed.NamesOffset, _packed.NamesCount) : new());
    public SmallMap<PartialDate> Dates => _dates ?? Publish(ref _dates, _packed.Dates is { } c ? new SmallMap<PartialDate>(c, _packed.DatesOffset, _packed.DatesCount) : new());
    /// <summary>Fields with no CSL variable, by their lower-case source name (e.g. BibTeX <c>organization</c>).</summary>
    public FieldMap Custom => _custom ?? Publish(ref _custom, _packed.Fields is { } c ? new FieldMap(c, _packed.FieldsOffset + _packed.FieldsCount, _packed.CustomCount) : new());

    // Two threads that make the same map at once agree on the first one published.
    private static T Publish<T>(ref T? slot, T made) where T : class => Interlocked.CompareExchange(ref slot, made, null) ?? made;

    /// <summary>Where the entry starts in its source file.</summary>
    public SourceSpan? Source { get; set; }
    /// <summary>The entry's text exactly as printed in the source.</summary>
    public ReadOnlyMemory<char> RawText { get; set; }
    public string? Raw => RawText.IsEmpty ? null : RawText.ToString();
    /// <summary>How sure the parser is of this record, 0..1 (null where the source was structured).</summary>
    public double? Confidence { get; set; }

    public string? this[string variable]
    {
        get => Fields[variable];
        set => Fields[variable] = value;
    }

    public string? Title { get => Fields[Csl.Title]; set => Fields[Csl.Title] = value; }
    public string? ContainerTitle { get => Fields[Csl.ContainerTitle]; set => Fields[Csl.ContainerTitle] = value; }
    public string? Publisher { get => Fields[Csl.Publisher]; set => Fields[Csl.Publisher] = value; }
    public string? Page { get => Fields[Csl.Page]; set => Fields[Csl.Page] = value; }
    public string? Doi { get => Fields[Csl.Doi]; set => Fields[Csl.Doi] = value; }
    public string? Url { get => Fields[Csl.Url]; set => Fields[Csl.Url] = value; }

    public IReadOnlyList<PersonName> Author => Names.TryGetValue(Csl.Author, out var l) ? l : [];
    public IReadOnlyList<PersonName> Editor => Names.TryGetValue(Csl.Editor, out var l) ? l : [];
    public PartialDate? Issued
    {
        get => Dates.GetValueOrDefault(Csl.Issued);
        set { if (value is null) Dates.Remove(Csl.Issued); else Dates[Csl.Issued] = value; }
    }

    /// <summary>The names a reference is cited by: its authors, else its editors, else other contributors.</summary>
    public IReadOnlyList<PersonName> Creators
    {
        get
        {
            foreach (var role in Csl.NameVariables)
                if (Names.TryGetValue(role, out var l) && l.Count > 0) return l;
            return [];
        }
    }

    /// <summary>The first of <see cref="Creators"/>, or null when there is none: what citation keys and duplicate
    /// matching need. A name list still in its source form is not split whole for it, and nothing is kept.</summary>
    public PersonName? FirstCreator
    {
        get
        {
            foreach (var role in Csl.NameVariables)
                if (Names.PeekFirst<PersonName>(role) is { } first) return first;
            return null;
        }
    }

    public void SetNames(string role, List<PersonName>? names)
    {
        if (names is null || names.Count == 0) Names.Remove(role);
        else Names[role] = names;
    }

    public Reference Clone()
    {
        var copy = new Reference(Id, Type) { Source = Source, RawText = RawText, Confidence = Confidence };
        copy.Fields.CopyFrom(Fields);
        copy.Custom.CopyFrom(Custom);
        foreach (var (k, v) in Names) copy.Names[k] = [.. v];
        foreach (var (k, v) in Dates) copy.Dates[k] = v;
        return copy;
    }

    public override string ToString() => $"{Id} ({Type}): {Title}";
}

/// <summary>
/// Where a reader put a reference's maps: its string variables and then its custom fields in one range of a
/// shared <see cref="FieldMap"/> chunk, its names and its dates each in a range of a shared <see cref="SmallMap{T}"/>
/// chunk. Each range belongs to that reference alone; the maps made over them change it in place.
/// </summary>
internal readonly record struct PackedMaps(
    FieldMap.Entry[]? Fields, int FieldsOffset, int FieldsCount, int CustomCount,
    SmallMap<List<PersonName>>.Entry[]? Names, int NamesOffset, int NamesCount,
    SmallMap<PartialDate>.Entry[]? Dates, int DatesOffset, int DatesCount);
