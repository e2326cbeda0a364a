using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Interchange;

/// <summary>
/// Seeded random references for round-trip tests. <see cref="Any"/> uses everything the model can hold;
/// <see cref="RisCarryable"/> only what RIS has a form for (see RisWriter's documentation).
/// </summary>
internal sealed class ReferenceGenerator(int seed)
{
    private static readonly string[] Fragments =
    [
        "Data", "Feminism", "D’Ignazio", "Über", "<i>AI</i>", "<span class=\"nocase\">iPhone</span>", "\"quoted\"",
        "back\\slash", "tab\t", "line\nbreak", "🤗", "中文", "&", "<3", "10", "", " ", "[1, 2]", "[1,2]", "{\"a\":1}",
        "true", "-", "\u0001", "\u2028",
    ];

    private static readonly string[] Words =
    [
        "Data", "Feminism", "Über", "D’Ignazio", "AI", "&", "<3", "x<y", "Society:", "(2019)", "1", "Kjøsen", "🤗",
        "中文", "—", "Dyer-Witheford", "Hugging", "Face", "O’Neil",
    ];

    private static readonly string[] CustomKeys =
    [
        "organization", "composer", "citation-key", "raw", "source", "confidence", "x-flag", "m3", "id", "title",
        "custom", "shortTitle", "Title",
    ];

    private static readonly string[] CustomValues = ["[{\"family\":\"X\"}]", "[1, 2]", "{\"a\":[1,{\"b\":null}]}", "true", "plain", "12"];

    private readonly Random _random = new(seed);

