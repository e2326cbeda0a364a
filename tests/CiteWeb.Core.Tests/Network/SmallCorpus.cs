using CiteWeb.Core.Network;

namespace CiteWeb.Core.Tests.Network;

/// <summary>
/// Seven bibliographies small enough to count by hand. Every expected number in the network tests is worked out
/// from this table in a comment next to it.
/// <code>
/// b1 "Essay 1": A B C        A Crawford &amp; Joler 2018  [Crawford, Kate; Joler, Vladan]   cited by b1 b2 b3 b6 = 4
/// b2 "Essay 2": A B D        B Noble 2018            [Noble, Safiya Umoja]             cited by b1 b2 b4 b6 = 4
/// b3 "Essay 3": A C D        C Crawford 2016         [CRAWFORD, K.]                    cited by b1 b3 b4    = 3
/// b4 "Essay 4": B C E        D Benjamin 2019         [Benjamin, Ruha]                  cited by b2 b3       = 2
/// b5 "Essay 5": F            E Kjøsen 2022           [Kjøsen, Atle Mikkola]            cited by b4 b6       = 2
/// b6 "Essay 6": A B E        F Kjosen 2020           [Kjosen, A.]                      cited by b5          = 1
/// b7 "Essay 7": G H I        G Tsing 2015            [Tsing, Anna]                     cited by b7          = 1
///                            H Zuboff 2019           [Zuboff, Shoshana; Noble, David]  cited by b7          = 1
///                            I Crawford 2021         [Crawford, Kate]                  cited by b7          = 1
/// N = 7 bibliographies; 9 distinct cited works.
/// </code>
/// </summary>
internal static class SmallCorpus
{
    public static CitationCorpus Build() => new(
        [
            new CitingDocument("b1", "Essay 1", ["A", "B", "C"]),
            new CitingDocument("b2", "Essay 2", ["A", "B", "D", "A"]), // the repeated A counts once
            new CitingDocument("b3", "Essay 3", ["A", "C", "D"]),
            new CitingDocument("b4", "Essay 4", ["B", "C", "E"]),
            new CitingDocument("b5", "Essay 5", ["F"]),
            new CitingDocument("b6", "Essay 6", ["A", "B", "E"]),
            new CitingDocument("b7", "Essay 7", ["G", "H", "I"]),
        ],
        [
            new WorkNode("A", "Crawford & Joler 2018", 2018, ["Crawford, Kate", "Joler, Vladan"]),
            new WorkNode("B", "Noble 2018", 2018, ["Noble, Safiya Umoja"]),
            new WorkNode("C", "Crawford 2016", 2016, ["CRAWFORD, K."]),
            new WorkNode("D", "Benjamin 2019", 2019, ["Benjamin, Ruha"]),
            new WorkNode("E", "Kjøsen 2022", 2022, ["Kjøsen, Atle Mikkola"]),
            new WorkNode("F", "Kjosen 2020", 2020, ["Kjosen, A."]),
            new WorkNode("G", "Tsing 2015", 2015, ["Tsing, Anna"]),
            new WorkNode("H", "Zuboff 2019", 2019, ["Zuboff, Shoshana", "Noble, David"]),
            new WorkNode("I", "Crawford 2021", 2021, ["Crawford, Kate"]),
        ]);

    /// <summary>(id, count, strength) rows, strengths rounded to 4 places for comparison.</summary>
    public static (string Id, int Count, double Strength)[] Rows(IEnumerable<RankedItem> items) =>
        items.Select(r => (r.Id, r.Count, Math.Round(r.Strength, 4))).ToArray();
}
