using System.Text.RegularExpressions;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>
/// Decides a list's style from its entries, by counting the marks each style leaves: where the year stands
/// ("(2019)" after the names: APA or Harvard; ". 2019." after them: Chicago author-date), numbers in brackets, and
/// for the styles that put the date at the end, MLA's "vol."/"pp."/"edited by" against Chicago's "Place: Publisher"
/// and "2, no. 3 (1995)".
/// </summary>
internal static partial class StyleDetector
{
    // The detector samples whole items, however long (the reader skips items over 1,500 characters later, the
    // detector sees them first), and asks each pattern only whether it occurs. The backtracking engine tries a
    // pattern such as "\p{Lu}[\p{L}]+...:" from every letter of a run, which is quadratic in the run (an 18 KB line
    // of capitals took seconds); the non-backtracking engine answers the same yes or no in linear time.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    [GeneratedRegex(@"^[^“""(\uE000]{1,300}?\((?:1[5-9]|20)\d\d[a-z]?(?:,[^)]*)?\)|^[^“""(\uE000]{1,300}?\(n\.\s?d\.\)", Options)]
    private static partial Regex ParenYearRegex();

    [GeneratedRegex(@"^[^“""\uE000]{1,300}?\.\s(?:1[5-9]|20)\d\d[a-z]?\.\s", Options)]
    private static partial Regex DotYearRegex();

    [GeneratedRegex(@"\((?:1[5-9]|20)\d\d[a-z]?\)\.", Options)]
    private static partial Regex ApaYearRegex();

    [GeneratedRegex(@",\s*&\s|\(Eds?\.\)|\d+\(\d+\),\s*\d", Options)]
    private static partial Regex ApaMarksRegex();

    [GeneratedRegex(@"\(eds?\)|'\s*,\s*in\s|\)\s'|Available at:", Options)]
    private static partial Regex HarvardMarksRegex();

    [GeneratedRegex(@",\s*vol\.\s|,\s*no\.\s|,\s*pp\.\s|edited by|Accessed\s|,\s*(?:1[5-9]|20)\d\d\.?\s*$|,\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}", Options)]
    private static partial Regex MlaMarksRegex();

    [GeneratedRegex(@"\p{Lu}[\p{L}]+(?:,\s*\p{Lu}{2})?:\s*[^,]+,\s*(?:1[5-9]|20)\d\d|\d+,\s*no\.\s*\d+\s*\(|Edited by|\sIn\s\uE000|\((?:[A-Z][a-z]+\s)?(?:1[5-9]|20)\d\d\):", Options)]
    private static partial Regex ChicagoMarksRegex();

    public static ReferenceStyle Detect(IReadOnlyList<ListItem> items)
    {
        if (items.Count == 0) return ReferenceStyle.Mla;
        int numbered = 0, paren = 0, dot = 0, apa = 0, harvard = 0, mla = 0, chicago = 0;
        // A style shows in any fair sample: at most 120 entries, spread evenly over the list.
        int step = Math.Max(1, items.Count / 120);
        int n = 0;
        for (int k = 0; k < items.Count; k += step)
        {
            var item = items[k];
            n++;
            var text = InlineMarkup.Strip(item.Text);
            if (item.Label is not null) numbered++;
            if (ParenYearRegex().IsMatch(text)) paren++;
            else if (DotYearRegex().IsMatch(text)) dot++;
            if (ApaYearRegex().IsMatch(text)) apa++;
            if (ApaMarksRegex().IsMatch(text)) apa++;
            if (HarvardMarksRegex().IsMatch(text)) harvard++;
            if (MlaMarksRegex().IsMatch(text)) mla++;
            if (ChicagoMarksRegex().IsMatch(text)) chicago++;
        }
        if (numbered * 2 > n) return ReferenceStyle.Numbered;
        if (paren * 2 > n) return apa >= harvard ? ReferenceStyle.Apa : ReferenceStyle.Harvard;
        if (dot * 2 > n) return ReferenceStyle.ChicagoAuthorDate;
        return mla >= chicago ? ReferenceStyle.Mla : ReferenceStyle.Chicago;
    }
}
