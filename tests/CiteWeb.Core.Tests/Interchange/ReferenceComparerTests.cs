using CiteWeb.Core.Model;

namespace CiteWeb.Core.Tests.Interchange;

public sealed class ReferenceComparerTests
{
    private static Reference Book()
    {
        var r = new Reference("benjamin2019", "book") { Title = "Race after Technology", Publisher = "Polity Press", Issued = PartialDate.FromYear(2019) };
        r.Names[Csl.Author] = [new PersonName { Family = "Benjamin", Given = "Ruha" }];
        r.Custom["organization"] = "Polity";
        return r;
    }

    [Fact]
    public void Ignores_field_order_and_provenance()
    {
        var a = Book();
        var b = new Reference("benjamin2019", "book") { Publisher = "Polity Press", Title = "Race after Technology", Issued = PartialDate.FromYear(2019) };
        b.Names[Csl.Author] = [new PersonName { Family = "Benjamin", Given = "Ruha" }];
        b.Names[Csl.Editor] = []; // an empty role is no role
        b.Custom["organization"] = "Polity";
        b.Source = new SourceSpan("other.txt", 9, 9);
        b.RawText = "raw".AsMemory();
        b.Confidence = 0.5;
        Assert.True(ReferenceComparer.ContentEquals(a, b, out var difference), difference);
        Assert.Null(difference);
    }

    [Theory]
    [InlineData("id", "Id: \"benjamin2019\" vs \"other\"")]
    [InlineData("type", "benjamin2019: Type: \"book\" vs \"report\"")]
    [InlineData("title", "benjamin2019: Fields[title]: \"Race after Technology\" vs \"Race After Technology\"")]
    [InlineData("extra-field", "benjamin2019: Fields[note]: (absent) vs \"n\"")]
    [InlineData("name", "benjamin2019: Names[author][0]: {family \"Benjamin\", given \"Ruha\", ndp (absent), dp (absent), suffix (absent), literal (absent)} vs {family \"Benjamin\", given \"R.\", ndp (absent), dp (absent), suffix (absent), literal (absent)}")]
    [InlineData("names", "benjamin2019: Names[author]: 1 names vs 0: [Ruha Benjamin] vs []")]
    [InlineData("date", "benjamin2019: Dates[issued]: '2019' (literal (absent), circa False, uncertain False, open end False) vs '2019~' (literal (absent), circa True, uncertain False, open end False)")]
    [InlineData("custom", "benjamin2019: Custom[organization]: \"Polity\" vs (absent)")]
    public void Names_the_first_difference(string change, string expected)
    {
        var b = Book();
        switch (change)
        {
            case "id": b.Id = "other"; break;
            case "type": b.Type = "report"; break;
            case "title": b.Title = "Race After Technology"; break;
            case "extra-field": b[Csl.Note] = "n"; break;
            case "name": b.Names[Csl.Author] = [new PersonName { Family = "Benjamin", Given = "R." }]; break;
            case "names": b.Names.Remove(Csl.Author); break;
            case "date": b.Issued = PartialDate.FromYear(2019) with { Circa = true }; break;
            case "custom": b.Custom["organization"] = null; break;
        }
        Assert.False(ReferenceComparer.ContentEquals(Book(), b, out var difference));
        Assert.Equal(expected, difference);
    }
}
