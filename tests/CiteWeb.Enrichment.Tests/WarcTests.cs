using System.Diagnostics;
using System.Text.Json;
using CiteWeb.Core.Model;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// <c>--archive local</c>: the WARC files are read back by an independent reader — Python's zlib (each gzip member
/// decompressed on its own, the rest of the file left over), hashlib and base64 — never by CiteWeb's writer code,
/// and every header, length and digest is checked against what the server sent.
/// </summary>
public sealed class WarcTests(ArchivingServer web) : IClassFixture<ArchivingServer>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "citeweb-warc-" + Guid.NewGuid().ToString("N"));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The tests' checker (body cap 64 KB) with time to spare on a loaded machine.</summary>
    private static TestChecker Checker() => new(new() { ["Network:PerAttemptTimeout"] = "00:00:10", ["Network:PerLinkTimeout"] = "00:00:20" });

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_live_page_is_stored_as_warcinfo_request_and_response_each_in_its_own_gzip_member()
    {
        using var t = Checker();
        var url = web.Origin + "/page";
        var (copy, detail) = await t.Get<LocalArchive>().StoreAsync(url, _dir, Ct);

        Assert.True(copy is not null, detail);
        Assert.Equal("local", copy.Source);
        var file = new Uri(copy.Url).LocalPath;
        Assert.StartsWith(Path.GetFullPath(_dir), file);
        Assert.EndsWith(".warc.gz", file);
        var records = Read(file);

        Assert.Equal(["warcinfo", "request", "response"], records.Select(r => r.Header("WARC-Type")));
        Assert.All(records, r =>
        {
            Assert.Equal("WARC/1.1", r.Version);
            Assert.Equal("\r\n\r\n", r.Trailer); // one record per member, nothing after it
            Assert.Matches(@"^<urn:uuid:[0-9a-f-]{36}>$", r.Header("WARC-Record-ID"));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", r.Header("WARC-Date"));
            Assert.Equal(r.BlockLength.ToString(), r.Header("Content-Length"));
            Assert.Equal(r.BlockDigest, r.Header("WARC-Block-Digest"));
        });
        Assert.Equal(3, records.Select(r => r.Header("WARC-Record-ID")).Distinct().Count());
        Assert.Contains("format: WARC File Format 1.1", records[0].Block);
        var (request, response) = (records[1], records[2]);
        Assert.Equal(url, request.Header("WARC-Target-URI"));
        Assert.Equal(url, response.Header("WARC-Target-URI"));
        Assert.Equal(records[0].Header("WARC-Record-ID"), response.Header("WARC-Warcinfo-ID"));
        Assert.Equal(response.Header("WARC-Record-ID"), request.Header("WARC-Concurrent-To"));
        Assert.Equal("application/http;msgtype=response", response.Header("Content-Type"));
        Assert.StartsWith("GET /page HTTP/1.1\r\nHost: 127.0.0.1:", request.Block);
        Assert.Contains("User-Agent: CiteWeb/", request.Block);

        // The payload is the page as the server meant it (sent gzip-compressed, stored unpacked), and the headers
        // say so: no Content-Encoding, the length stored.
        Assert.Equal(Convert.ToBase64String(ArchivingServer.PageBody), response.PayloadBase64);
        Assert.Equal(response.PayloadDigest, response.Header("WARC-Payload-Digest"));
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response.HttpHead);
        Assert.DoesNotContain("Content-Encoding", response.HttpHead, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Content-Length: {ArchivingServer.PageBody.Length}", response.HttpHead);
        Assert.Null(response.Headers.GetValueOrDefault("WARC-Truncated"));
    }

    [Fact]
    public async Task A_page_over_the_body_cap_is_cut_there_and_marked_truncated()
    {
        using var t = Checker(); // MaxBodyBytes 65536
        var (copy, detail) = await t.Get<LocalArchive>().StoreAsync(web.Origin + "/big", _dir, Ct);
        Assert.True(copy is not null, detail);
        var response = Read(new Uri(copy.Url).LocalPath)[2];
        Assert.Equal("length", response.Header("WARC-Truncated"));
        Assert.Equal(Convert.ToBase64String(ArchivingServer.BigBody.AsSpan(0, 65536)), response.PayloadBase64);
        Assert.Equal(response.PayloadDigest, response.Header("WARC-Payload-Digest"));
        Assert.Contains("cut at 65536 bytes", detail);
    }

    [Fact]
    public async Task Only_live_pages_are_stored_and_a_page_that_fails_the_second_time_says_so()
    {
        using var t = Checker();
        LinkCheck Check(string path, LinkStatus status) => new() { Url = web.Origin + path, Status = status, Detail = "Checked." };
        var results = await t.Get<LocalArchive>().StoreAllAsync(
            [Check("/page", LinkStatus.Ok), Check("/dead", LinkStatus.NotFound), Check("/dead", LinkStatus.Ok), Check("/big", LinkStatus.Malformed)], _dir, null, Ct);
        Assert.Equal("local", results[0].Archive?.Source);
        Assert.Null(results[1].Archive);
        Assert.Equal("Checked.", results[1].Detail);
        Assert.Null(results[2].Archive);
        Assert.Contains("fetched again it answered 404", results[2].Detail);
        Assert.Null(results[3].Archive);
        Assert.Single(Directory.GetFiles(_dir, "*.warc.gz"));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));
    }

    private sealed record Record(string Version, Dictionary<string, string> Headers, int BlockLength, string BlockDigest, string Trailer,
        string Block, string? HttpHead, string? PayloadDigest, string? PayloadBase64)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : throw new Xunit.Sdk.XunitException($"no {name} header");
    }

    /// <summary>The records as Python reads them: member after member (zlib's <c>unused_data</c> is where the next one
    /// starts), the WARC head parsed by hand, the digests computed by hashlib and base64.b32encode.</summary>
    private static List<Record> Read(string path)
    {
        const string script = """
            import sys, zlib, hashlib, base64, json
            data = open(sys.argv[1], 'rb').read()
            out, pos = [], 0
            def digest(b): return 'sha1:' + base64.b32encode(hashlib.sha1(b).digest()).decode()
            while pos < len(data):
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                raw = d.decompress(data[pos:])
                if not d.eof: sys.exit('a gzip member is cut short at byte %d' % pos)
                pos = len(data) - len(d.unused_data)
                head, _, rest = raw.partition(b'\r\n\r\n')
                lines = head.decode('utf-8').split('\r\n')
                headers = dict(l.split(': ', 1) for l in lines[1:])
                n = int(headers['Content-Length'])
                block = rest[:n]
                r = {'version': lines[0], 'headers': headers, 'blockLength': len(block), 'blockDigest': digest(block),
                     'trailer': rest[n:].decode('latin-1'), 'block': block.decode('latin-1')}
                if headers.get('WARC-Type') == 'response':
                    http, _, payload = block.partition(b'\r\n\r\n')
                    r.update(httpHead=http.decode('latin-1'), payloadDigest=digest(payload), payloadBase64=base64.b64encode(payload).decode())
                out.append(r)
            print(json.dumps(out))
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", script, path }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "python3 could not read the WARC file: " + stderr);
        return JsonSerializer.Deserialize<List<Record>>(stdout.Result, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
