using System.Text.RegularExpressions;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>A printed date: day, month and year as far as printed (the year may be missing: "May", "July 21").</summary>
internal readonly record struct PrintedDate(int? Year, int? Month, int? Day)
{
    public DateParts? ToParts(int? fallbackYear = null) =>
        (Year ?? fallbackYear) is int y ? new DateParts(y, Month, Month is null ? null : Day) : null;
}

/// <summary>
/// Reads the dates works-cited lists print: "2017", "2023a", "September 1995", "22 February 2023", "02 oct. 2016",
/// "October 9, 2002", "2019, July 21" (APA), "May" (a month after a year given earlier), "Spring 2020",
/// "23.09.-27.09.2019", "2019-2020", "September 28, 2018 – April 14, 2019". Only whole matches count: a number that
/// is a volume or a page is not a date.
/// </summary>
internal static partial class DateText
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private const string Month = @"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
    private const string Season = @"(?:spring|summer|autumn|fall|winter)(?:\s*/\s*(?:spring|summer|autumn|fall|winter))?";

    // ASCII digits ([0-9], not \d, which takes the digits of every script): the groups go to int.Parse, which reads
    // only ASCII ones ("TechCrunch, ៨9 March 2017" threw out of the reader).
    [GeneratedRegex(@"^(?<y>1[5-9][0-9][0-9]|20[0-9][0-9])[a-z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();

    // 22 February 2023 | 02 oct. 2016 | February 2023 | February, 2023 | May/June 2013 | Spring 2020
    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,2})(?:st|nd|rd|th)?\.?\s+)?(?:(?<m>" + Month + @")(?:\s*/\s*" + Month + @")?|" + Season + @")\.?,?\s+(?<y>1[5-9][0-9][0-9]|20[0-9][0-9])[a-z]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYearRegex();

    // October 9, 2002 | Oct. 9 2002
    [GeneratedRegex(@"^(?<m>" + Month + @")\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<y>1[5-9][0-9][0-9]|20[0-9][0-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYearRegex();

    // 2019, July 21 | 2018, January | 2021, June 9 (APA)
    [GeneratedRegex(@"^(?<y>1[5-9][0-9][0-9]|20[0-9][0-9])[a-z]?,\s*(?<m>" + Month + @")\.?(?:\s+(?<d>[0-9]{1,2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDayRegex();

    // May | July 21 | 21 July (a year printed elsewhere)
    [GeneratedRegex(@"^(?:(?<m>" + Month + @")\.?(?:\s+(?<d>[0-9]{1,2}))?|(?<d>[0-9]{1,2})\s+(?<m>" + Month + @")\.?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthOnlyRegex();

    // 23.09.2019 | 2023-05-01
    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,2})\.(?<m>[0-9]{1,2})\.(?<y>[0-9]{4})|(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericRegex();

    // 23.09.-27.09.2019
    [GeneratedRegex(@"^(?<d1>[0-9]{1,2})\.(?<m1>[0-9]{1,2})\.?\s*[-–—]\s*(?<d2>[0-9]{1,2})\.(?<m2>[0-9]{1,2})\.(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericRangeRegex();

    /// <summary>Parses a printed date or date range. Returns false for anything that is not wholly a date.</summary>
    public static bool TryParse(string text, out PrintedDate start, out PrintedDate? end)
    {
        end = null;
        start = default;
        // Most parts of an entry are words: a date has a digit or starts with a month or season.
        if (text.Length is 0 or > 70 || text.AsSpan().IndexOfAnyInRange('0', '9') < 0 && !StartsLikeMonth(text.AsSpan().TrimStart())) return false;
        var t = text.Trim().TrimEnd('.', ',').Trim();
        if (t.Length is 0 or > 60) return false;
        var range = NumericRangeRegex().Match(t);
        if (range.Success)
        {
            int y = int.Parse(range.Groups["y"].Value);
            start = new PrintedDate(y, int.Parse(range.Groups["m1"].Value), int.Parse(range.Groups["d1"].Value));
            end = new PrintedDate(y, int.Parse(range.Groups["m2"].Value), int.Parse(range.Groups["d2"].Value));
            return Valid(start) && Valid(end.Value);
        }
        if (TryOne(t, out start)) return true;
        // A range of two dates: "2019-2020", "September 28, 2018 – April 14, 2019".
        foreach (var dash in (ReadOnlySpan<string>)[" – ", " — ", " - ", "–", "—", "-", "/"])
        {
            int at = t.IndexOf(dash, StringComparison.Ordinal);
            if (at <= 0) continue;
            if (TryOne(t[..at], out var a) && TryOne(t[(at + dash.Length)..], out var b) && a.Year is not null && b.Year is not null)
            {
                start = a;
                end = b;
                return true;
            }
            if (at == 4 && YearRegex().IsMatch(t[..4]) && int.TryParse(t[(at + dash.Length)..], out int shortEnd) && shortEnd is >= 0 and < 100 && t.Length - at - dash.Length == 2)
            {
                start = new PrintedDate(int.Parse(t[..4]), null, null);
                end = new PrintedDate(int.Parse(t[..2]) * 100 + shortEnd, null, null);
                return end.Value.Year > start.Year;
            }
        }
        return false;
    }

    public static bool IsDate(string text) => TryParse(text, out _, out _);

    private static readonly string[] MonthAndSeasonStarts =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "spr", "sum", "aut", "fal", "win"];

    private static bool StartsLikeMonth(ReadOnlySpan<char> t)
    {
        if (t.Length < 3) return false;
        foreach (var m in MonthAndSeasonStarts)
            if (t.StartsWith(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool TryOne(string t, out PrintedDate date)
    {
        date = default;
        t = t.Trim().TrimEnd('.', ',').Trim();
        Match m;
        if ((m = YearRegex().Match(t)).Success) { date = new PrintedDate(int.Parse(m.Groups["y"].Value), null, null); return true; }
        if ((m = DayMonthYearRegex().Match(t)).Success
            || (m = MonthDayYearRegex().Match(t)).Success
            || (m = YearMonthDayRegex().Match(t)).Success
            || (m = MonthOnlyRegex().Match(t)).Success
            || (m = NumericRegex().Match(t)).Success)
        {
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : null;
            int? month = m.Groups["m"].Success ? MonthNumber(m.Groups["m"].Value) : null;
            int? day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value) : null;
            date = new PrintedDate(year, month, day);
            return Valid(date);
        }
        return false;
    }

    private static bool Valid(PrintedDate d) =>
        (d.Month is null or >= 1 and <= 12) && (d.Year is not null || d.Month is not null)
        && (d.Day is null || d.Day >= 1 && d.Day <= (d.Month is int m ? DateTime.DaysInMonth(d.Year ?? 2000, m) : 31));

    private static int MonthNumber(string text)
    {
        if (int.TryParse(text, out int n)) return n;
        var key = text.TrimEnd('.').ToLowerInvariant();
        for (int i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].StartsWith(key, StringComparison.Ordinal) && key.Length >= 3) return i + 1;
        return 0;
    }

    /// <summary>A model date from a printed start and end; a missing year is taken from <paramref name="year"/>.</summary>
    public static PartialDate? ToPartialDate(PrintedDate start, PrintedDate? end, int? year = null)
    {
        var s = start.ToParts(year);
        if (s is null) return null;
        var e = end?.ToParts(s.Value.Year);
        return new PartialDate { Start = s, End = e };
    }
}
