using CiteWeb.Core.Text;

namespace CiteWeb.Core.Tests.Interchange;

public sealed class RichTextTests
{
    [Theory]
    [InlineData("Data Feminism", "Data Feminism")]
    [InlineData("On <i>The Californian Ideology</i>", "On The Californian Ideology")]
    [InlineData("<b>Bold</b> and <sup>2</sup> and H<sub>2</sub>O", "Bold and 2 and H2O")]
    [InlineData("The <span class=\"nocase\">iPhone</span> Effect", "The iPhone Effect")]
    [InlineData("<span class=\"nocase\"><i>eBay</i></span>", "eBay")]
    [InlineData("x < y & z > w", "x < y & z > w")]                                  // not markup
    [InlineData("<3 and <i", "<3 and <i")]                                          // broken tags stay
    [InlineData("<span style=\"font-variant:small-caps;\">Cia</span>", "<span style=\"font-variant:small-caps;\">Cia</span>")]
    [InlineData("<span class=\"nocase\">a <span style=\"x\">b</span></span>", "a <span style=\"x\">b</span>")]
    [InlineData("stray </span> close", "stray </span> close")]
    [InlineData("<I>upper</I>", "<I>upper</I>")]                                    // CSL markup is lower case
    [InlineData("", "")]
    public void Removes_exactly_the_csl_markup(string rich, string plain) => Assert.Equal(plain, RichText.ToPlain(rich));

    [Fact]
    public void Returns_the_same_string_when_there_is_no_markup()
    {
        const string text = "Weapons of Math Destruction";
        Assert.Same(text, RichText.ToPlain(text));
    }
}
