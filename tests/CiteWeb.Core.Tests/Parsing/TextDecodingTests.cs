using System.Text;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Parsing;

namespace CiteWeb.Core.Tests.Parsing;

public sealed class TextDecodingTests
{
    private const string Sample = "@book{k, author = {Kjøsen, Atle}, title = {Über “AI”}}";

    [Fact]
    public void Utf8_without_bom_is_read_silently()
    {
        var r = TextDecoding.Decode(Encoding.UTF8.GetBytes(Sample), "a.bib");
        Assert.Equal(Sample, r.Text);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Utf8_bom_is_dropped()
    {
        var r = TextDecoding.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)], "a.bib");
        Assert.Equal(Sample, r.Text);
        Assert.Equal("utf-8", r.Encoding);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Utf16_with_bom_is_read(string name)
    {
        var enc = name == "utf-16le" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var r = TextDecoding.Decode([.. enc.GetPreamble(), .. enc.GetBytes(Sample)], "a.bib");
        Assert.Equal(Sample, r.Text);
        Assert.Equal(name, r.Encoding);
    }

    [Fact]
    public void Utf16_without_bom_is_recognised_and_reported()
    {
        var r = TextDecoding.Decode(Encoding.Unicode.GetBytes(Sample), "a.bib");
        Assert.Equal(Sample, r.Text);
        Assert.Equal(DiagnosticCodes.NotUtf8, Assert.Single(r.Diagnostics).Code);
    }

    [Fact]
    public void Windows_1252_is_decoded_and_reported_with_the_position_of_the_first_bad_byte()
    {
        // "Kj\xF8sen" and curly quotes \x93 \x94 as Word on Windows writes them.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("@book{k,\n author = {Kj"), 0xF8, .. Encoding.ASCII.GetBytes("sen}, title = {"), 0x93, (byte)'A', (byte)'I', 0x94, (byte)'}', (byte)'}'];
        var r = TextDecoding.Decode(bytes, "old.bib");
        Assert.Equal("@book{k,\n author = {Kjøsen}, title = {“AI”}}", r.Text);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticCodes.NotUtf8, Severity.Warning, 2, 14), (d.Code, d.Severity, d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Nul_bytes_are_reported_and_replaced()
    {
        var r = TextDecoding.Decode(Encoding.UTF8.GetBytes("ab\ncd\0ef"), "n.bib");
        Assert.Equal("ab\ncd ef", r.Text);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticCodes.NulByte, 2, 3), (d.Code, d.Span.Line, d.Span.Column));
    }
}
