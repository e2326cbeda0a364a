namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>The citation styles the plain-text reader knows. <see cref="Auto"/> detects the style per list.</summary>
public enum ReferenceStyle
{
    Auto,
    /// <summary>MLA 8/9: Author. "Title." Container, vol. 1, no. 2, Publisher, 2020, pp. 1-20. URL.</summary>
    Mla,
    /// <summary>APA 7: Author, A. A., &amp; Author, B. (2019). Title. Journal, 10(1), 1–20. https://doi.org/...</summary>
    Apa,
    /// <summary>Chicago notes-bibliography: Author. "Title." Journal 2, no. 3 (1995): 1–9. / Place: Publisher, 2006.</summary>
    Chicago,
    /// <summary>Chicago author-date: Author. 2023. "Title." Journal 56 (4): 552.</summary>
    ChicagoAuthorDate,
    /// <summary>Harvard: Author, A. (2016) 'Title', in Editor, E. (ed.) Book, pp. 1-9. Place: Publisher.</summary>
    Harvard,
    /// <summary>IEEE and other numbered styles: [1] A. Author, "Title," Journal, vol. 1, no. 2, pp. 1–9, 2020.</summary>
    Numbered,
}

/// <summary>Options of <see cref="PlainTextReader"/>.</summary>
public sealed record PlainTextReaderOptions
{
    /// <summary>The style of the list. The default, <see cref="ReferenceStyle.Auto"/>, detects it from the entries.</summary>
    public ReferenceStyle Style { get; init; } = ReferenceStyle.Auto;

    public static string Name(ReferenceStyle style) => style switch
    {
        ReferenceStyle.Mla => "mla",
        ReferenceStyle.Apa => "apa",
        ReferenceStyle.Chicago => "chicago",
        ReferenceStyle.ChicagoAuthorDate => "chicago-author-date",
        ReferenceStyle.Harvard => "harvard",
        ReferenceStyle.Numbered => "numbered",
        _ => "auto",
    };

    public static bool TryParseStyle(string? text, out ReferenceStyle style)
    {
        style = (text ?? "auto").Trim().ToLowerInvariant() switch
        {
            "auto" => ReferenceStyle.Auto,
            "mla" => ReferenceStyle.Mla,
            "apa" => ReferenceStyle.Apa,
            "chicago" or "chicago-notes" => ReferenceStyle.Chicago,
            "chicago-author-date" or "chicago-ad" => ReferenceStyle.ChicagoAuthorDate,
            "harvard" => ReferenceStyle.Harvard,
            "numbered" or "ieee" or "vancouver" => ReferenceStyle.Numbered,
            _ => (ReferenceStyle)(-1),
        };
        return (int)style >= 0;
    }

    /// <summary>Styles whose date follows the authors, and whose plain title is one sentence.</summary>
    internal static bool IsAuthorDate(ReferenceStyle style) =>
        style is ReferenceStyle.Apa or ReferenceStyle.Harvard or ReferenceStyle.ChicagoAuthorDate;
}
