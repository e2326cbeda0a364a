using System.Text;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Core.Tests.Transforms;

/// <summary>The shortcuts the cleanups take to read a value without a string (a value decoded into a buffer, a page
/// range seen clean as it stands, the first author's parts, match keys kept as hashes): each must give what the
/// long way gives.</summary>
public sealed class CleanupFastPathTests
{
    private static readonly string[] LatexPieces =
    [
        "a", "Bc", "GAN", "iPhone", "1", " ", "  ", "\t", "\n", "~", "\\,", "{", "}", "{}", "{\\&}", "\\emph{", "\\'", "\\\"",
        "\\~", "\\c", "\\ss", "$", "$\\ell_1$", "\u00A0", "-", "--", "---", "é", "e\u0301", "\\(", "\\)", "``", "''", "\\_", "\\%",
        "\\url{", "\\textit{", "%", "#", "\\foo",
    ];

    private static IEnumerable<string> RandomLatex(int seed, int count)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int n = 0; n < count; n++)
        {
            text.Clear();
            for (int k = random.Next(1, 10); k > 0; k--) text.Append(LatexPieces[random.Next(LatexPieces.Length)]);
            yield return text.ToString();
        }
    }

    [Fact]
    public void Decoding_into_a_buffer_writes_what_decoding_to_a_string_gives()
    {
        foreach (var latex in RandomLatex(20261127, 50_000))
        {
            foreach (bool protectCase in (bool[])[false, true])
            {
                // A buffer too small to start with, written from an offset: what is before it must stay.
                var buffer = "xyz\0".ToCharArray();
                int end = LatexDecoder.DecodeTo(latex, protectCase, ref buffer, 3);
                Assert.Equal(LatexDecoder.Decode(latex, protectCase), new string(buffer, 3, end - 3));
                Assert.Equal("xyz", new string(buffer, 0, 3));
            }
            var verbatim = "xyz\0".ToCharArray();
            int verbatimEnd = LatexDecoder.DecodeVerbatimTo(latex, ref verbatim, 3);
            Assert.Equal(LatexDecoder.DecodeVerbatim(latex), new string(verbatim, 3, verbatimEnd - 3));
            Assert.Equal("xyz", new string(verbatim, 0, 3));
        }
    }

    [Fact]
    public void A_value_read_through_a_buffer_is_its_decoded_text_and_is_not_kept()
    {
        const string Bib = """
            @inproceedings{a,
              title = {{The Whole Title Braced}},
              booktitle = {Proc. of the {ACM} {\&} Friends},
              pages = {596--635},
              doi = {10.1000/{x}\_y},
              url = {https://example.org/a\%20b},
              note = {Plain note},
            }
            """;
        var fields = BibTexReader.Parse(Bib, "a.bib").References[0].Fields;
        var buffer = new char[2];
        int deferred = 0;
        for (int i = 0; i < fields.Count; i++)
        {
            bool kept = fields.Entries[i].Value is not null;
            if (!kept) deferred++;
            var text = fields.PeekText(i, ref buffer).ToString();
            Assert.Equal(kept, fields.Entries[i].Value is not null);
            Assert.Equal(fields.ValueAt(i), text);
        }
        Assert.True(deferred >= 5, $"{deferred} values deferred");
        Assert.Equal("596–635", fields[Csl.Page]);
    }

    [Fact]
    public void Values_the_cleanups_leave_as_they_are_stay_in_their_source_form()
    {
        const string Bib = """
            @article{a, author={Smith, Jane}, year=2020, title={{The Models of {ImageNet}}}, pages={596--635}, journal={Big {AI} Review}}
            @article{b, author={Smith, Jane}, year=2021, title={Models of the iPhone}, pages={12--15, 18}}
            """;
        var refs = BibTexReader.Parse(Bib, "a.bib").References;
        var changes = new Cleaner().Run(refs, new TransformContext());
        Assert.Equal([("capitals", "b", "title")], changes.Where(c => c.Transform != "keys").Select(c => (c.Transform, c.ReferenceId, c.Field)));
        foreach (var variable in (string[])[Csl.Title, Csl.Page])
            Assert.Null(refs[0].Fields.Entries[refs[0].Fields.IndexOfKey(variable)].Value);
        Assert.Null(refs[1].Fields.Entries[refs[1].Fields.IndexOfKey(Csl.Page)].Value);
        Assert.Equal("Models of the <span class=\"nocase\">iPhone</span>", refs[1].Title);
        Assert.Equal("12–15, 18", refs[1].Page);
    }

    [Theory]
    [InlineData("60–69", true)]
    [InlineData("60–69, 72", true)]
    [InlineData("e1002, e1003, xii", true)]
    [InlineData("60-69", false)]
    [InlineData("60–69,72", false)]
    [InlineData("60–69 , 72", false)]
    [InlineData("60–69,  72", false)]
    [InlineData("pp. 60–69", false)]
    [InlineData(" 60–69", false)]
    public void A_page_value_is_said_clean_only_when_Clean_gives_it_back(string page, bool clean)
    {
        Assert.Equal(clean, PageRanges.IsClean(page));
        if (clean) Assert.Same(page, PageRanges.Clean(page));
        else Assert.NotEqual(page, PageRanges.Clean(page));
    }

    // Each cleanup's test of a value as read may say "not sure" of a value it leaves, never "leaves" of one it changes.
    [Theory]
    [InlineData("pages")]
    [InlineData("urls")]
    [InlineData("doi")]
    [InlineData("capitals")]
    public void Random_values_said_unchanged_come_back_from_the_cleanup_unchanged(string cleanup)
    {
        (string[] Pieces, UnchangedTest Unchanged, Func<string, string?> Clean) test = cleanup switch
        {
            "pages" => (["1", "23", "e", "xii", "S", "-", "--", "–", "—", "‐", "‑", ",", ", ", ",  ", " ", "\t", "p.", "pp. ", ".", "\u00A0"], PageRanges.IsClean, PageRanges.Clean),
            "urls" => (["https://", "http://", "example.org", "/a", "<", ">", ".", ",", ";", " ", "\\url{", "}", "%20", "\u00A0", "~x"], Urls.IsTrimmed, Urls.Trim),
            "doi" => (["10.1000", "/", "x", "doi:", " ", "https://doi.org/", "http://dx.doi.org/", "%2F", "%", ".", ",", ";", "\u00A0"], DoiBare.IsBare, DoiBare.Bare),
            _ => (["a", "AI", "GAN", "iPhone", "McDonald", "GPT-3", "O'Neil", "x-Ray", " ", ":", "<span class=\"nocase\">", "</span>", "<i>", "</i>", "$", "É", "éA"], ProtectCapitals.NeedsNoProtection, ProtectCapitals.Protect),
        };
        var random = new Random(cleanup.Length);
        var text = new StringBuilder();
        int unchanged = 0, changed = 0;
        for (int n = 0; n < 50_000; n++)
        {
            text.Clear();
            for (int k = random.Next(1, 7); k > 0; k--) text.Append(test.Pieces[random.Next(test.Pieces.Length)]);
            var value = text.ToString();
            var cleaned = test.Clean(value);
            if (cleaned != value) changed++;
            if (!test.Unchanged(value)) continue;
            unchanged++;
            Assert.True(cleaned == value, $"{cleanup}: said unchanged: '{value}', which it makes '{cleaned}'");
        }
        Assert.True(unchanged > 1_000 && changed > 1_000, $"{unchanged} unchanged, {changed} changed");
    }

    [Fact]
    public void The_first_creator_read_into_a_buffer_has_the_parts_of_FirstCreator()
    {
        string[] pieces =
        [
            "Smith", "Jane", "van der", "von", "de la", "Ren{\\'e}e", "{\\v{S}}imi{\\'c}", "{World Health Organization}",
            "{\\relax Ch}ristoph", "O'Neil", "Jr", "others", "and", "and", ",", ", ", " ", "~", "{", "}", "{}", "\\emph{X}",
            "Łukasiewicz", "\\textit{Anon}", "{ACM}", "-", "M.C.",
        ];
        var random = new Random(11);
        var list = new StringBuilder();
        var bib = new StringBuilder();
        const int Count = 5_000;
        for (int n = 0; n < Count; n++)
        {
            list.Clear();
            for (int k = random.Next(0, 9); k > 0; k--) list.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            // Braces balanced, so the value reads as one field; else none.
            var value = list.ToString();
            int depth = 0;
            foreach (char c in value) if ((depth += c == '{' ? 1 : c == '}' ? -1 : 0) < 0) break;
            if (depth != 0) value = value.Replace("{", "").Replace("}", "");
            var role = random.Next(4) switch { 0 => "editor", 1 => "translator", _ => "author" };
            bib.Append($"@book{{k{n}, {role} = {{{value}}}, title = {{T}}}}\n");
        }
        var refs = BibTexReader.Parse(bib.ToString(), "names.bib").References;
        Assert.Equal(Count, refs.Count);
        int persons = 0, literals = 0, none = 0;
        foreach (var r in refs)
        {
            var fast = CreatorName.Of(r);
            // What the fast path found, as strings, before FirstCreator decodes anything.
            var (exists, isLiteral, literal, hasFamily, family, given) =
                (fast.Exists, fast.IsLiteral, fast.Literal.ToString(), fast.HasFamily, fast.Family.ToString(), fast.Given.ToString());
            var creator = r.FirstCreator;
            Assert.Equal(creator is not null, exists);
            if (creator is null) { none++; continue; }
            Assert.Equal(creator.Literal is not null, isLiteral);
            if (isLiteral) { literals++; Assert.Equal(creator.Literal, literal); continue; }
            persons++;
            Assert.Equal(creator.Family is not null, hasFamily);
            Assert.Equal(creator.Family ?? "", family);
            Assert.Equal(creator.Given ?? "", given);
        }
        Assert.True(persons > 1_000 && literals > 100 && none > 100, $"{persons} persons, {literals} literals, {none} none");
    }

    [Fact]
    public void Match_keys_with_one_hash_are_told_apart_by_their_text()
    {
        // Every key hashes alike: only the texts can tell them apart. Key 4 has none (hash 0).
        string?[] texts = ["work:a", "work:b", "work:a", "work:b", null, "work:c", "work:c"];
        ulong[] hashes = [7, 7, 7, 7, 0, 7, 7];
        var index = new Duplicates.KeyIndex(hashes, i => texts[i]);
        var found = new List<int>();
        for (int i = 0; i < texts.Length; i++)
        {
            if (index.TryFind(i, out int first)) found.Add(first);
            else { found.Add(-1); index.Add(i); }
        }
        Assert.Equal([-1, -1, 0, 1, -1, -1, 5], found);
    }

    [Fact]
    public void A_reference_merged_into_is_still_matched_by_the_keys_it_had()
    {
        // a gains b's author and year by the merge; c matches what a was (no author, no year), d what a became,
        // which a was not matched by: d stays, and its key clashes with a's new one.
        const string Bib = """
            @article{a, title={Deep Models}, doi={10.1/deep}}
            @article{b, author={Smith, Jane}, year=2020, title={Deep Models}, doi={10.1/DEEP}}
            @article{c, title={Deep Models}}
            @article{d, author={Smith, Jane}, year=2020, title={Deep Models}}
            """;
        var refs = BibTexReader.Parse(Bib, "m.bib").References;
        var context = new TransformContext { Options = new CleanOptions { MergeDuplicates = true } };
        new Cleaner().Run(refs, context);
        Assert.Equal(["'b' looks like a duplicate of 'a'; merged into it", "'c' looks like a duplicate of 'a'; merged into it"],
            context.Diagnostics.Where(d => d.Code == DiagnosticCodes.PossibleDuplicate).Select(d => d.Message));
        Assert.Equal(["smith2020deepa", "smith2020deepb"], refs.Select(r => r.Id));
    }
}
