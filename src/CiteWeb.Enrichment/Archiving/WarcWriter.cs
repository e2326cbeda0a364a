using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace CiteWeb.Enrichment;

/// <summary>
/// Writes WARC 1.1 records (ISO 28500:2017), each as its own gzip member, so a reader can seek to any record and
/// the file is a valid <c>.warc.gz</c>. Every record gets <c>WARC-Record-ID</c>, <c>WARC-Date</c>,
/// <c>Content-Length</c> and <c>WARC-Block-Digest</c>; a response also its <c>WARC-Payload-Digest</c>. Digests are SHA-1
/// in base32, as Heritrix, wget and warcio write them.
/// </summary>
public sealed class WarcWriter(Stream output)
{
    public const string Version = "WARC/1.1";

    public static string NewRecordId() => $"<urn:uuid:{Guid.NewGuid()}>";

    /// <summary>WARC's date: UTC, to the second (the 1.1 grammar allows more; readers all take this).</summary>
    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>sha1:</c> and the base32 (RFC 4648, no padding needed for 20 bytes) of the SHA-1 of the bytes.</summary>
    public static string Sha1(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(bytes, hash);
        return "sha1:" + Base32(hash);
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var s = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                s.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) s.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return s.ToString();
    }

    /// <summary>The <c>warcinfo</c> record that opens a file: who wrote it, in which format.</summary>
    public void WriteInfo(string id, DateTimeOffset date, string fileName, string software)
    {
        var fields = Encoding.UTF8.GetBytes(
            $"software: {software}\r\nformat: WARC File Format 1.1\r\n" +
            "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
        Write("warcinfo", id, date, [("WARC-Filename", fileName), ("Content-Type", "application/warc-fields")], fields);
    }

    /// <summary>One record: the named headers after the mandatory ones, then the block, in one gzip member.</summary>
    public void Write(string type, string id, DateTimeOffset date, IEnumerable<(string Name, string Value)> headers, ReadOnlySpan<byte> block)
    {
        var head = new StringBuilder()
            .Append(Version).Append("\r\n")
            .Append("WARC-Type: ").Append(type).Append("\r\n")
            .Append("WARC-Record-ID: ").Append(id).Append("\r\n")
            .Append("WARC-Date: ").Append(Date(date)).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0) throw new ArgumentException($"The WARC header {name} holds a line break.", nameof(headers));
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        head.Append("WARC-Block-Digest: ").Append(Sha1(block)).Append("\r\n")
            .Append("Content-Length: ").Append(block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(head.ToString()));
            gzip.Write(block);
            gzip.Write("\r\n\r\n"u8);
        }
    }
}
