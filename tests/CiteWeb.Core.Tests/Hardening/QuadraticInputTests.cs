using System.Text;
using CiteWeb.Core.Checks;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Parsing.PlainText;
using CiteWeb.Core.Tests.Architecture;
using CiteWeb.Fuzz;

namespace CiteWeb.Core.Tests.Hardening;

/// <summary>
/// The fuzzer's slow findings (tests/CiteWeb.Fuzz/findings), each grown several times past the saved input so that
/// a quadratic path takes minutes of CPU while a linear one takes well under a second. Bounded by this thread's CPU
/// time (<see cref="ThreadClock"/>), so a loaded machine does not fail them; the bounds are generous for a Debug build.
/// </summary>
public sealed class QuadraticInputTests
{
    private static (T Result, TimeSpan Cpu) Cpu<T>(Func<T> read)
    {
        long started = ThreadClock.Now();
        var result = read();
        return (result, TimeSpan.FromTicks(ThreadClock.Now() - started));
    }

    private const string Mla1 = "Benjamin, Ruha. Race After Technology. Polity, 2019.";
    private const string Mla2 = "Tsing, Anna Lowenhaupt. The Mushroom at the End of the World. Princeton UP, 2015.";

    [Theory]
    // plain-text-slow-BAB810D63D98.txt: 18,107 capitals then "or"; the style detector's patterns were tried from every letter.
    [InlineData("W")]
    [InlineData("Wa")]
    [InlineData("7")]
    [InlineData(": ")]
    [InlineData("A: b ")]
    public void A_long_run_on_one_line_of_a_plain_text_list_is_read_in_linear_time(string unit)
    {
        var line = new StringBuilder();
        while (line.Length < 200_000) line.Append(unit);
        line.Append("or");
        var text = $"Works Cited\n\n{Mla1}\n\n{line}\n\n{Mla2}\n";

        var (b, cpu) = Cpu(() => PlainTextReader.Read(text, "long.txt"));

        Assert.True(cpu < TimeSpan.FromSeconds(5), $"{cpu.TotalSeconds:0.0} s of CPU for a {line.Length:N0}-character line of '{unit}'");
        Assert.Equal(["Race After Technology", "The Mushroom at the End of the World"], b.References.Select(r => r.Title));
        Assert.Contains(b.Diagnostics, d => d.Code == DiagnosticCodes.NotAReference && d.Span.Line == 5);
    }

    [Theory]
    // plain-text-slow-972013E33453.bin and five more (160-330 KB, up to 6.9 s of CPU): runs of '[' that never close a
    // Markdown link; each '[' searched the rest of the line for "](".
    [InlineData("[", "")]
    [InlineData("[a", "")]
    [InlineData("[", "]")]
    // Every '[' before one "](" whose target is not one word: the target was read again for each.
    [InlineData("[", "](a b)")]
    [InlineData("[", "](" + "a ")]
    // plain-text-memory-2F0E4D6CA515.bin: 6,600 "<w:p" after a title, 174 MB for 26.5 KB; each '<' searched for '>' and
    // copied what lay before it as the tag's name.
    [InlineData("<w:p", "")]
    [InlineData("<w:p", "><w:p>")]
    [InlineData("<", "")]
    // "<doi:..." runs, read as links in angle brackets: each searched the rest of the line for '>', then for a space.
    [InlineData("<doi:a", " >")]
    public void A_long_run_of_unclosed_markup_on_one_line_is_read_in_linear_time_and_memory(string unit, string end)
    {
        var line = new StringBuilder("Crawford, Kate. Atlas of AI ");
        while (line.Length < 1_000_000) line.Append(unit);
        line.Append(end).Append(" Yale UP, 2021.");
        var text = $"Works Cited\n\n{Mla1}\n\n{line}\n\n{Mla2}\n";

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var (b, cpu) = Cpu(() => PlainTextReader.Read(text, "markup.txt"));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(cpu < TimeSpan.FromSeconds(5), $"{cpu.TotalSeconds:0.0} s of CPU for a {line.Length:N0}-character line of '{unit}'");
        // The fuzzer's allowance: 400 bytes per input byte plus 64 MB.
        Assert.True(allocated < 400L * text.Length + (64 << 20), $"{allocated >> 20} MB allocated for {text.Length:N0} characters of '{unit}'");
        Assert.Equal(["Race After Technology", "The Mushroom at the End of the World"], b.References.Select(r => r.Title));
        Assert.Contains(b.Diagnostics, d => d.Code == DiagnosticCodes.NotAReference && d.Span.Line == 5);
    }

