using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.PlainText;

namespace CiteWeb.Core.Tests.PlainText;

/// <summary>The pieces of the plain-text reader, table by table: names, dates, identifiers, list splitting.</summary>
public sealed class NameListTests
{
    private static string Show(IEnumerable<PersonName> names) =>
        string.Join(" | ", names.Select(n => n.IsOthers ? "et al." : n.Literal is { } l ? $"[{l}]" : $"{n.FamilyWithParticles}, {n.Given}"));

    [Theory]
    [InlineData("Apprich, Clemens", "Apprich, Clemens")]
    [InlineData("Barbrook, Richard and Andy Cameron", "Barbrook, Richard | Cameron, Andy")]
    [InlineData("Luchs, Inga, Apprich, Clemens and Marcel Broersma", "Luchs, Inga | Apprich, Clemens | Broersma, Marcel")]
    [InlineData("Abidin, Crystal, and Joel Gn", "Abidin, Crystal | Gn, Joel")]
    [InlineData("Barocas, S., & Selbst, A. D.", "Barocas, S. | Selbst, A. D.")]
    [InlineData("Berry, D. M., Marino, M. C. & Ciston, S.", "Berry, D. M. | Marino, M. C. | Ciston, S.")]
    [InlineData("Bender, E. M. et al.", "Bender, E. M. | et al.")]
    [InlineData("West, Sarah Myers, Whittaker, Meredith and Kate Crawford", "West, Sarah Myers | Whittaker, Meredith | Crawford, Kate")]
    [InlineData("Gibbons, Jeremy, and Oege de Moor", "Gibbons, Jeremy | de Moor, Oege")]
    [InlineData("van Dijck, José", "van Dijck, José")]
    [InlineData("Brock A.", "Brock, A.")]
    [InlineData("A. Birhane and V. U. Prabhu", "Birhane, A. | Prabhu, V. U.")]
    [InlineData("Google AI", "[Google AI]")]
    [InlineData("University of Guelph, Office of Teaching and Learning", "[University of Guelph, Office of Teaching and Learning]")]
    [InlineData("Remzan, Nihal, Younes El Hachimi, and Karim Tahiry", "Remzan, Nihal | El Hachimi, Younes | Tahiry, Karim")]
    [InlineData("King, Martin Luther, Jr.", "King, Martin Luther")]
    [InlineData("Couldry, N., & Mejias, U. A.", "Couldry, N. | Mejias, U. A.")]
    [InlineData("Müller, K. u. a.", "Müller, K. | et al.")]
    [InlineData("Zook, M., Barocas, S., boyd, d., & Crawford, K.", "Zook, M. | Barocas, S. | boyd, d. | Crawford, K.")]
    public void Inverted_lists(string printed, string expected) => Assert.Equal(expected, Show(NameList.ParseInverted(printed)));

    [Theory]
    [InlineData("Matt Ratto, Megan Boler, and Ronald Deibert, The MIT Press, 2014", "Ratto, Matt | Boler, Megan | Deibert, Ronald", "The MIT Press, 2014")]
    [InlineData("Clemens Apprich and Felix Stalder", "Apprich, Clemens | Stalder, Felix", "")]
    [InlineData("Helen Pritchard, Eric Snodgrass & Magda Tyżlik-Carver, 35-51", "Pritchard, Helen | Snodgrass, Eric | Tyżlik-Carver, Magda", "35-51")]
    [InlineData("Richard Beardsworth and George Collins, Stanford UP, 1998", "Beardsworth, Richard | Collins, George", "Stanford UP, 1998")]
    public void Natural_lists_stop_where_the_names_end(string printed, string expected, string rest)
    {
        Assert.Equal(expected, Show(NameList.ParseNatural(printed, out var left)));
        Assert.Equal(rest, left);
    }
}

public sealed class DateTextTests
{
    private static string Show(string text) =>
        DateText.TryParse(text, out var s, out var e) ? $"{s.Year}-{s.Month}-{s.Day}" + (e is { } end ? $"/{end.Year}-{end.Month}-{end.Day}" : "") : "no";

