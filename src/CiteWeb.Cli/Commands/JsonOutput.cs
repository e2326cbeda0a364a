using System.Text.Json;

namespace CiteWeb.Cli.Commands;

/// <summary>Indented JSON for the commands' <c>--format json</c>, written field by field so names stay the contract's;
/// names print as written ("D'Ignazio", "Kjøsen"), not as \u escapes.</summary>
internal static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })) write(w);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteStrings(this Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