    [Fact]
    public void Markup_after_long_unclosed_runs_is_still_read()
    {
        // The searches are shared between the brackets of a line; what closes after the runs must still close.
        string brackets = new('[', 200_000), tags = string.Concat(Enumerable.Repeat("<w:p", 50_000));
        var text = $"{brackets}\n[the site](https://example.org/a) {tags} <i>Nature</i> and *Atlas*";

        var (stripped, cpu) = Cpu(() => InlineMarkup.Strip(text));

        Assert.True(cpu < TimeSpan.FromSeconds(2), $"{cpu.TotalSeconds:0.0} s of CPU");
        Assert.Equal($"{brackets}\nthe site https://example.org/a {tags} \uE000Nature\uE001 and \uE000Atlas\uE001", stripped);
    }

    [Fact]
    public void Twenty_thousand_csl_json_items_with_one_id_are_all_kept_in_linear_time()
    {
        // csl-json-slow-B183BE38F4AD.json: 6,656 items repeating a few ids; each renaming tried id-2, id-3, ... from 2 again.
        var json = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) json.Append(i == 0 ? "" : ",").Append("{\"id\":\"same\",\"type\":\"book\",\"title\":\"T").Append(i).Append("\"}");
        json.Append(']');

        var (b, cpu) = Cpu(() => CslJsonReader.Read(json.ToString(), "same.json"));

