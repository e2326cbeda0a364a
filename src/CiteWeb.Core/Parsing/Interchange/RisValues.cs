using System.Globalization;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>RIS value formats — names, dates, pages, standard numbers — both ways, so writer and reader agree.</summary>
internal static class RisValues
{
    /// <summary>
    /// "Last, First, Suffix". No comma means an organisation (literal). Lower-case words leading the last name are
    /// its non-dropping particle ("van Dijck"); lower-case words ending the first names are the dropping particle
    /// ("Beethoven, Ludwig van"), as CSL prints names inverted.
    /// </summary>
    public static PersonName? ParseName(string value)
    {
        var parts = value.Split(',', 3, StringSplitOptions.TrimEntries);
        if (parts.Length == 1) return parts[0].Length == 0 ? null : PersonName.Organisation(parts[0]);
        var (ndp, family) = NameParticles.Leading(parts[0]);
        var (given, dp) = NameParticles.Trailing(parts[1]);
        string? suffix = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null;
        if (family.Length == 0 && given.Length == 0 && ndp is null) return null;
        return new PersonName
        {
            Family = NullIfEmpty(family),
            Given = NullIfEmpty(given),
            NonDroppingParticle = ndp,
            DroppingParticle = dp,
            Suffix = suffix,
        };
    }

    public static string FormatName(PersonName name)
    {
        // An organisation has no comma, which is how it reads back as a literal.
        if (name.Literal is not null && name.Family is null && name.Given is null) return name.Literal;
        string family = Join(name.NonDroppingParticle, name.Family);
        string given = Join(name.Given, name.DroppingParticle);
        // "Family," keeps a family-only name from reading back as an organisation.
        return name.Suffix is null ? $"{family}, {given}".TrimEnd() : $"{family}, {given}, {name.Suffix}";
    }

    /// <summary>
    /// "YYYY/MM/DD/other" (any part may be empty, 0 means unknown), a plain year, or ISO 8601. CiteWeb writes
    /// what Y/M/D cannot say (ranges, circa, seasons) as EDTF in the "other" part, and that wins when it agrees
    /// with the year. Null when the text is not a date.
    /// </summary>
    public static PartialDate? ParseDate(string value)
    {
        value = value.Trim();
        if (value.Length == 0) return null;
        var parts = value.Split('/', 4);
        if (parts.Length > 1 && TryNumber(parts[0], out int? year) && year is int y
            && TryNumber(parts[1], out int? month) && TryNumber(parts.Length > 2 ? parts[2] : "", out int? day))
        {
            string other = parts.Length > 3 ? parts[3].Trim() : "";
            if (other.Length > 0 && PartialDate.TryParseIso(other) is { Start: { Year: var edtfYear } } edtf && edtfYear == y) return edtf;
            if (month is null) day = null;
            if (month is null && Season(other) is int season) month = 20 + season;
            var date = new DateParts(y, month, day);
            if (date.IsValid) return new PartialDate { Start = date };
        }
        // "2019-03-02", "2019-03-02 10:44:00" (Zotero's Y2), or an EDTF range that the Y/M/D split misread.
        return PartialDate.TryParseIso(value) ?? PartialDate.TryParseIso(value.Split(' ', 2)[0]);
    }

    /// <summary>The PY value (a year, or null) and the DA value for a date.</summary>
    public static (string? Year, string? Date) FormatDate(PartialDate date)
    {
        if (date.Start is not { } start) return (null, string.IsNullOrWhiteSpace(date.Literal) ? null : date.Literal);
        // RIS years have four digits; EDTF on its own keeps the others, and reads back through ISO parsing.
        if (start.Year is < 0 or > 9999) return (null, date.ToString());
        string year = start.Year.ToString("D4", CultureInfo.InvariantCulture);
        bool calendarMonth = start.Month is >= 1 and <= 12;
        string month = calendarMonth ? start.Month!.Value.ToString("D2", CultureInfo.InvariantCulture) : "";
        string day = calendarMonth && start.Day is int d ? d.ToString("D2", CultureInfo.InvariantCulture) : "";
        bool plain = date.End is null && !date.OpenEnd && !date.Circa && !date.Uncertain && (start.Month is null || calendarMonth);
        return (year, $"{year}/{month}/{day}/" + (plain ? "" : date.ToString()));
    }

