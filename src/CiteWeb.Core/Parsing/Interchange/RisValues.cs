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
        var (ndp, family) = LeadingParticle(parts[0]);
        var (given, dp) = TrailingParticle(parts[1]);
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

    /// <summary>Lower-case words before the rest ("van der" in "van der Berg"); at least one word stays.</summary>
    private static (string? Particle, string Remainder) LeadingParticle(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = 0;
        while (n < words.Length - 1 && char.IsLower(words[n][0])) n++;
        return n == 0 ? (null, string.Join(' ', words)) : (string.Join(' ', words[..n]), string.Join(' ', words[n..]));
    }

    /// <summary>Lower-case words after the rest ("van" in "Ludwig van"); at least one word stays.</summary>
    private static (string Remainder, string? Particle) TrailingParticle(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = 0;
        while (n < words.Length - 1 && char.IsLower(words[^(n + 1)][0])) n++;
        return n == 0 ? (string.Join(' ', words), null) : (string.Join(' ', words[..^n]), string.Join(' ', words[^n..]));
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
        "spring" => 1,
        "summer" => 2,
        "autumn" or "fall" => 3,
        "winter" => 4,
        _ => null,
    };

    private static string Join(string? a, string? b) =>
        string.IsNullOrEmpty(a) ? b ?? "" : string.IsNullOrEmpty(b) ? a : a + " " + b;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
