using System.Globalization;
using System.Text;

namespace CiteWeb.Core.Model;

/// <summary>One end of a date: a year, optionally a month and a day (CSL "date-parts").</summary>
public readonly record struct DateParts(int Year, int? Month = null, int? Day = null)
{
    public bool IsValid =>
        Month is null ? Day is null :
        Month is >= 1 and <= 12 or >= 21 and <= 24 // 21-24: EDTF seasons
        && (Day is null || (Month <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(Math.Clamp(Year, 1, 9999), Month.Value)));

    /// <summary>ISO 8601 / EDTF form: 2019, 2019-03, 2019-03-02 (negative years and years past 9999 allowed).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Year < 0 ? "-" + (-Year).ToString("D4", CultureInfo.InvariantCulture) : Year.ToString("D4", CultureInfo.InvariantCulture));
        if (Month is { } m) sb.Append('-').Append(m.ToString("D2", CultureInfo.InvariantCulture));
        if (Day is { } d) sb.Append('-').Append(d.ToString("D2", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}

/// <summary>
/// A CSL date: a single partial date, a range (<see cref="End"/>), an open range, or text that is not a date
/// (<see cref="Literal"/>, e.g. "forthcoming"). <see cref="Circa"/> and <see cref="Uncertain"/> carry EDTF's
/// "~" and "?" qualifiers.
/// </summary>
public sealed record PartialDate
{
    public DateParts? Start { get; init; }
    public DateParts? End { get; init; }
    /// <summary>True for a range open at its end ("2019/..").</summary>
    public bool OpenEnd { get; init; }
    public bool Circa { get; init; }
    public bool Uncertain { get; init; }
    public string? Literal { get; init; }

    public int? Year => Start?.Year;

    public static PartialDate FromYear(int year, int? month = null, int? day = null) => new() { Start = new DateParts(year, month, day) };

    public static PartialDate FromLiteral(string text) => new() { Literal = text };

    /// <summary>EDTF level 0/1 text: "2019", "2019-03-02", "2019-03/2019-05", "2019/..", "2019~", "2019?".</summary>
    public override string ToString()
    {
        if (Start is null) return Literal ?? "";
        var s = Start.Value.ToString();
        if (Circa && Uncertain) s += "%";
        else if (Circa) s += "~";
        else if (Uncertain) s += "?";
        if (End is { } e) s += "/" + e;
        else if (OpenEnd) s += "/..";
        return s;
    }

    /// <summary>Parses ISO 8601 / EDTF (levels 0 and 1 as BibLaTeX accepts them). Returns null for other text.</summary>
    public static PartialDate? TryParseIso(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return null;
        int slash = text.IndexOf('/');
        if (slash < 0)
        {
            var single = TryParseOne(text, out bool circa, out bool uncertain);
            return single is null ? null : new PartialDate { Start = single, Circa = circa, Uncertain = uncertain };
        }
        var left = text[..slash].Trim();
        var right = text[(slash + 1)..].Trim();
        bool openStart = left.IsEmpty || left.SequenceEqual("..");
        bool openEnd = right.IsEmpty || right.SequenceEqual("..");
        if (openStart && openEnd) return null;
        DateParts? start = null, end = null;
        bool c = false, u = false;
        if (!openStart) { start = TryParseOne(left, out c, out u); if (start is null) return null; }
        if (!openEnd) { end = TryParseOne(right, out _, out _); if (end is null) return null; }
        // An interval open at its start has no CSL form; keep its end as the single date.
        if (openStart) return new PartialDate { Start = end };
        if (end is { } e && start is { } s && !IsOrdered(s, e)) return null;
        return new PartialDate { Start = start, End = end, OpenEnd = openEnd, Circa = c, Uncertain = u };
    }

    private static bool IsOrdered(DateParts a, DateParts b) =>
        a.Year != b.Year ? a.Year < b.Year :
        (a.Month ?? 0) != (b.Month ?? 0) ? (a.Month ?? 0) <= (b.Month ?? 0) || a.Month > 12 || b.Month > 12 :
        (a.Day ?? 0) <= (b.Day ?? 0);

    private static DateParts? TryParseOne(ReadOnlySpan<char> s, out bool circa, out bool uncertain)
    {
        circa = uncertain = false;
        while (!s.IsEmpty && s[^1] is '~' or '?' or '%')
        {
            if (s[^1] is '~' or '%') circa = true;
            if (s[^1] is '?' or '%') uncertain = true;
            s = s[..^1];
        }
        bool negative = false;
        if (!s.IsEmpty && s[0] == '-') { negative = true; s = s[1..]; }
        // Drop a time part: 2019-03-02T10:00:00Z.
        int t = s.IndexOf('T');
        if (t > 0) s = s[..t];
        Span<int> parts = stackalloc int[3];
        int count = 0;
        foreach (var range in s.Split('-'))
        {
            var piece = s[range];
            if (count == 3 || piece.IsEmpty || piece.Length > (count == 0 ? 5 : 2)) return null;
            if (count == 0 && piece.Length < 4 && !negative) return null;
            foreach (char ch in piece) if (ch is < '0' or > '9') return null;
            parts[count++] = int.Parse(piece, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        if (count == 0) return null;
        var dp = new DateParts(negative ? -parts[0] : parts[0], count > 1 ? parts[1] : null, count > 2 ? parts[2] : null);
        return dp.IsValid ? dp : null;
    }
}