    /// <summary>A page range into SP and EP, split at its one en dash or hyphen; other forms stay whole in SP.</summary>
    public static (string Start, string? End) SplitPage(string page)
    {
        page = page.Trim();
        int dash = page.IndexOfAny(['\u2013', '-']);
        if (dash <= 0 || dash == page.Length - 1 || page.Contains(',') || page.IndexOfAny(['\u2013', '-'], dash + 1) >= 0)
            return (page, null);
        return (page[..dash].Trim(), page[(dash + 1)..].Trim());
    }

    /// <summary>
    /// EndNote puts several addresses in one UR, separated by spaces or (wrapped) lines. The value is split only when
    /// every piece starts with a scheme ("https://", "file://"): a space inside one address stays.
    /// </summary>
    public static IEnumerable<string> SplitUrls(string value)
    {
        var pieces = value.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return pieces.Length > 1 && pieces.All(HasScheme) ? pieces : [value];
    }

    private static bool HasScheme(string s)
    {
        int colon = s.IndexOf("://", StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(s[0]) && s.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") < 0;
    }

    /// <summary>"09515666 (ISSN)" into the number and its label (ISSN or ISBN, upper case); no label gives null.</summary>
    public static (string Number, string? Label) SplitNumberLabel(string value)
    {
        value = value.Trim();
        if (value.EndsWith(')') && value.LastIndexOf('(') is int open and > 0)
        {
            var label = value[(open + 1)..^1].Trim().ToUpperInvariant();
            if (label is "ISSN" or "ISBN" or "EISSN" or "PISSN" or "ELECTRONIC" or "PRINT" or "LINKING")
                return (value[..open].TrimEnd(), label.EndsWith("ISSN", StringComparison.Ordinal) ? "ISSN" : label == "ISBN" ? "ISBN" : null);
        }
        return (value, null);
    }

    /// <summary>
    /// A month with an optional day and no year, as Web of Science writes DA: "DEC", "OCT 25", "SPR" (a season
    /// is month 21–24, as CSL-JSON's). Null when the text is not that.
    /// </summary>
    public static (int Month, int? Day)? ParseMonthDay(string value)
    {
        var words = value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 2 || words[0].Length < 3) return null;
        var name = words[0].TrimEnd('.').ToLowerInvariant();
        int month = Array.FindIndex(MonthNames, m => m.StartsWith(name, StringComparison.Ordinal) && (name.Length == 3 || m == name)) + 1;
        if (month == 0 && Season(name) is int season) month = 20 + season;
        if (month == 0) return null;
        if (words.Length == 1) return (month, null);
        return month <= 12 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out int day) && day is >= 1 and <= 31
            ? (month, day) : null;
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>ISSN by shape (8 digits, the last may be X); ISBN for 10 or 13; otherwise by the item type.</summary>
    public static bool IsIssn(string value, string cslType)
    {
        int digits = value.Count(c => char.IsAsciiDigit(c) || c is 'X' or 'x');
        return digits switch
        {
            8 => true,
            10 or 13 => false,
            _ => RisVocabulary.IsPeriodical(cslType),
        };
    }

    private static bool TryNumber(string text, out int? value)
    {
        value = null;
        text = text.Trim();
        if (text.Length == 0) return true;
        if (text.Length > 5 || !text.All(char.IsAsciiDigit)) return false;
        int n = int.Parse(text, CultureInfo.InvariantCulture);
        value = n == 0 ? null : n;
        return true;
    }

    private static int? Season(string text) => text.ToLowerInvariant() switch
    {
        "spring" or "spr" => 1,
        "summer" or "sum" => 2,
        "autumn" or "fall" or "aut" or "fal" => 3,
        "winter" or "win" => 4,
        _ => null,
    };

    private static string Join(string? a, string? b) =>
        string.IsNullOrEmpty(a) ? b ?? "" : string.IsNullOrEmpty(b) ? a : a + " " + b;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
