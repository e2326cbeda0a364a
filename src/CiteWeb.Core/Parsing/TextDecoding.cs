using System.Text;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing;

/// <summary>
/// Turns a file's bytes into text. UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such; UTF-16
/// without a BOM is recognised by its zero bytes. Bytes that are not UTF-8 are read as Windows-1252 (what Word and
/// old reference managers on Windows write) and reported with the position of the first bad byte: the text is
/// never mangled silently.
/// </summary>
public static class TextDecoding
{
    public sealed record Result(string Text, string Encoding, IReadOnlyList<Diagnostic> Diagnostics);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Result Decode(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), fileName);
    }

    /// <summary>
    /// Decodes <paramref name="stream"/> and hands the text to <paramref name="read"/>; the decoding's diagnostics
    /// (not UTF-8, NUL characters) come first. Every reader's stream overload goes through here, as the CLI does.
    /// </summary>
    public static Bibliography Read(Stream stream, string fileName, Func<string, Bibliography> read)
    {
        var decoded = Decode(stream, fileName);
        var bibliography = read(decoded.Text);
        bibliography.Diagnostics.InsertRange(0, decoded.Diagnostics);
        return bibliography;
    }

    public static Result Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        var diagnostics = new List<Diagnostic>();
        string text;
        string encoding;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { bytes = bytes[3..]; encoding = "utf-8"; text = Utf8OrFallback(bytes, fileName, diagnostics, ref encoding); }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) { text = new UTF32Encoding(false, true).GetString(bytes[4..]); encoding = "utf-32le"; }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) { text = new UTF32Encoding(true, true).GetString(bytes[4..]); encoding = "utf-32be"; }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { text = Encoding.Unicode.GetString(bytes[2..]); encoding = "utf-16le"; }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { text = Encoding.BigEndianUnicode.GetString(bytes[2..]); encoding = "utf-16be"; }
        else if (LooksLikeUtf16(bytes, out bool bigEndian))
        {
            text = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes);
            encoding = bigEndian ? "utf-16be" : "utf-16le";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NotUtf8, Severity.Info, $"file has no byte-order mark but reads as {encoding}", new SourceSpan(fileName, 1, 1)));
        }
        else { encoding = "utf-8"; text = Utf8OrFallback(bytes, fileName, diagnostics, ref encoding); }

        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var at = new LineMap(text, fileName).At(nul);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NulByte, Severity.Warning, "file contains NUL characters; they are read as spaces", at));
            text = text.Replace('\0', ' ');
        }
        return new Result(text, encoding, diagnostics);
    }

    private static string Utf8OrFallback(ReadOnlySpan<byte> bytes, string fileName, List<Diagnostic> diagnostics, ref string encoding)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return StrictUtf8.GetString(bytes);
        int bad = FirstInvalidUtf8(bytes);
        int line = 1, lineStart = 0;
        for (int i = 0; i < bad; i++) if (bytes[i] == '\n') { line++; lineStart = i + 1; }
        encoding = "windows-1252";
        diagnostics.Add(new Diagnostic(DiagnosticCodes.NotUtf8, Severity.Warning,
            $"file is not valid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad}); read as Windows-1252 — check accented letters, or save the file as UTF-8",
            new SourceSpan(fileName, line, bad - lineStart + 1, bad)));
        return Windows1252(bytes);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
            bytes = bytes[consumed..];
        }
        return offset;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        int sample = Math.Min(bytes.Length & ~1, 4096);
        if (sample < 4) return false;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        int pairs = sample / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return true;
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) { bigEndian = true; return true; }
        return false;
    }

    // Windows-1252 differs from Latin-1 only in 0x80-0x9F; .NET ships no 1252 decoder without a package.
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    private static string Windows1252(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (chars, b) =>
        {
            for (int i = 0; i < b.Length; i++)
                chars[i] = b[i] is >= 0x80 and <= 0x9F ? Cp1252High[b[i] - 0x80] : (char)b[i];
        });
    }
}
