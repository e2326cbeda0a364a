using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Export;

public sealed class CslJsonWriterOptions
{
    public static CslJsonWriterOptions Default { get; } = new();

    /// <summary>
    /// Write <c>custom.source</c> {file, line, column}, <c>custom.raw</c> and <c>custom.confidence</c> (default
    /// true). Custom fields are data, not provenance, and are written either way.
    /// </summary>
    public bool IncludeProvenance { get; init; } = true;
}

/// <summary>
/// Writes references as a CSL-JSON array: two-space indentation, LF line ends, UTF-8 with nothing escaped that JSON
/// does not require (non-ASCII text, &lt; &gt; &amp; and emoji stay readable). Key order is fixed so output diffs
/// well: id, type, names (<see cref="Csl.NameVariables"/> order), dates, string variables
/// (<see cref="Csl.StringVariables"/> order), CSL variables the model does not type, then <c>custom</c>.
/// String variables are always written as strings, numeric-looking or not: CSL allows both and strings are lossless.
/// </summary>
public static class CslJsonWriter
{
    private static readonly string[] NamePartOrder = ["family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal"];

    private static JsonWriterOptions WriterOptions => new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Used for keys only; values are quoted by JsonText.Quote, which leaves emoji unescaped too.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IEnumerable<Reference> references, CslJsonWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(references, stream, options);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes the array and a final newline to <paramref name="stream"/>, which is left open.</summary>
    public static void Write(IEnumerable<Reference> references, Stream stream, CslJsonWriterOptions? options = null)
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions)) Write(references, writer, options);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the array to a caller's writer (its indentation options apply) and flushes it.</summary>
    public static void Write(IEnumerable<Reference> references, Utf8JsonWriter writer, CslJsonWriterOptions? options = null)
    {
        options ??= CslJsonWriterOptions.Default;
        writer.WriteStartArray();
        foreach (var reference in references) WriteItem(writer, reference, options);
        writer.WriteEndArray();
        writer.Flush();
    }

    private static void WriteItem(Utf8JsonWriter writer, Reference reference, CslJsonWriterOptions options)
    {
        writer.WriteStartObject();
        WriteString(writer, CslJsonVocabulary.Id, reference.Id);
        WriteString(writer, CslJsonVocabulary.Type, reference.Type);
        var written = new HashSet<string>(StringComparer.Ordinal) { CslJsonVocabulary.Id, CslJsonVocabulary.Type, CslJsonVocabulary.Custom };

        foreach (var role in InOrder(reference.Names.Keys, Csl.NameVariables))
            if (reference.Names[role] is { Count: > 0 } names && written.Add(role)) WriteNames(writer, role, names);
        foreach (var variable in InOrder(reference.Dates.Keys, Csl.DateVariables))
            if (!written.Contains(variable) && CslJsonDates.Write(writer, variable, reference.Dates[variable])) written.Add(variable);
        foreach (var variable in InOrder(reference.Fields.Keys, Csl.StringVariables))
            if (written.Add(variable)) WriteString(writer, variable, reference.Fields[variable]!);

        // Custom holds CSL variables the model does not type (composer, citation-key, source): they go back to the
        // top level, where CSL processors look. Everything else goes in "custom".
        var inCustom = new List<KeyValuePair<string, string>>();
        foreach (var field in reference.Custom)
        {
            if (BelongsAtTopLevel(field.Key) && written.Add(field.Key)) WriteCustomValue(writer, field.Key, field.Value);
            else inCustom.Add(field);
        }

        bool provenance = options.IncludeProvenance && (reference.Source is not null || !reference.RawText.IsEmpty
            || reference.Confidence is not null);
        if (provenance || inCustom.Count > 0)
        {
            writer.WritePropertyName(CslJsonVocabulary.Custom);
            writer.WriteStartObject();
            if (options.IncludeProvenance) WriteProvenance(writer, reference);
            foreach (var (key, value) in inCustom) WriteCustomValue(writer, key, value);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// True for CSL variables the model keeps in Custom, and for Custom fields named like a provenance key: in
    /// "custom" the reader would take those for provenance. Modelled variables (a "title" kept in Custom because
    /// its value was invalid) stay in "custom", or the reader would turn them into typed fields.
    /// </summary>
    private static bool BelongsAtTopLevel(string key) =>
        key is CslJsonVocabulary.ProvenanceSource or CslJsonVocabulary.ProvenanceRaw or CslJsonVocabulary.ProvenanceConfidence
        || (CslJsonVocabulary.KnownVariables.Contains(key) && !CslJsonVocabulary.IsModelled(key)
            && key is not ("shortTitle" or "journalAbbreviation"));

    private static void WriteProvenance(Utf8JsonWriter writer, Reference reference)
    {
        if (reference.Source is { } source)
        {
            writer.WritePropertyName(CslJsonVocabulary.ProvenanceSource);
            writer.WriteStartObject();
            WriteString(writer, "file", source.File);
            writer.WriteNumber("line", source.Line);
            writer.WriteNumber("column", source.Column);
            writer.WriteEndObject();
        }
        if (!reference.RawText.IsEmpty) WriteString(writer, CslJsonVocabulary.ProvenanceRaw, reference.RawText.ToString());
        // JSON has no NaN or infinity; such a confidence is meaningless anyway.
        if (reference.Confidence is double confidence && double.IsFinite(confidence))
            writer.WriteNumber(CslJsonVocabulary.ProvenanceConfidence, confidence);
    }

    private static void WriteNames(Utf8JsonWriter writer, string role, List<PersonName> names)
    {
        writer.WritePropertyName(role);
        writer.WriteStartArray();
        foreach (var name in names)
        {
            string?[] parts = [name.Family, name.Given, name.DroppingParticle, name.NonDroppingParticle, name.Suffix, name.Literal];
            writer.WriteStartObject();
            for (int i = 0; i < parts.Length; i++)
                if (parts[i] is { } part) WriteString(writer, NamePartOrder[i], part);
            // "Maria Puig de la" as the given name: a CSL processor (and CiteWeb's reader) would take "de la" for a
            // dropping particle; the flag keeps the name as it is.
            if (!ReferenceEquals(NameParticles.Parse(name), name)) writer.WriteBoolean("parse-names", false);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>A Custom value that is compact JSON (how the reader keeps arrays and objects) goes back as JSON.</summary>
    private static void WriteCustomValue(Utf8JsonWriter writer, string key, string value)
    {
        if (JsonText.IsCompactContainer(value, out var document))
        {
            using (document)
            {
                writer.WritePropertyName(key);
                document!.RootElement.WriteTo(writer);
            }
            return;
        }
        WriteString(writer, key, value);
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(JsonText.Quote(value), skipInputValidation: true);
    }

    /// <summary>The vocabulary's names first, in its order; then any other keys, sorted, so output is stable.</summary>
    private static IEnumerable<string> InOrder(IEnumerable<string> present, string[] vocabulary)
    {
        var keys = present.ToHashSet(StringComparer.Ordinal);
        foreach (var name in vocabulary)
            if (keys.Remove(name)) yield return name;
        foreach (var name in keys.Order(StringComparer.Ordinal)) yield return name;
    }
}
