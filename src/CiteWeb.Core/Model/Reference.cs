namespace CiteWeb.Core.Model;

/// <summary>
/// One bibliographic reference, aligned with CSL-JSON: <see cref="Id"/> is the citation key, <see cref="Type"/> a
/// CSL type; string variables, names and dates are kept by their CSL variable names. What CSL has no variable for
/// (original BibTeX fields such as <c>organization</c>) lives in <see cref="Custom"/>. Provenance — where the
/// entry was read and its text as printed — travels with it.
/// </summary>
public sealed class Reference
{
    public Reference(string id, string type)
    {
        Id = id;
        Type = type;
    }

    public string Id { get; set; }
    public string Type { get; set; }

    /// <summary>String variables by CSL name (<see cref="Csl.StringVariables"/>). Values are CSL rich text: protected
    /// case is marked with <c>&lt;span class="nocase"&gt;</c>, as citeproc processors read it.</summary>
    public FieldMap Fields { get; } = new();
    public SmallMap<List<PersonName>> Names { get; } = new();
    public SmallMap<PartialDate> Dates { get; } = new();
    /// <summary>Fields with no CSL variable, by their lower-case source name (e.g. BibTeX <c>organization</c>).</summary>
    public FieldMap Custom { get; } = new();

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