        Assert.True(cpu < TimeSpan.FromSeconds(15), $"{cpu.TotalSeconds:0.0} s of CPU");
        Assert.Equal(20_000, b.References.Count);
        Assert.Equal(20_000, b.References.Select(r => r.Id).Distinct().Count());
        Assert.Equal(("same-20000", "T19999"), (b.References[^1].Id, b.References[^1].Title));
        Assert.Equal(19_999, b.Diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateItemId));
    }

    [Fact]
    public void A_ris_record_with_sixty_thousand_urls_keeps_them_all_in_linear_time()
    {
        // ris-slow-B5250165E901.ris: one record with 17,392 UR lines; each extra URL is a custom field, and the
        // field map found a key by scanning all the fields before it.
        var ris = new StringBuilder("TY  - JOUR\r\nID  - many\r\nTI  - Many Links\r\n");
        for (int i = 1; i <= 60_000; i++) ris.Append("UR  - https://example.org/").Append(i).Append("\r\n");
        ris.Append("ER  - \r\n");
        var text = Encoding.Unicode.GetString(Encoding.Unicode.GetBytes(ris.ToString()));

        var (b, cpu) = Cpu(() => RisReader.Read(text, "urls.ris"));

        Assert.True(cpu < TimeSpan.FromSeconds(5), $"{cpu.TotalSeconds:0.0} s of CPU");
        var r = Assert.Single(b.References);
        Assert.Equal("https://example.org/1", r.Url);
        Assert.Equal("https://example.org/60000", r.Custom[RisVocabulary.ExtraUrlKey(60_000)]);
        Assert.Equal(60_000 - 1, r.Custom.Keys.Count(k => k.StartsWith("url", StringComparison.Ordinal)));
    }

    [Fact]
    public void Twenty_thousand_ris_records_with_one_id_are_all_kept_in_linear_time()
    {
        var ris = new StringBuilder();
        for (int i = 0; i < 20_000; i++) ris.Append("TY  - BOOK\nID  - same\nTI  - T").Append(i).Append("\nER  - \n");

        var (b, cpu) = Cpu(() => RisReader.Read(ris.ToString(), "same.ris"));

        Assert.True(cpu < TimeSpan.FromSeconds(15), $"{cpu.TotalSeconds:0.0} s of CPU");
        Assert.Equal(20_000, b.References.Select(r => r.Id).Distinct().Count());
        Assert.Equal(("same-20000", "T19999"), (b.References[^1].Id, b.References[^1].Title));
    }

    [Fact]
    public void A_hundred_thousand_bibtex_entries_with_one_key_name_their_first_line_in_linear_time()
    {
        // Fuzzing (seed 3): 28,244 "@article{zhao9457}\n}" in 600 KB. The diagnostic's "first at line N" asked the line
        // map about the first entry again for every duplicate, stepping back over the whole file each time.
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) text.Append("@article{same}\n}\n\n");

        var (b, cpu) = Cpu(() => BibTexReader.Parse(text.ToString(), "same.bib"));

        Assert.True(cpu < TimeSpan.FromSeconds(10), $"{cpu.TotalSeconds:0.0} s of CPU");
        Assert.Equal(100_000, b.References.Count);
        var last = b.Diagnostics.Last(d => d.Code == DiagnosticCodes.DuplicateKey);
        Assert.Equal("duplicate key 'same' (first at line 1); this entry is kept as 'same-100000'", last.Message);
        Assert.Equal(3 * 99_999 + 1, last.Span.Line); // three lines an entry
    }

    [Theory]
    // manuscript-slow-392E4D22B9BF.txt: one 634 KB paragraph repeating this about 4,000 times. Each parenthesis looked
    // for every name of the list in the 600 characters before it (listing the names anew and folding the stretch to
    // ASCII once a name), and again at the end of the paragraph before: 3.4 s of CPU and 690 MB for the three formats.
    [InlineData("Amazon Web Services (AWS), it se", 0)]
    // A citation every few words: each one's line was counted from the paragraph's start, and CW014 looked for its
    // paragraph among all the manuscript's.
    [InlineData("it is so (Burkhardt 211) and ", 1)]
    // Keys: each match was checked against every key taken before it.
    [InlineData("as [@KEY, p. 3] and \\cite{KEY} show ", 2)]
    // Years: each looked for a title of the list in the sentence, normalising every title anew.
    [InlineData("Benjamin (2019) wrote in 2019 (2019) ", 1)]
    // manuscript-slow-E96F31109BA5.txt: 18,985 parentheses in one paragraph, most of them co-authored citations; each
    // matched its names, year and title against the list again.
    [InlineData("the ion-based plans (Osman and Sewell). ", 1)]
    public void A_paragraph_of_many_parentheses_is_checked_in_linear_time(string unit, int citationsPerUnit)
    {
        var root = DependencyTests.RepoRoot();
        var list = PlainTextReader.Read(File.ReadAllText(Path.Combine(root, "bib", "luchs-2023-ai-for-all.txt")), "bib/luchs-2023-ai-for-all.txt");
        var key = list.References.Single(r => r.Creators[0].Family == "Burkhardt").Id;
        var body = new StringBuilder("As Benjamin argues, the code is new (12). ");
        int units = 0;
        for (; body.Length < 2_000_000; units++) body.Append(unit.Replace("KEY", key, StringComparison.Ordinal));
        body.Append(" and so “it was.” (Turner, From Counterculture 5).");
        var manuscript = ManuscriptReader.Read($"A Title\n\n{body}\n\nAs Burkhardt details:\n\n“A long quotation.” (211)\n", "long.md");

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var (report, cpu) = Cpu(() => CheckCatalogue.Run(manuscript, list));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(cpu < TimeSpan.FromSeconds(10), $"{cpu.TotalSeconds:0.0} s of CPU for {units:N0} units in one paragraph");
        Assert.True(allocated < 150L * body.Length, $"{allocated / 1048576.0:0} MB allocated for a {body.Length / 1048576.0:0.0} MB paragraph");
        Assert.Equal(units * citationsPerUnit + 3, report.Citations.Count);
        Assert.Equal(("(12)", CitationKind.Narrative, "Benjamin"), (report.Citations[0].Text, report.Citations[0].Kind, report.Citations[0].Works[0].Author));
        var turner = report.Citations[^2];
        Assert.Equal(("(Turner, From Counterculture 5)", "Turner", "From Counterculture", 3), (turner.Text, turner.Works[0].Author, turner.Works[0].Title, turner.Span.Line));
        var quotation = report.Citations[^1];
        Assert.Equal(("(211)", CitationKind.Narrative, "Burkhardt", 7), (quotation.Text, quotation.Kind, quotation.Works[0].Author, quotation.Span.Line));
        Assert.Contains(report.Findings, f => f.Code == "CW014" && f.Citation == "(Turner, From Counterculture 5)");
    }

    [Fact]
    public void A_field_map_with_many_fields_finds_each_after_removals()
    {
        // The hash index taken on past FieldMap.IndexedFrom fields must follow removals, which shift the fields.
        var map = new FieldMap();
        for (int i = 0; i < 100; i++) map["k" + i] = "v" + i;
        map["k10"] = null;
        map["k50"] = "changed";
        Assert.Equal(99, map.Count);
        Assert.Null(map["k10"]);
        Assert.Equal(("v11", "changed", "v99"), (map["k11"], map["k50"], map["k99"]));
        for (int i = 0; i < 80; i++) map["k" + i] = null;
        Assert.Equal(20, map.Count);
        Assert.Equal(["v80", "v99"], new[] { map["k80"], map["k99"] });
        map["k5"] = "back";
        Assert.Equal("back", map["k5"]);
        Assert.Equal(21, map.Count);
    }
    [Fact]
    public void Forty_thousand_broken_literals_in_one_csl_json_item_cost_linear_time_and_memory_and_lose_no_item_after_them()
    {
        // csl-json-memory-7B7BD1DD906B.bin: 8,900 copies of "source":tom": { in one item. System.Text.Json quoted the
        // rest of the file in the message of each broken literal, once per candidate the resynchronisation tried
        // (1.18 GB allocated for 209 KB), and gave up after 1,000 of them, losing the good items at the end.
        var json = new StringBuilder("[\n  {\"id\": \"before\", \"type\": \"book\", \"title\": \"Before\"},\n  {\"id\": \"broken\", \"custom\": {\n");
        for (int i = 0; i < 40_000; i++) json.Append("      \"source\":tom\": {\n");
        json.Append("  }},\n  {\"id\": \"after\", \"type\": \"book\", \"title\": \"After\"}\n]\n");
        var text = json.ToString();

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var (b, cpu) = Cpu(() => CslJsonReader.Read(text, "broken.json"));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(cpu < TimeSpan.FromSeconds(5), $"{cpu.TotalSeconds:0.0} s of CPU for {text.Length:N0} characters");
        Assert.True(allocated < 400L * text.Length + (64 << 20), $"{allocated:N0} bytes allocated for {text.Length:N0} characters");
        Assert.Equal(["before", "after"], b.References.Select(r => r.Id));
        var error = Assert.Single(b.Diagnostics, d => d.Code == DiagnosticCodes.InvalidJson);
        Assert.Equal((4, 17), (error.Span.Line, error.Span.Column)); // the "o" of the first "tom", where "true" stops matching
        Assert.True(error.Message.Length < 200 && !error.Message.Contains('\n'), error.Message);
    }
    [Fact]
    public void A_cite_command_of_five_thousand_unknown_keys_gets_a_finding_each_without_quoting_all_of_it_each_time()
    {
        // manuscript-memory-036414473D25.bin: a \cite{...} of 1,690 "keys" in 28 KB; each of its 1,690 findings quoted
        // all 23,745 characters of it (81 MB a format, three formats a fuzz input).
        var keys = string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"nokey{i}"));
        var text = $"As argued \\cite{{{keys}}} and (Benjamin 3).\n";
        var list = PlainTextReader.Read("Works Cited\n\n" + Mla1 + "\n", "list.txt");

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var (report, cpu) = Cpu(() => CiteWeb.Core.Checks.CheckCatalogue.Run(CiteWeb.Core.Manuscripts.ManuscriptReader.Read(text, "m.tex"), list));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(cpu < TimeSpan.FromSeconds(5), $"{cpu.TotalSeconds:0.0} s of CPU");
        Assert.True(allocated < 400L * text.Length + (64 << 20), $"{allocated:N0} bytes allocated for {text.Length:N0} characters");
        var missing = report.Findings.Where(f => f.Code == "CW001").ToList();
        Assert.Equal(5_000, missing.Count);
        Assert.All(missing, f => Assert.True(f.Message.Length < 300, f.Message));
        Assert.Contains("nokey4999", missing[^1].Message);
        Assert.Contains(report.Citations, c => c.Text == "(Benjamin 3)");
    }

    [Fact]
    public void Four_times_the_citations_in_one_paragraph_cost_four_times_the_memory_not_sixteen()
    {
        // manuscript-slow-E96F31109BA5.txt: 18,985 parentheses in one paragraph. Each parenthesis's work must not grow
        // with the paragraph: anything that copies, folds or matches the text before each parenthesis again makes four
        // times the citations cost sixteen times as much. Memory allocated on this thread is deterministic where time on
        // a loaded machine is not, and those paths (NameFinder's and the works index's before they remembered) allocate.
        var root = DependencyTests.RepoRoot();
        var list = PlainTextReader.Read(File.ReadAllText(Path.Combine(root, "bib", "luchs-2023-ai-for-all.txt")), "bib/luchs-2023-ai-for-all.txt");
        const string unit = "the plans (Osman and Sewell 12), as Benjamin puts it (183), grew (Benjamin 183; Apprich, Technotopia 90) "
            + "at Amazon Web Services (AWS) in 2019 (2019) (see, for instance, Osman and Sewell) and (ibid. 91) ";
        const int citationsPerUnit = 5; // all but (AWS) and the year in running text

        (long Bytes, CheckReport Report) Check(int units)
        {
            var manuscript = ManuscriptReader.Read($"A Title\n\n{string.Concat(Enumerable.Repeat(unit, units))}\n", "m.md");
            long before = GC.GetAllocatedBytesForCurrentThread();
            var report = CheckCatalogue.Run(manuscript, list);
            return (GC.GetAllocatedBytesForCurrentThread() - before, report);
        }

        Check(10); // what a first run makes once (the regular expressions' runners) is not the paragraph's
        var (small, smallReport) = Check(1_000);
        var (large, largeReport) = Check(4_000);

        Assert.Equal(1_000 * citationsPerUnit, smallReport.Citations.Count);
        Assert.Equal(4_000 * citationsPerUnit, largeReport.Citations.Count);
        Assert.Equal(["(Osman and Sewell 12)", "(183)", "(Benjamin 183; Apprich, Technotopia 90)", "(see, for instance, Osman and Sewell)", "(ibid. 91)"],
            largeReport.Citations.Take(citationsPerUnit).Select(c => c.Text));
        Assert.DoesNotContain(largeReport.Findings, f => f.Code == "CW001");
        // Linear: 4x (a little less, for what a run makes once). Quadratic: 16x. Between them, room for the
        // collections' doubling.
        Assert.True(large < 6 * small, $"{small / 1048576.0:0.0} MB for 1,000 units, {large / 1048576.0:0.0} MB for 4,000 ({(double)large / small:0.0}x)");
    }
}
