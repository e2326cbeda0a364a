using System.Text;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Parsing.PlainText;

namespace CiteWeb.Core.Tests.Hardening;

/// <summary>
/// The README's table of hostile and broken input, one test per row: each is read without an exception, within
/// bounded memory, with a diagnostic, and every good entry around the bad one is kept. Memory is measured as the
/// bytes the reading thread allocated (large files are read on one thread below the parallel threshold, or the
/// bound holds all the more).
/// </summary>
public sealed class HostileInputTests
{
    private const string Before = "@book{before, author = {Benjamin, Ruha}, title = {Race After Technology}, year = {2019}}\n";
    private const string After = "\n@book{after, author = {Tsing, Anna}, title = {The Mushroom at the End of the World}, year = {2015}}\n";

    private static void AssertGoodEntriesKept(Bibliography b)
    {
        Assert.Equal("Race After Technology", b.References.Single(r => r.Id == "before").Title);
        Assert.Equal("The Mushroom at the End of the World", b.References.Single(r => r.Id == "after").Title);
    }

    private static (T Result, long Allocated) Measure<T>(Func<T> read)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = read();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Braces_nested_100000_deep_are_capped_and_reported()
    {
        var text = Before + "@misc{deep, title = {" + new string('{', 100_000) + "x" + new string('}', 100_000) + "}}" + After;
        var b = BibTexReader.Parse(text, "deep.bib");
        Assert.Contains(b.Diagnostics, d => d.Code == DiagnosticCodes.NestingTooDeep);
        AssertGoodEntriesKept(b);
    }