    [Theory]
    [InlineData("2017", "2017--")]
    [InlineData("2023a", "2023--")]
    [InlineData("September 1995", "1995-9-")]
    [InlineData("22 February 2023", "2023-2-22")]
    [InlineData("02 oct. 2016", "2016-10-2")]
    [InlineData("October 9, 2002", "2002-10-9")]
    [InlineData("2019, July 21", "2019-7-21")]
    [InlineData("May", "-5-")]
    [InlineData("Spring 2020", "2020--")]
    [InlineData("May/June 2013", "2013-5-")]
    [InlineData("23.09.-27.09.2019", "2019-9-23/2019-9-27")]
    [InlineData("2019-2020", "2019--/2020--")]
    [InlineData("September 28, 2018 – April 14, 2019", "2018-9-28/2019-4-14")]
    [InlineData("45", "no")]
    [InlineData("209-221", "no")]
    [InlineData("vol. 10", "no")]
    [InlineData("31 February 2023", "no")]
    [InlineData("29 February 2024", "2024-2-29")]
    public void Printed_dates(string text, string expected) => Assert.Equal(expected, Show(text));
}

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("Official Website, 2023. https://huggingface.co.", "https://huggingface.co", null)]
    [InlineData("Site. https://ai.google/principles<.", "https://ai.google/principles", "stray '<' at the end of the URL")]
    [InlineData("Journal 7(1). Available at: www.digitalhumanities.org/dhq/vol/7/1/000157/000157.html.", "http://www.digitalhumanities.org/dhq/vol/7/1/000157/000157.html", null)]
    [InlineData("(see https://en.wikipedia.org/wiki/Foo_(bar)).", "https://en.wikipedia.org/wiki/Foo_(bar)", null)]
    public void Urls_lose_sentence_punctuation_and_stray_characters(string text, string url, string? repair)
    {
        var found = Identifiers.Extract(text);
        Assert.Equal(url, found.Urls.Single().Url);
        Assert.Equal(repair, found.Urls.Single().Repair);
    }

    [Theory]
    [InlineData("ACM Digital Library, doi:10.1145/1858171.1858206.", "10.1145/1858171.1858206")]
    [InlineData("<https://doi.org/10.1007/s11082-023-06194-6>.", "10.1007/s11082-023-06194-6")]
    [InlineData("DOI 10.1177/2053951716674238", "10.1177/2053951716674238")]
    public void Dois_are_bare_and_not_also_urls(string text, string doi)
    {
        var found = Identifiers.Extract(text);
        Assert.Equal(doi, found.Doi);
        Assert.Empty(found.Urls);
    }
}

public sealed class ListSplitterTests
{
    private static List<string> Split(string text)
    {
        var (start, end, _) = ListSplitter.FindSection(text);
        return ListSplitter.Split(text, start, end).Select(i => i.Text).ToList();
    }

    [Fact]
    public void One_entry_a_line() =>
        Assert.Equal(["A, B. One. P, 2001.", "C, D. Two. P, 2002."], Split("A, B. One. P, 2001.\nC, D. Two. P, 2002.\n"));

    [Fact]
    public void Blank_line_separated_entries_with_wrapped_lines_are_joined() =>
        Assert.Equal(["A, B. One. Publisher, 2001.", "C, D. Two. P, 2002."], Split("A, B. One.\nPublisher, 2001.\n\nC, D. Two.\nP, 2002.\n"));

    [Fact]
    public void Hanging_indents_continue_an_entry() =>
        Assert.Equal(["A, B. One. Publisher, 2001.", "C, D. Two."], Split("A, B. One.\n    Publisher, 2001.\nC, D. Two.\n"));

    [Fact]
    public void Numbered_and_bulleted_markers_are_stripped() =>
        Assert.Equal(["A, B. One.", "C, D. Two.", "E, F. Three."], Split("[1] A, B. One.\n2. C, D. Two.\n- E, F. Three.\n"));

    [Fact]
    public void The_last_reference_heading_starts_the_list_and_the_next_heading_ends_it() =>
        Assert.Equal(["A, B. One. P, 2001."], Split("Essay text (B 2).\n\nReferences\n\nA, B. One. P, 2001.\n\nAcknowledgements\n\nThanks to all.\n"));

    [Fact]
    public void A_word_broken_at_a_line_end_is_rejoined() =>
        Assert.Equal(["A, B. Infra- structure and democ racy. P, 2001."[..0] + "A, B. Infra- structure and democracy. P, 2001."], Split("A, B. Infra- structure and democ-\n  racy. P, 2001.\n"));

    [Fact]
    public void A_wrapped_line_that_starts_with_a_year_does_not_make_the_list_numbered() =>
        Assert.Equal(["A, B. 2016. “One.” News, May 23, 2016. https://x.org/1.", "C, D. 2017. Two. P."],
            Split("A, B. 2016. “One.” News, May 23,\n    2016. https://x.org/1.\nC, D. 2017. Two. P.\n"));

    [Fact]
    public void Numbers_that_count_up_still_make_a_numbered_list() =>
        Assert.Equal(["A, B. One. P, 2001. Reprinted 2010.", "C, D. Two."], Split("1. A, B. One. P, 2001.\nReprinted 2010.\n2. C, D. Two.\n"));

    [Theory]
    [InlineData("A, B. One. https://x.org/2020/amazon-\n    stopped-selling/.\n", "A, B. One. https://x.org/2020/amazon-stopped-selling/.")]
    [InlineData("A, B. One. https://x.org/2019/10/22/\n    ai-hiring-face/.\n", "A, B. One. https://x.org/2019/10/22/ai-hiring-face/.")]
    [InlineData("A, B. One. https://x.org/a/\n    Accessed 3 May 2023.\n", "A, B. One. https://x.org/a/ Accessed 3 May 2023.")]
    public void A_link_broken_at_a_line_end_is_rejoined_with_its_hyphen(string text, string expected) =>
        Assert.Equal([expected], Split(text));
}