    public Reference Any(int index)
    {
        var types = Csl.Types.Order(StringComparer.Ordinal).ToArray();
        var r = new Reference($"ref{index}{Pick(["", "-ä", ":x"])}", Pick(types));
        foreach (var variable in Csl.StringVariables)
            if (Chance(0.3)) r.Fields[variable] = Text(Fragments, 1, 4, "");
        foreach (var role in Csl.NameVariables)
            if (Chance(0.3)) r.Names[role] = [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => AnyName())];
        foreach (var variable in Csl.DateVariables)
            if (Chance(0.3)) r.Dates[variable] = AnyDate();
        foreach (var key in CustomKeys)
            if (Chance(0.2)) r.Custom[key] = Pick(CustomValues);
        if (Chance(0.5)) r.Source = new SourceSpan("bib/x.txt", _random.Next(1, 500), _random.Next(1, 80));
        if (Chance(0.5)) r.RawText = Text(Fragments, 1, 6, " ").AsMemory();
        if (Chance(0.5)) r.Confidence = Math.Round(_random.NextDouble(), 3);
        return r;
    }

    public Reference RisCarryable(int index)
    {
        string type = Pick(RisVocabulary.FromCsl.Keys.Order(StringComparer.Ordinal).ToArray());
        var r = new Reference($"ris{index}", type);
        bool book = type == "book";
        string[] single =
        [
            Csl.Title, Csl.TitleShort, Csl.ContainerTitle, Csl.ContainerTitleShort, Csl.CollectionTitle, Csl.Edition,
            Csl.Volume, Csl.NumberOfVolumes, Csl.Issue, Csl.Section, Csl.Publisher, Csl.PublisherPlace, Csl.Doi,
            Csl.ArchiveLocation, Csl.Language,
        ];
        foreach (var variable in single)
            if (Chance(0.4)) r.Fields[variable] = Line();
        if (Chance(0.5)) r.Page = book || Chance(0.5) ? $"{_random.Next(1, 300)}–{_random.Next(300, 600)}" : _random.Next(1, 900).ToString();
        if (book && r.Page is null && Chance(0.5)) r[Csl.NumberOfPages] = _random.Next(50, 900).ToString();
        if (Chance(0.3)) r[Csl.Isbn] = string.Join(", ", Enumerable.Range(0, _random.Next(1, 3)).Select(_ => "978-" + Digits(1) + "-" + Digits(4) + "-" + Digits(4) + "-" + Digits(1)));
        if (Chance(0.3)) r[Csl.Issn] = Digits(4) + "-" + Digits(3) + Pick(["1", "X"]);
        if (Chance(0.3)) r[Csl.Keyword] = string.Join(", ", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Line()));
        if (Chance(0.3)) r[Csl.Abstract] = Paragraphs();
        if (Chance(0.3)) r[Csl.Note] = Paragraphs();
        if (Chance(0.5))
        {
            r.Url = "https://example.org/" + Digits(3);
            if (Chance(0.5)) r.Custom["url2"] = "https://web.archive.org/web/2023/" + Digits(3);
            if (r.Custom["url2"] is not null && Chance(0.5)) r.Custom["url3"] = "https://doi.org/10.1/" + Digits(3);
        }
        foreach (var role in (string[])[Csl.Author, Csl.Editor, Csl.CollectionEditor, Csl.Translator])
            if (Chance(0.4)) r.Names[role] = [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => RisName())];
        if (Chance(0.7)) r.Issued = RisDate();
        if (Chance(0.3)) r.Dates[Csl.Accessed] = Chance(0.8) ? PartialDate.FromYear(_random.Next(2000, 2030), _random.Next(1, 13), _random.Next(1, 29)) : PartialDate.FromLiteral("n.d.");
        // M3 is the genre of a thesis, report, web page ... (Zotero's reading) and a custom field for other types.
        if (Chance(0.3))
        {
            if (Core.Parsing.Interchange.RisVocabulary.HasGenreInM3(r.Type)) r[Csl.Genre] = Line();
            else r.Custom["m3"] = Line();
        }
        if (Chance(0.2)) r.Custom["c1"] = Line() + "\n" + Line();
        return r;
    }

    private PersonName AnyName()
    {
        string? Part() => Chance(0.5) ? Text(Fragments, 1, 2, "") : null;
        var name = new PersonName { Family = Part(), Given = Part(), NonDroppingParticle = Part(), DroppingParticle = Part(), Suffix = Part(), Literal = Part() };
        return name with { Family = name.Family ?? "Family" }; // a name needs one part
    }

    private PartialDate AnyDate()
    {
        int year = _random.Next(-500, 12000);
        var start = new DateParts(year, Chance(0.6) ? _random.Next(1, 13) : null);
        if (start.Month is not null && Chance(0.5)) start = start with { Day = _random.Next(1, 29) };
        if (Chance(0.1)) start = new DateParts(year, _random.Next(21, 25));
        return _random.Next(7) switch
        {
            0 => new PartialDate { Start = start, End = new DateParts(year + _random.Next(1, 5), Chance(0.5) ? _random.Next(1, 13) : null) },
            1 => new PartialDate { Start = start, OpenEnd = true },
            2 => new PartialDate { Start = start, Circa = true, Uncertain = Chance(0.5) },
            3 => new PartialDate { Start = start, Uncertain = true },
            4 => PartialDate.FromLiteral(Text(Fragments, 1, 3, " ")) is { Literal.Length: > 0 } literal ? literal : PartialDate.FromLiteral("n.d."),
            5 => new PartialDate { Start = start, Literal = "about then" },
            _ => new PartialDate { Start = start },
        };
    }

    /// <summary>"Last, First, Suffix" with particles in lower case and everything else capitalised, so the RIS
    /// name rules read back exactly what was written.</summary>
    private PersonName RisName()
    {
        if (Chance(0.15)) return PersonName.Organisation(Pick(["World Health Organization", "Google AI", "Crunchbase", "Hugging Face"]));
        string? given = Chance(0.8) ? Pick(["Inga", "Clemens", "Wendy Hui Kyong", "Lauren F.", "José", "Ludwig", "Atle Mikkola"]) : null;
        return new PersonName
        {
            Family = Pick(["Luchs", "Apprich", "D’Ignazio", "Dyer-Witheford", "Kjøsen", "Cruz", "Dijck", "O’Neil"]),
            Given = given,
            NonDroppingParticle = Chance(0.2) ? Pick(["van", "de la", "von"]) : null,
            DroppingParticle = given is not null && Chance(0.2) ? Pick(["van", "de"]) : null,
            Suffix = Chance(0.1) ? Pick(["Jr.", "III"]) : null,
        };
    }

    private PartialDate RisDate()
    {
        int year = _random.Next(900, 2100);
        var start = new DateParts(year, Chance(0.6) ? _random.Next(1, 13) : null);
        if (start.Month is not null && Chance(0.5)) start = start with { Day = _random.Next(1, 29) };
        return _random.Next(7) switch
        {
            0 => new PartialDate { Start = start, End = new DateParts(year + _random.Next(1, 5)) },
            1 => new PartialDate { Start = start, Circa = true },
            2 => new PartialDate { Start = new DateParts(year, _random.Next(21, 25)) },
            3 => new PartialDate { Start = start, OpenEnd = true, Uncertain = Chance(0.5) },
            4 => PartialDate.FromLiteral(Pick(["forthcoming", "n.d.", "in press"])),
            5 => new PartialDate { Start = new DateParts(-_random.Next(1, 800)) },
            _ => new PartialDate { Start = start },
        };
    }

    private string Line() => Text(Words, 1, 5, " ");

    private string Paragraphs() =>
        string.Join(Pick(["\n", "\n\n"]), Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Chance(0.2) ? "TI  - " + Line() : Line()));

    private string Text(string[] pool, int min, int max, string separator) =>
        string.Join(separator, Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => Pick(pool)));

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + _random.Next(10))));

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