    [Fact]
    public void A_100_mb_field_is_read_whole()
    {
        var value = new string('x', 100 << 20);
        var (b, allocated) = Measure(() => BibTexReader.Parse(Before + "@misc{big, abstract = {" + value + "}}" + After, "big.bib"));
        AssertGoodEntriesKept(b);
        Assert.Equal(100 << 20, b.References.Single(r => r.Id == "big")[Csl.Abstract]!.Length);
        // The file is 200 MB as a string; its reading is a small multiple of that, not a blow-up.
        Assert.True(allocated < 2_000L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void A_hundred_thousand_duplicate_keys_are_all_kept_in_linear_time()
    {
        // Found by fuzzing: each duplicate searched key-2, key-3, ... from 2 again, quadratic in the number of duplicates.
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) text.Append("@misc{same, title = {T").Append(i).Append("}}\n");
        var (b, allocated) = Measure(() => BibTexReader.Parse(text.ToString(), "dups.bib", BibTexReaderOptions.Default with { ParallelScan = false }));
        Assert.Equal(100_000, b.References.Select(r => r.Id).Distinct().Count());
        Assert.Equal("T99999", b.References.Single(r => r.Id == "same-100000").Title);
        Assert.Equal(99_999, b.Diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateKey));
        Assert.True(allocated < 1_000L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void Circular_crossref_and_xdata_are_reported_and_every_entry_kept()
    {
        var text = Before +
            "@inbook{a, crossref = {b}, title = {A}}\n@book{b, crossref = {a}, title = {B}}\n" +
            "@misc{self, crossref = {self}, title = {Self}}\n" +
            "@xdata{x1, xdata = {x2}, publisher = {P}}\n@xdata{x2, xdata = {x1}, location = {L}}\n@book{usesx, xdata = {x1}, title = {X}}\n" + After;
        var b = BibTexReader.Parse(text, "cycle.bib");
        Assert.True(b.Diagnostics.Count(d => d.Code == DiagnosticCodes.CrossrefCycle) >= 3, string.Join("\n", b.Diagnostics));
        Assert.Equal(["before", "a", "b", "self", "usesx", "after"], b.References.Select(r => r.Id));
        AssertGoodEntriesKept(b);
    }

    [Fact]
    public void A_macro_expansion_bomb_is_stopped_and_reported()
    {
        // Found by review of the scanner with fuzzing in mind: @string{m1 = m0 # m0} doubles at every level, so 64
        // levels would be 2^64 characters. Expansion is capped at 16 times the file plus 16 MB.
        var text = new StringBuilder("@string{m0 = {xxxxxxxxxxxxxxxx}}\n");
        for (int i = 1; i <= 64; i++) text.Append($"@string{{m{i} = m{i - 1} # m{i - 1}}}\n");
        text.Append(Before).Append("@misc{bomb, title = m64}").Append(After);
        var (b, allocated) = Measure(() => BibTexReader.Parse(text.ToString(), "bomb.bib"));
        Assert.Single(b.Diagnostics, d => d.Code == DiagnosticCodes.MacroExpansionLimit);
        AssertGoodEntriesKept(b);
        Assert.Contains(b.References, r => r.Id == "bomb");
        Assert.True(allocated < 600L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void Many_uses_of_one_large_macro_stay_within_the_budget()
    {
        var text = new StringBuilder("@string{big = {").Append('y', 1 << 20).Append("}}\n").Append(Before);
        for (int i = 0; i < 20_000; i++) text.Append("@misc{m").Append(i).Append(", note = big}\n");
        text.Append(After);
        var (b, allocated) = Measure(() => BibTexReader.Parse(text.ToString(), "many.bib", BibTexReaderOptions.Default with { ParallelScan = false }));
        Assert.Single(b.Diagnostics, d => d.Code == DiagnosticCodes.MacroExpansionLimit);
        Assert.Equal(20_002, b.References.Count);
        AssertGoodEntriesKept(b);
        Assert.True(allocated < 1_500L << 20, $"{allocated >> 20} MB allocated");
    }

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "utf-16le with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Before + After)] },
        { "utf-16be with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Before + After)] },
        { "utf-16le without BOM", Encoding.Unicode.GetBytes(Before + After) },
        { "utf-16be without BOM", Encoding.BigEndianUnicode.GetBytes(Before + After) },
        { "utf-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Before + After)] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Utf16_and_a_bom_read_as_utf8_would(string encoding, byte[] bytes)
    {
        var b = BibTexReader.Read(new MemoryStream(bytes), "enc.bib");
        AssertGoodEntriesKept(b);
        Assert.DoesNotContain(b.Diagnostics, d => d.Severity != Severity.Info);
        Assert.True(encoding.Length > 0);
    }

    public static TheoryData<string> Formats => ["bibtex", "csl-json", "ris", "plain-text"];

    private static (string Text, string File) Sample(string format) => format switch
    {
        "bibtex" => (Before + "@misc{bad, title = {Caf\uFFFD and \u0001NUL}}" + After, "s.bib"),
        "csl-json" => ("""[{"id": "before", "type": "book", "title": "Race After Technology"}, {"id": "bad", "type": "book", "title": "Caf\uFFFD and \u0001NUL"}, {"id": "after", "type": "book", "title": "The Mushroom at the End of the World"}]""".Replace("\\uFFFD", "\uFFFD", StringComparison.Ordinal).Replace("\\u0001", "\u0001", StringComparison.Ordinal), "s.json"),
        "ris" => ("TY  - BOOK\nID  - before\nTI  - Race After Technology\nER  - \nTY  - BOOK\nID  - bad\nTI  - Caf\uFFFD and \u0001NUL\nER  - \nTY  - BOOK\nID  - after\nTI  - The Mushroom at the End of the World\nER  - \n", "s.ris"),
        _ => ("Benjamin, Ruha. Race After Technology. Polity, 2019.\n\nCaf\uFFFD, Ann. \u0001NUL Title. Press, 2001.\n\nTsing, Anna. The Mushroom at the End of the World. Princeton UP, 2015.\n", "s.txt"),
    };

    private static Bibliography ReadStream(string format, byte[] bytes, string file) => format switch
    {
        "bibtex" => BibTexReader.Read(new MemoryStream(bytes), file),
        "csl-json" => CslJsonReader.Read(new MemoryStream(bytes), file),
        "ris" => RisReader.Read(new MemoryStream(bytes), file),
        _ => PlainTextReader.Read(new MemoryStream(bytes), file),
    };

    /// <summary>Bytes with \uFFFD replaced by a lone 0xE9 (Latin-1 'é', invalid UTF-8) and \u0001 by a NUL byte.</summary>
    private static byte[] Damaged(string text)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.Replace('\u0001', '\0')));
        int at = bytes.IndexOf(0xEF);
        bytes.RemoveRange(at, 3);
        bytes.Insert(at, 0xE9);
        return [.. bytes];
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Invalid_utf8_and_nul_bytes_are_reported_by_every_reader_and_nothing_is_lost(string format)
    {
        // Found while building this table: the CSL-JSON, RIS and plain-text stream readers decoded with a
        // StreamReader, turning bad bytes into U+FFFD without a word; they now decode as the CLI does.
        var (text, file) = Sample(format);
        var b = ReadStream(format, Damaged(text), file);
        var notUtf8 = Assert.Single(b.Diagnostics, d => d.Code == DiagnosticCodes.NotUtf8);
        Assert.Equal(Severity.Warning, notUtf8.Severity);
        Assert.Contains(b.Diagnostics, d => d.Code == DiagnosticCodes.NulByte);
        Assert.Equal(3, b.References.Count);
        Assert.Contains(b.References, r => r.Title?.Contains("The Mushroom at the End of the World", StringComparison.Ordinal) == true);
        Assert.Contains(b.References, r => r.Raw?.Contains("Café", StringComparison.Ordinal) == true || r.Title?.Contains("Café", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_ris_tag_repeated_20000_times_is_kept_in_linear_memory()
    {
        // Found by fuzzing: unused values of a repeated tag were appended to custom one string at a time (quadratic:
        // 560 KB of DO lines allocated 7.7 GB), and every tag taken with all its repeats was searched from the start.
        var text = new StringBuilder("TY  - JOUR\nID  - rep\nTI  - Repeated\n");
        for (int i = 0; i < 20_000; i++) text.Append("DO  - 10.1126/science.").Append(i).Append('\n');
        for (int i = 0; i < 20_000; i++) text.Append("KW  - k").Append(i).Append('\n');
        text.Append("ER  - \nTY  - BOOK\nID  - after\nTI  - After\nER  - \n");
        var (b, allocated) = Measure(() => RisReader.Read(text.ToString(), "rep.ris"));
        var r = b.References[0];
        Assert.Equal("10.1126/science.0", r.Doi);
        Assert.Equal(19_999, r.Custom["do"]!.Split('\n').Length);
        Assert.Equal(20_000, r[Csl.Keyword]!.Split(", ").Length);
        Assert.Equal("after", b.References[1].Id);
        Assert.True(allocated < 200L << 20, $"{allocated >> 20} MB allocated");
    }

    [Theory]
    [InlineData("""[{"id": "bad", "title": }, {"\ud800x": 1}, {"id": "after", "type": "book", "title": "After"}]""")]
    [InlineData("""{"\ud800": 1, "items": [{"id": "after", "type": "book", "title": "After"}]}""")]
    [InlineData("""[{"id": "after", "type": "book", "title": "After", "\udc00": {"\ud800": 1}}]""")]
    public void A_json_key_with_a_lone_surrogate_never_escapes_as_an_exception(string json)
    {
        // Found by fuzzing: resynchronising after a broken item looked up "id" in an object whose key was "\ud800...",
        // and System.Text.Json threw InvalidOperationException out of the reader.
        var b = CslJsonReader.Read(json, "surrogate.json");
        Assert.NotEmpty(b.Diagnostics);
        Assert.All(b.References, r => Assert.Equal("after", r.Id));
    }

    [Fact]
    public void A_ris_value_continued_over_20000_lines_is_joined_in_linear_memory()
    {
        // Found by the long fuzz run: each continuation line was appended with string concatenation, so 18,843 lines
        // of one URL (510 KB) never finished within 20 s.
        var text = new StringBuilder("TY  - ELEC\r\nID  - cont\r\nUR  - https://example.org/a\r\n");
        for (int i = 0; i < 20_000; i++) text.Append("nization/part  - 2018///\r");
        text.Append("\nER  - \r\nTY  - BOOK\r\nID  - after\r\nTI  - After\r\nER  - \r\n");
        var (b, allocated) = Measure(() => RisReader.Read(text.ToString(), "cont.ris"));
        Assert.Equal(["cont", "after"], b.References.Select(r => r.Id));
        Assert.Equal(20_001, (b.References[0].Url ?? b.References[0].Custom["ur"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.StartsWith("nization", StringComparison.Ordinal) || w.StartsWith("https", StringComparison.Ordinal)));
        Assert.True(allocated < 200L << 20, $"{allocated >> 20} MB allocated");
    }
}
