using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Export;

/// <summary>
/// The reports of <c>citeweb linkrot</c>, one pure function per format: JSON (the contract), CSV, Markdown, text and
/// a self-contained HTML page. Every value in a link came from an untrusted file or server, so each format escapes
/// for its own syntax: JSON by the writer, CSV by RFC 4180 quoting plus formula neutralising, Markdown by
/// <see cref="MarkdownText.Escape"/>, text by dropping control characters, HTML by entity-encoding and http(s)-only links.
/// </summary>
public static partial class LinkRotReport
{
    public static readonly string[] Formats = ["text", "json", "markdown", "html", "csv"];

    public static string Write(string format, IReadOnlyList<LinkCheck> links, DateTimeOffset generated) => format switch
    {
        "text" => Text(links, generated),
        "json" => Json(links, generated),
        "markdown" => Markdown(links, generated),
        "html" => Html(links, generated),
        "csv" => Csv(links),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown link-rot report format"),
    };

    public static string Extension(string format) => format switch
    {
        "json" => ".json",
        "markdown" => ".md",
        "html" => ".html",
        "csv" => ".csv",
        _ => ".txt",
    };

    private static JsonWriterOptions JsonOptions => new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The JSON contract: <c>generated</c>, <c>links</c> (each with every key, in the contract's order, absent values
    /// as <c>null</c>) and <c>summary</c> (status name to count, only statuses present, in the order of
    /// <see cref="LinkStatus"/>). A link never checked (<see cref="LinkCheck.CheckedAt"/> unset) has
    /// <c>"checkedAt": null</c>; a similarity that is not a finite number gives <c>"drift": null</c>.
    /// </summary>
    public static string Json(IReadOnlyList<LinkCheck> links, DateTimeOffset generated)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("generated", Iso(generated));
            w.WriteStartArray("links");
            foreach (var link in links) WriteLink(w, link);
            w.WriteEndArray();
            w.WriteStartObject("summary");
            foreach (var (status, count) in Counts(links)) w.WriteNumber(LinkStatuses.Name(status), count);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>One link of the contract. For an enriched record (<paramref name="inRecord"/>, <c>custom.link</c>) the
    /// keys that the record itself says (reference, file, line) and the archive (<c>custom.archive</c>) are left out.</summary>
    private static void WriteLink(Utf8JsonWriter w, LinkCheck link, bool inRecord = false)
    {
        w.WriteStartObject();
        w.WriteString("url", Valid(link.Url));
        if (!inRecord)
        {
            w.WriteString("reference", Valid(link.Reference));
            w.WriteString("file", Valid(link.File));
            WriteNumber(w, "line", link.Line);
        }
        w.WriteString("status", LinkStatuses.Name(link.Status));
        WriteNumber(w, "httpStatus", link.HttpStatus);
        w.WriteString("finalUrl", Valid(link.FinalUrl));
        w.WriteStartArray("redirects");
        foreach (var hop in link.Redirects) w.WriteStringValue(Valid(hop));
        w.WriteEndArray();
        if (Similarity(link) is { } similarity)
        {
            w.WriteStartObject("drift");
            w.WriteNumber("similarity", similarity);
            w.WriteEndObject();
        }
        else w.WriteNull("drift");
        if (inRecord) { }
        else if (link.Archive is { } archive)
        {
            w.WritePropertyName("archive");
            WriteArchive(w, archive);
        }
        else w.WriteNull("archive");
        w.WriteString("checkedAt", Checked(link));
        w.WriteNumber("elapsedMs", link.ElapsedMs);
        w.WriteString("detail", Valid(link.Detail));
        w.WriteEndObject();
    }

    private static void WriteArchive(Utf8JsonWriter w, ArchivedCopy archive)
    {
        w.WriteStartObject();
        w.WriteString("url", Valid(archive.Url));
        w.WriteString("timestamp", Iso(archive.Timestamp));
        w.WriteString("source", Valid(archive.Source));
        w.WriteEndObject();
    }

    /// <summary>The link as compact JSON for <c>custom.link</c> of an enriched CSL-JSON record: the keys of a link of
    /// <see cref="Json"/> less reference, file, line and archive.</summary>
    public static string LinkObject(LinkCheck link) => Compact(w => WriteLink(w, link, inRecord: true));

    /// <summary>The archived copy as compact JSON for <c>custom.archive</c>: <c>{"url", "timestamp", "source"}</c>.</summary>
    public static string ArchiveObject(ArchivedCopy archive) => Compact(w => WriteArchive(w, archive));

    /// <summary>One value, in the compact form the CSL-JSON reader keeps custom objects in, so it goes back out as JSON.</summary>
    private static string Compact(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })) write(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>ISO 8601 as the JSON report writes it, for the fields of other formats.</summary>
    public static string IsoTime(DateTimeOffset t) => Iso(t);

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>The CSV columns, in order: the JSON contract flattened, one link a row.</summary>
    public static readonly string[] CsvColumns =
        ["url", "reference", "file", "line", "status", "httpStatus", "finalUrl", "redirects", "archiveUrl", "archiveTimestamp", "checkedAt", "elapsedMs", "detail"];

    /// <summary>
    /// RFC 4180: CRLF between records, a field quoted when it holds a comma, quote, CR or LF, quotes doubled. A
    /// spreadsheet would run a cell beginning with = + - @ tab or CR as a formula, so such a cell gets a leading
    /// apostrophe (OWASP's advice) before it is quoted. Redirect hops are joined with " -> ".
    /// </summary>
    public static string Csv(IReadOnlyList<LinkCheck> links)
    {
        var sb = new StringBuilder();
        AppendCsvRow(sb, CsvColumns);
        foreach (var l in links)
            AppendCsvRow(sb,
            [
                l.Url, l.Reference, l.File, Number(l.Line), LinkStatuses.Name(l.Status), Number(l.HttpStatus), l.FinalUrl,
                string.Join(" -> ", l.Redirects), l.Archive?.Url, l.Archive is { } a ? Iso(a.Timestamp) : null, Checked(l),
                l.ElapsedMs.ToString(CultureInfo.InvariantCulture), l.Detail,
            ]);
        return sb.ToString();
    }

    private static void AppendCsvRow(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            AppendCsvCell(sb, cells[i] ?? "");
        }
        sb.Append("\r\n");
    }

    private static void AppendCsvCell(StringBuilder sb, string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell = "'" + cell;
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0) { sb.Append(cell); return; }
        sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    // ---- shared by every format ----

    /// <summary>How many links have each status, only statuses present, in the order of <see cref="LinkStatus"/>.</summary>
    public static IReadOnlyList<(LinkStatus Status, int Count)> Counts(IReadOnlyList<LinkCheck> links) =>
        Enum.GetValues<LinkStatus>().Select(s => (s, links.Count(l => l.Status == s))).Where(p => p.Item2 > 0).ToList();

    /// <summary>A link a reader should look at: anything not ok, and an ok page whose content drifted since it was cited.</summary>
    public static bool NeedsAttention(LinkCheck link) => link.Status != LinkStatus.Ok || link.Drifted;

    /// <summary>The links that need attention, dead ones first, then by status; input order within a status.</summary>
    private static List<LinkCheck> Attention(IReadOnlyList<LinkCheck> links) =>
        links.Where(NeedsAttention).OrderBy(Rank).ToList();

    /// <summary>Dead first, then the rest in the order of <see cref="LinkStatus"/>, ok (drifted) last.</summary>
    private static int Rank(LinkCheck link) =>
        link.Status == LinkStatus.Ok ? 100 : (LinkStatuses.IsDead(link.Status) ? 0 : 50) + (int)link.Status;

    private static double? Similarity(LinkCheck link) => link.DriftSimilarity is { } s && double.IsFinite(s) ? s : null;

    /// <summary>ISO 8601 with the offset; fractions of a second only when there are any (as System.Text.Json writes them).</summary>
    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string? Checked(LinkCheck link) => link.CheckedAt == default ? null : Iso(link.CheckedAt);

    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    /// <summary>"file:line", the file alone, or empty.</summary>
    private static string Where(LinkCheck link) =>
        link.File is null ? "" : link.Line is { } line ? $"{link.File}:{line.ToString(CultureInfo.InvariantCulture)}" : link.File;

    /// <summary>A string safe to hand to a UTF-8 writer: an unpaired surrogate (a damaged file) becomes U+FFFD.</summary>
    private static string? Valid(string? s) => s is null ? null : HtmlText.ValidUtf16(s);
}
