using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>JSON text helpers shared by the CSL-JSON reader and writer.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions CompactOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>
    /// The compact JSON text of a value. Custom keeps non-string values in this one form so that reading what the
    /// writer wrote gives back the very same string, whatever whitespace the original file had.
    /// </summary>
    public static string Compact(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactOptions)) value.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// True when <paramref name="value"/> is an array or object in exactly the <see cref="Compact"/> form: then it
    /// came from a JSON value and goes back as one. Any other string ("[draft]", "[1, 2]") stays a string, which
    /// keeps Read(Write(x)) lossless.
    /// </summary>
    public static bool IsCompactContainer(string value, out JsonDocument? document)
    {
        document = null;
        if (value.Length < 2 || value[0] is not ('[' or '{')) return false;
        try
        {
            var doc = JsonDocument.Parse(value);
            if (Compact(doc.RootElement) == value) { document = doc; return true; }
            doc.Dispose();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON (or not transcodable): an ordinary string.
        }
        return false;
    }

    /// <summary>
    /// The string of a JSON string value. JsonElement.GetString throws on an escaped lone surrogate ("\uD800");
    /// such text is corrupt but it is the user's data, so it is decoded by hand instead of failing the item.
    /// </summary>
    public static string GetString(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Unescape(value.GetRawText());
        }
    }

    /// <summary>A JSON string literal for <paramref name="s"/>: escapes only what JSON requires, so non-ASCII
    /// text, &lt; &gt; &amp; and emoji stay readable; lone surrogates are escaped so the UTF-8 output stays valid.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ') AppendEscape(sb, c);
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); }
                    else if (char.IsSurrogate(c)) AppendEscape(sb, c);
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static void AppendEscape(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));

    /// <summary>Decodes a JSON string literal (quotes included) that the reader has already validated.</summary>
    private static string Unescape(string literal)
    {
        var sb = new StringBuilder(literal.Length);
        for (int i = 1; i < literal.Length - 1; i++)
        {
            char c = literal[i];
            if (c != '\\' || i + 1 >= literal.Length - 1) { sb.Append(c); continue; }
            char e = literal[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u' when i + 4 < literal.Length
                    && int.TryParse(literal.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }
        return sb.ToString();
    }
}
