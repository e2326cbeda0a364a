using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace CiteWeb.Enrichment;

/// <summary>
/// <c>--archive local</c>: each live page (ok or redirected) is fetched once more, through the same address guard and
/// host gate as the check, and stored as a WARC 1.1 file of its own (<c>warcinfo</c>, <c>request</c>, <c>response</c>;
/// <see cref="WarcWriter"/>) in the archive folder (<c>index/archive/</c>). The body is cut at
/// <c>Network:MaxBodyBytes</c> and the record then says <c>WARC-Truncated: length</c>. The page's file becomes the
/// link's archived copy (source <c>local</c>, a <c>file:</c> URI) unless the link already has one. A typed client.
/// </summary>
public sealed class LocalArchive
{
    public const string Source = "local";

    private readonly HttpClient _http;
    private readonly EnrichmentOptions _options;
    private readonly TimeProvider _time;
    private readonly HostGate _gate;

    public LocalArchive(HttpClient http, IOptions<EnrichmentOptions> options, TimeProvider time, HostGate gate)
    {
        _http = http;
        _options = options.Value;
        _time = time;
        _gate = gate;
    }

    /// <summary>A live page: one the check found answering.</summary>
    public static bool Wants(LinkCheck check) => check.Status is LinkStatus.Ok or LinkStatus.Redirected;

    /// <summary>The checks with a WARC file written for every live page; a page that cannot be fetched again says why
    /// in its detail. Reports the pages done.</summary>
    public async Task<IReadOnlyList<LinkCheck>> StoreAllAsync(IReadOnlyList<LinkCheck> checks, string directory, IProgress<int>? progress, CancellationToken ct)
    {
        var results = checks.ToArray();
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Network.GlobalConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Length).Where(i => Wants(results[i])), parallel, async (i, token) =>
        {
            var c = results[i];
            var (copy, why) = await StoreAsync(c.FinalUrl ?? c.Url, directory, token).ConfigureAwait(false);
            results[i] = copy is not null && c.Archive is null ? c with { Archive = copy }
                : c with { Detail = (c.Detail ?? "").TrimEnd() + " " + why };
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>Fetches one page and writes its WARC file; the copy, or null and why not.</summary>
    public async Task<(ArchivedCopy? Copy, string Detail)> StoreAsync(string url, string directory, CancellationToken ct)
    {
        if (!LinkChecker.TryParse(url, out var uri)) return (null, "The page was not stored: not an http(s) URL.");
        var n = _options.Network;
        using var clock = new CancellationTokenSource(n.PerLinkTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, clock.Token);
        try
        {
            using var slot = await _gate.EnterAsync(uri.IdnHost, linked.Token).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var date = _time.GetUtcNow();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return (null, $"The page was not stored: fetched again it answered {(int)response.StatusCode}.");
            var (body, truncated) = await ReadCappedAsync(response, n.MaxBodyBytes, linked.Token).ConfigureAwait(false);

            var name = $"{date.UtcDateTime:yyyyMMddHHmmss}-{Safe(uri.IdnHost)}-{Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(uri.AbsoluteUri)))[..12]}.warc.gz";
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name);
            var infoId = WarcWriter.NewRecordId();
            var requestId = WarcWriter.NewRecordId();
            var responseId = WarcWriter.NewRecordId();
            var responseBlock = ResponseBlock(response, body);
            LeftoverFiles.Sweep(Path.GetDirectoryName(path)!); // what a killed run left half-written
            var temp = LeftoverFiles.TemporaryName(path);
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                var warc = new WarcWriter(file);
                warc.WriteInfo(infoId, date, name, _options.UserAgent);
                warc.Write("request", requestId, date,
                    [("WARC-Target-URI", uri.AbsoluteUri), ("WARC-Warcinfo-ID", infoId), ("WARC-Concurrent-To", responseId),
                     ("Content-Type", "application/http;msgtype=request")], RequestBlock(response.RequestMessage ?? request, uri));
                List<(string, string)> headers =
                [
                    ("WARC-Target-URI", uri.AbsoluteUri), ("WARC-Warcinfo-ID", infoId), ("Content-Type", "application/http;msgtype=response"),
                    ("WARC-Payload-Digest", WarcWriter.Sha1(body)),
                ];
                if (truncated) headers.Add(("WARC-Truncated", "length"));
                warc.Write("response", responseId, date, headers, responseBlock);
            }
            File.Move(temp, path, overwrite: true);
            var cut = truncated ? $" (cut at {n.MaxBodyBytes} bytes)" : "";
            return (new ArchivedCopy(new Uri(Path.GetFullPath(path)).AbsoluteUri, date, Source), $"Stored in {name}{cut}.");
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException
                                      or UnauthorizedAccessException or LinkFailureException or Polly.ExecutionRejectedException)
        {
            return (null, $"The page was not stored: {(e is OperationCanceledException ? "it took too long" : e.Message)}.");
        }
    }

    /// <summary>The request as sent: request line, Host, and the headers the client added.</summary>
    private static byte[] RequestBlock(HttpRequestMessage request, Uri uri)
    {
        var s = new StringBuilder().Append("GET ").Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(uri.Authority).Append("\r\n");
        foreach (var (name, values) in request.Headers.NonValidated)
            if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase)) s.Append(name).Append(": ").Append(string.Join(", ", values)).Append("\r\n");
        return Encoding.ASCII.GetBytes(s.Append("\r\n").ToString());
    }

    /// <summary>The response as a reader will replay it: the body is stored as received after decompression, so the
    /// headers that described the transfer (Content-Encoding, Transfer-Encoding, Content-Length) give way to the
    /// length actually stored.</summary>
    private static byte[] ResponseBlock(HttpResponseMessage response, byte[] body)
    {
        var s = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/{response.Version.Major}.{response.Version.Minor} {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            var value = string.Join(", ", values);
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0) continue;
            s.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        s.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        var head = Encoding.Latin1.GetBytes(s.ToString());
        var block = new byte[head.Length + body.Length];
        head.CopyTo(block, 0);
        body.CopyTo(block, head.Length);
        return block;
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(HttpResponseMessage response, long max, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var want = (int)Math.Min(chunk.Length, max - buffer.Length);
            if (want == 0) return (buffer.ToArray(), await stream.ReadAsync(chunk.AsMemory(0, 1), ct).ConfigureAwait(false) > 0);
            var n = await stream.ReadAsync(chunk.AsMemory(0, want), ct).ConfigureAwait(false);
            if (n == 0) return (buffer.ToArray(), false);
            buffer.Write(chunk, 0, n);
        }
    }

    private static string Safe(string host) => new(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
}

internal static class LocalArchiveRegistration
{
    /// <summary>The typed client <see cref="LocalArchive"/>: the links' guarded handler, retries and timeouts.</summary>
    internal static IServiceCollection AddLocalArchive(this IServiceCollection services)
    {
        services.AddHttpClient<LocalArchive>((sp, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
            })
#pragma warning disable CS0436 // a type of the same name in Microsoft.Extensions.Telemetry.Abstractions; ours is meant
            .ConfigurePrimaryHttpMessageHandler(EnrichmentServiceCollectionExtensions.GuardedHandler)
            .AddStandardResilienceHandler()
            .Configure((o, sp) => EnrichmentServiceCollectionExtensions.ConfigureForLinks(o, sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Network));
#pragma warning restore CS0436
        return services;
    }
}
