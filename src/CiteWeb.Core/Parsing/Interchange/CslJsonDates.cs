using System.Globalization;
using System.Text;
using System.Text.Json;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>
/// CSL-JSON date objects, both ways, kept in one place so the writer emits exactly what the reader reads back.
/// <c>date-parts</c> holds one date or a two-date range; <c>season</c> 1-4 stands for EDTF months 21-24;
/// <c>circa</c>, <c>literal</c> as in CSL. What CSL-JSON has no key for (an open end, EDTF "?") travels as an
/// EDTF <c>raw</c> string beside the parts, and the reader takes it only when it agrees with them.
/// </summary>
internal static class CslJsonDates
{
    public static PartialDate? FromObject(JsonElement date, out string? problem)
    {
        problem = null;
        DateParts? start = null, end = null;
        if (date.TryGetProperty("date-parts", out var parts))
        {
            int count = parts.ValueKind == JsonValueKind.Array ? parts.GetArrayLength() : 0;
            if (count >= 1) start = Parts(parts[0]);
            if (count >= 2) end = Parts(parts[1]);
            if (count is < 1 or > 2 || start is null || (count == 2 && end is null))
            {
                problem = "has \"date-parts\" that are not a date";
                start = end = null;
            }
        }
        string? raw = Text(date, "raw"), literal = Text(date, "literal");
        if (start is { Month: null } s && Season(date) is int season) start = s with { Month = 20 + season };

        var fromRaw = raw is null ? null : PartialDate.TryParseIso(raw);
        PartialDate? result;
        if (start is not null)
        {
            result = new PartialDate { Start = start, End = end };
            if (fromRaw is not null && fromRaw.Start == start && fromRaw.End == end) result = fromRaw;
        }
        else if (fromRaw is not null) result = fromRaw;
        else if (!string.IsNullOrWhiteSpace(raw)) result = PartialDate.FromLiteral(raw);
        else result = null;

        if (!string.IsNullOrEmpty(literal)) result = result is null ? PartialDate.FromLiteral(literal) : result with { Literal = literal };
        if (result is null)
        {
            problem ??= "has no \"date-parts\", \"raw\" or \"literal\"";
            return null;
        }
        if (Circa(date)) result = result with { Circa = true };
        return result;
    }

    /// <summary>Writes <paramref name="date"/> as a CSL-JSON date object; false (nothing written) when it is empty.</summary>
    public static bool Write(Utf8JsonWriter writer, string name, PartialDate date)
    {
        if (date.Start is null && string.IsNullOrEmpty(date.Literal)) return false;
        writer.WritePropertyName(name);
        writer.WriteStartObject();
        int? season = null;
        if (date.Start is { } start)
        {
            var first = start;
            if (start.Month is >= 21 and <= 24 && start.Day is null)
            {
                season = start.Month - 20;
                first = start with { Month = null };
            }
            var sb = new StringBuilder("[");
            AppendParts(sb, first);
            if (date.End is { } end) AppendParts(sb.Append(", "), end);
            writer.WritePropertyName("date-parts");
            // One line, as CSL-JSON is usually printed; the indented writer would spread it over eight.
            writer.WriteRawValue(sb.Append(']').ToString(), skipInputValidation: true);
        }
        if (season is int n) writer.WriteNumber("season", n);
        if (date.Circa) writer.WriteBoolean("circa", true);
        if (!string.IsNullOrEmpty(date.Literal))
        {
            writer.WritePropertyName("literal");
            writer.WriteRawValue(JsonText.Quote(date.Literal), skipInputValidation: true);
        }
        if (date.Start is not null && (date.Uncertain || date.OpenEnd)) writer.WriteString("raw", date.ToString());
        writer.WriteEndObject();
        return true;
    }

    private static void AppendParts(StringBuilder sb, DateParts parts)
    {
        sb.Append('[').Append(parts.Year.ToString(CultureInfo.InvariantCulture));
        if (parts.Month is int m)
        {
            sb.Append(", ").Append(m.ToString(CultureInfo.InvariantCulture));
            if (parts.Day is int d) sb.Append(", ").Append(d.ToString(CultureInfo.InvariantCulture));
        }
        sb.Append(']');
    }

    /// <summary>[year, month?, day?] as numbers or digit strings; a 0 or "" month or day means "not given".</summary>
    private static DateParts? Parts(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array) return null;
        int length = element.GetArrayLength();
        if (length is < 1 or > 3) return null;
        var numbers = new int?[3];
        for (int i = 0; i < length; i++)
        {
            var part = element[i];
            int? n = part.ValueKind switch
            {
                JsonValueKind.Number when part.TryGetInt32(out int v) => v,
                JsonValueKind.String when JsonText.GetString(part).Trim() is var s
                    && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) => v,
                JsonValueKind.String when JsonText.GetString(part).Trim().Length == 0 && i > 0 => 0,
                _ => null,
            };
            if (n is null) return null;
            numbers[i] = n;
        }
        int year = numbers[0]!.Value;
        int? month = numbers[1] is > 0 ? numbers[1] : null;
        int? day = month is not null && numbers[2] is > 0 ? numbers[2] : null;
        // citeproc-js reads months 13-16 as the four seasons; EDTF, and the model, number them 21-24.
        if (month is >= 13 and <= 16) month += 8;
        var dp = new DateParts(year, month, day);
        return dp.IsValid ? dp : null;
    }

    private static int? Season(JsonElement date)
    {
        if (!date.TryGetProperty("season", out var season)) return null;
        string text = season.ValueKind switch
        {
            JsonValueKind.Number => season.GetRawText(),
            JsonValueKind.String => JsonText.GetString(season).Trim(),
            _ => "",
        };
        return text.ToLowerInvariant() switch
        {
            "1" or "spring" => 1,
            "2" or "summer" => 2,
            "3" or "autumn" or "fall" => 3,
            "4" or "winter" => 4,
            _ => null,
        };
    }

    private static bool Circa(JsonElement date)
    {
        if (!date.TryGetProperty("circa", out var circa)) return false;
        return circa.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => circa.GetRawText() is not ("0" or "0.0"),
            JsonValueKind.String => JsonText.GetString(circa).Trim() is { Length: > 0 } s && s != "0" && !s.Equals("false", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    private static string? Text(JsonElement date, string name) =>
        date.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? JsonText.GetString(value) : null;
}
