using System.Globalization;
using System.Text.Json;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>Where an item sits in its file, and where to report what is wrong with it.</summary>
internal sealed record CslJsonItemSite(
    string FileName, int Index, SourceSpan Span, ReadOnlyMemory<char> RawText, List<Diagnostic> Diagnostics,
    Func<string, SourceSpan> PropertySpan)
{
    public void Report(string code, Severity severity, string message, SourceSpan span) =>
        Diagnostics.Add(new Diagnostic(code, severity, message, span));
}

/// <summary>Turns one parsed CSL-JSON item into a <see cref="Reference"/>; the positions come from the caller.</summary>
internal static class CslJsonItemReader
{
    public static Reference? Read(JsonElement item, CslJsonItemSite site)
    {
        var reference = new Reference("", "document") { Source = site.Span, RawText = site.RawText };
        string? id = null, type = null;
        bool typeGiven = false;
        JsonElement? custom = null;
        foreach (var property in item.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case CslJsonVocabulary.Id: id = Scalar(value); continue;
                case CslJsonVocabulary.Type:
                    typeGiven = true;
                    type = value.ValueKind == JsonValueKind.String ? JsonText.GetString(value).Trim() : null;
                    continue;
                case CslJsonVocabulary.Custom: custom = value; continue;
            }
            if (value.ValueKind != JsonValueKind.Null) ReadVariable(reference, property.Name, value, site);
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            site.Report(DiagnosticCodes.InvalidCslItem, Severity.Error, $"item {site.Index} has no \"id\"; skipped", site.Span);
            return null;
        }
        reference.Id = id.Trim();
        if (string.IsNullOrEmpty(type))
        {
            string why = typeGiven ? "\"type\" is not a CSL type name" : "no \"type\"";
            site.Report(DiagnosticCodes.MissingCslType, Severity.Warning, $"item \"{reference.Id}\" has {why}; read as \"document\"",
                typeGiven ? site.PropertySpan(CslJsonVocabulary.Type) : site.Span);
            type = "document";
        }
        else if (!Csl.Types.Contains(type))
        {
            site.Report(DiagnosticCodes.UnknownCslType, Severity.Warning, $"\"{type}\" is not a CSL item type; kept as is",
                site.PropertySpan(CslJsonVocabulary.Type));
        }
        reference.Type = type;
        if (custom is { } c) ReadCustom(reference, c, site);
        ReadNoteVariables(reference, custom is not null);
        return reference;
    }

    /// <summary>
    /// Zotero writes its Extra field into "note", and there users keep CSL variables Zotero has no field for, one
    /// "variable: value" line each ("original-date: 1975", "PMID: 34820643", "citation-key: paullada2021"); CSL
    /// processors (citeproc-js, pandoc) read them as the variables. So does this, for a CSL variable named exactly
    /// that the item does not have already (unmodelled ones go to Custom, as at the top level; names, "type" and
    /// anything else stay in the note); the note keeps its other lines.
    /// </summary>
    private static void ReadNoteVariables(Reference reference, bool hasCustom)
    {
        // An item with a "custom" object comes from a tool that keeps its own data there (CiteWeb's writer does; Zotero
        // never writes one): its note is data as written, and reading it again must give the same item.
        if (hasCustom || reference.Fields[Csl.Note] is not { } note || !note.Contains(':')) return;
        var kept = new List<string>();
        bool taken = false;
        foreach (var line in note.Split('\n'))
        {
            int colon = line.IndexOf(':');
            var key = colon > 0 ? line[..colon].Trim() : "";
            var value = colon > 0 ? line[(colon + 1)..].Trim() : "";
            // The variable's own name, case and all: "Accessed: 2023-05-17" is prose, "accessed: 2023-05-17" a variable.
            if (value.Length > 0 && key.Length > 0 && CslJsonVocabulary.KnownVariables.Contains(key))
            {
                if (Array.IndexOf(Csl.StringVariables, key) >= 0 && key != Csl.Note)
                {
                    if (reference.Fields[key] is null) { reference.Fields[key] = value; taken = true; continue; }
                }
                else if (Array.IndexOf(Csl.DateVariables, key) >= 0)
                {
                    if (!reference.Dates.ContainsKey(key))
                    {
                        reference.Dates[key] = PartialDate.TryParseIso(value) ?? PartialDate.FromLiteral(value);
                        taken = true;
                        continue;
                    }
                }
                else if (Array.IndexOf(Csl.NameVariables, key) < 0 && !CslJsonVocabulary.IsStructural(key) && reference.Custom[key] is null)
                {
                    reference.Custom[key] = value;
                    taken = true;
                    continue;
                }
            }
            kept.Add(line);
        }
        if (!taken) return;
        var rest = string.Join('\n', kept).Trim('\n');
        reference.Fields[Csl.Note] = rest.Length == 0 ? null : rest;
    }

    private static void ReadVariable(Reference reference, string name, JsonElement value, CslJsonItemSite site)
    {
        // Case-insensitive: "doi" and "url" are common in hand-written files and mean nothing else.
        if (Csl.Canonical(name, Csl.StringVariables) is { } field)
        {
            if (Scalar(value) is { } text) reference.Fields[field] = text;
            else Invalid(reference, name, value, site, "should be a string or a number");
            return;
        }
        if (Csl.Canonical(name, Csl.NameVariables) is { } role)
        {
            ReadNames(reference, role, name, value, site);
            return;
        }
        if (Csl.Canonical(name, Csl.DateVariables) is { } dateVariable)
        {
            var date = ReadDate(value, out string? problem);
            if (date is not null) reference.Dates[dateVariable] = date;
            if (problem is not null) Invalid(reference, name, value, site, problem, keep: date is null);
            return;
        }
        // Zotero's legacy names for two modelled variables.
        var alias = name switch { "shortTitle" => Csl.TitleShort, "journalAbbreviation" => Csl.ContainerTitleShort, _ => null };
        if (alias is not null && reference.Fields[alias] is null && value.ValueKind == JsonValueKind.String)
        {
            reference.Fields[alias] = JsonText.GetString(value);
            return;
        }
        reference.Custom[name] = ValueText(value);
        if (!CslJsonVocabulary.KnownVariables.Contains(name))
            site.Report(DiagnosticCodes.UnknownCslVariable, Severity.Info, $"\"{name}\" is not a CSL variable; kept in custom",
                site.PropertySpan(name));
    }

    private static void ReadNames(Reference reference, string role, string name, JsonElement value, CslJsonItemSite site)
    {
        var names = new List<PersonName>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var element in value.EnumerateArray())
                {
                    var person = ReadName(element);
                    if (person is not null) names.Add(person);
                    else site.Report(DiagnosticCodes.InvalidCslValue, Severity.Warning,
                        $"a name in \"{name}\" has no name parts; skipped", site.PropertySpan(name));
                }
                break;
            case JsonValueKind.Object when ReadName(value) is { } single:
                names.Add(single);
                break;
            case JsonValueKind.String:
                // A plain string is a common mistake; keep it whole rather than guess how to split it.
                names.Add(PersonName.Organisation(JsonText.GetString(value)));
                site.Report(DiagnosticCodes.InvalidCslValue, Severity.Warning,
                    $"\"{name}\" should be an array of names; read as one literal name", site.PropertySpan(name));
                break;
            default:
                Invalid(reference, name, value, site, "should be an array of names");
                return;
        }
        reference.SetNames(role, names);
    }

    private static PersonName? ReadName(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
            return JsonText.GetString(element) is { Length: > 0 } literal ? PersonName.Organisation(literal) : null;
        if (element.ValueKind != JsonValueKind.Object) return null;
        var name = new PersonName
        {
            Family = Part(element, "family"),
            Given = Part(element, "given"),
            NonDroppingParticle = Part(element, "non-dropping-particle"),
            DroppingParticle = Part(element, "dropping-particle"),
            Suffix = Part(element, "suffix"),
            Literal = Part(element, "literal"),
        };
        bool empty = name.Family is null && name.Given is null && name.NonDroppingParticle is null
            && name.DroppingParticle is null && name.Suffix is null && name.Literal is null;
        return empty ? null : ParseParticles(name, element);
    }

    /// <summary>
    /// Particles typed into the family or given name ("de la Fontaine", "Alexander von") are read as CSL processors
    /// read them (<see cref="NameParticles"/>), unless the name says "parse-names": false or "static-particles": true.
    /// </summary>
    private static PersonName ParseParticles(PersonName name, JsonElement element) =>
        Flag(element, "parse-names") == false || Flag(element, "static-particles") == true ? name : NameParticles.Parse(name);

    private static bool? Flag(JsonElement element, string flag) =>
        !element.TryGetProperty(flag, out var v) ? null
        : v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => JsonText.GetString(v).Trim().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null },
            _ => null,
        };



    private static string? Part(JsonElement name, string part) =>
        name.TryGetProperty(part, out var value) ? Scalar(value) : null;

    /// <summary>A CSL date object, or the looser forms found in the wild: an EDTF string, a bare year.</summary>
    private static PartialDate? ReadDate(JsonElement value, out string? problem)
    {
        problem = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return CslJsonDates.FromObject(value, out problem);
            case JsonValueKind.String:
                var text = JsonText.GetString(value).Trim();
                if (text.Length == 0) { problem = "is an empty date"; return null; }
                return PartialDate.TryParseIso(text) ?? PartialDate.FromLiteral(text);
            case JsonValueKind.Number when value.TryGetInt32(out int year):
                return PartialDate.FromYear(year);
            default:
                problem = "should be a date object with \"date-parts\"";
                return null;
        }
    }

    private static void ReadCustom(Reference reference, JsonElement custom, CslJsonItemSite site)
    {
        if (custom.ValueKind == JsonValueKind.Null) return;
        if (custom.ValueKind != JsonValueKind.Object)
        {
            Invalid(reference, CslJsonVocabulary.Custom, custom, site, "should be an object");
            return;
        }
        foreach (var property in custom.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null) continue;
            switch (property.Name)
            {
                case CslJsonVocabulary.ProvenanceSource when ReadSource(value, site.FileName) is { } source:
                    // The span the record was first read at (say, the works-cited line) beats its place in this
                    // intermediate JSON file; diagnostics above still point into this file.
                    reference.Source = source;
                    continue;
                case CslJsonVocabulary.ProvenanceRaw when value.ValueKind == JsonValueKind.String:
                    reference.RawText = JsonText.GetString(value).AsMemory();
                    continue;
                case CslJsonVocabulary.ProvenanceConfidence when ReadNumber(value) is { } confidence:
                    reference.Confidence = confidence;
                    continue;
                case CslJsonVocabulary.ProvenanceSource or CslJsonVocabulary.ProvenanceRaw or CslJsonVocabulary.ProvenanceConfidence:
                    site.Report(DiagnosticCodes.InvalidCslValue, Severity.Warning,
                        $"custom \"{property.Name}\" is not in the provenance form; kept as a custom field", site.PropertySpan(CslJsonVocabulary.Custom));
                    break;
            }
            reference.Custom[property.Name] = ValueText(value);
        }
    }

    private static SourceSpan? ReadSource(JsonElement value, string fileName)
    {
        if (value.ValueKind != JsonValueKind.Object) return null;
        string file = value.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? JsonText.GetString(f) : fileName;
        if (!value.TryGetProperty("line", out var l) || !l.TryGetInt32(out int line)) return null;
        int column = value.TryGetProperty("column", out var c) && c.TryGetInt32(out int col) ? col : 1;
        return new SourceSpan(file, line, column);
    }

    private static double? ReadNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out double d) => d,
        JsonValueKind.String when double.TryParse(JsonText.GetString(value), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => null,
    };

    /// <summary>A value that is wrong for its variable is kept in Custom, as compact JSON, so nothing is lost.</summary>
    private static void Invalid(Reference reference, string name, JsonElement value, CslJsonItemSite site, string problem, bool keep = true)
    {
        if (keep) reference.Custom[name] = ValueText(value);
        site.Report(DiagnosticCodes.InvalidCslValue, Severity.Warning,
            $"\"{name}\" {problem}{(keep ? "; kept in custom" : "")}", site.PropertySpan(name));
    }

    /// <summary>Strings as they are, numbers as written ("volume": 10 is "10"), anything else not a string.</summary>
    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonText.GetString(value),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonText.GetString(value),
        JsonValueKind.Array or JsonValueKind.Object => JsonText.Compact(value),
        _ => value.GetRawText(),
    };
}
