using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CiteWeb.Core.Model;
using CiteWeb.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace CiteWeb.Enrichment;

/// <summary>
/// Finds the archived copy of a page nearest a date (the version the author saw): the Wayback availability API, then
/// the Wayback CDX API, then Memento TimeTravel across archives; the first that has a snapshot answers. A typed
/// client: resolve one per run, it keeps every answer for the run. An archive that fails, is slow or answers
/// something malformed counts as having nothing; only the caller's cancellation throws.
/// </summary>
public sealed partial class ArchiveLookup
{
    public const string WaybackSource = "wayback", WaybackCdxSource = "wayback-cdx", MementoSource = "memento";
    private const string Stamp = "yyyyMMddHHmmss"; // Wayback's 14-digit UTC timestamp

    private readonly HttpClient _http;
    private readonly EndpointOptions _endpoints;
    private readonly NetworkOptions _network;
    private readonly TimeProvider _time;
    private readonly HostGate _gate;
    private readonly NetworkState _state;
    private readonly AnswerCache _cache;
    private readonly TimeSpan _ttl;
    private readonly ConcurrentDictionary<string, Lazy<Task<ArchivedCopy?>>> _answers = new(StringComparer.Ordinal);

    public ArchiveLookup(HttpClient http, IOptions<EnrichmentOptions> options, TimeProvider time, HostGate gate, NetworkState state, AnswerCache cache)
    {
        _http = http;
        _endpoints = options.Value.Endpoints;
        _network = options.Value.Network;
        _ttl = options.Value.Cache.ArchiveTtl;
        _time = time;
        _gate = gate;
        _state = state;
        _cache = cache;
    }

    /// <summary>The snapshot closest to <paramref name="near"/> (the latest one when null), or null when no archive has
    /// one, the URL is not http(s), or checking is switched off.</summary>
    public async Task<ArchivedCopy?> FindAsync(string url, DateTimeOffset? near, CancellationToken ct)
    {
        if (_network.Offline || _state.IsOffline || !LinkChecker.TryParse(url, out var uri)) return null;
        var target = uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
        var escaped = Uri.EscapeDataString(target);
        var stamp = near?.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture);
        var cdx = Base(_endpoints.WaybackCdx);
        // Without a date, Memento is asked for the latest copy as of today (midnight UTC), so that the request, which is
        // the answer's key in the cache, is the same all day.
        return await AskAsync($"{Base(_endpoints.Wayback)}/wayback/available?url={escaped}" + (stamp is null ? "" : $"&timestamp={stamp}"),
                   ReadAvailability, ct).ConfigureAwait(false)
            ?? await AskAsync($"{cdx}/cdx/search/cdx?url={escaped}&output=json&fl=timestamp,original&filter=statuscode:200"
                   + (stamp is null ? "&limit=-5" : $"&closest={stamp}&sort=closest&limit=5"),
                   root => ReadCdx(root, cdx, near), ct).ConfigureAwait(false)
            ?? await AskAsync($"{Base(_endpoints.Memento)}/api/json/{stamp ?? _time.GetUtcNow().UtcDateTime.Date.ToString(Stamp, CultureInfo.InvariantCulture)}/{target}",
                   ReadMemento, ct).ConfigureAwait(false);
    }

    /// <summary>Whether a checked link is worth a lookup: every link that is not ok, except those no archive can hold
    /// (malformed, private addresses) and those not checked (offline). Ok links are not looked up unless
    /// <paramref name="drift"/> asks for their content drift and the check kept the page's text: one to three archive
    /// requests per link, at archive.org's pace, would otherwise cost more than the check itself.</summary>
    public static bool Wants(LinkCheck check, bool drift = false) =>
        check.Status is not (LinkStatus.Ok or LinkStatus.Malformed or LinkStatus.Blocked or LinkStatus.Unchecked)
        || (drift && check.Status == LinkStatus.Ok && check.LiveText is not null);

    /// <summary>The checks with <see cref="LinkCheck.Archive"/> filled for every link <see cref="Wants"/> picks;
    /// <paramref name="near"/> gives each link's date (same order). With <paramref name="drift"/>, a live page
    /// (ok or redirected, its text kept by the check) that has a snapshot is compared with it:
    /// <see cref="LinkCheck.DriftSimilarity"/> and <see cref="LinkCheck.Drifted"/> (below
    /// <see cref="NetworkOptions.DriftThreshold"/>). A snapshot that cannot be fetched leaves the drift unknown.
    /// Reports the lookups done.</summary>
    public async Task<IReadOnlyList<LinkCheck>> AttachAllAsync(IReadOnlyList<LinkCheck> checks, IReadOnlyList<DateTimeOffset?> near,
        IProgress<int>? progress, CancellationToken ct, bool drift = false)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(near.Count, checks.Count, nameof(near));
        var results = checks.ToArray();
        var wanted = Enumerable.Range(0, results.Length).Where(i => Wants(results[i], drift)).ToList();
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _network.GlobalConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(wanted, parallel, async (i, token) =>
        {
            if (await FindAsync(results[i].Url, near[i], token).ConfigureAwait(false) is { } copy)
            {
                results[i] = results[i] with { Archive = copy };
                if (drift && results[i].LiveText is { } live && await SnapshotTextAsync(copy, token).ConfigureAwait(false) is { } then)
                {
                    var similarity = TextDrift.Similarity(TextDrift.Shingles(live), TextDrift.Shingles(then));
                    results[i] = results[i] with { DriftSimilarity = similarity, Drifted = similarity < _network.DriftThreshold };
                }
            }
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>How many lookups <see cref="AttachAllAsync"/> will make for these checks.</summary>
    public static int CountWanted(IEnumerable<LinkCheck> checks, bool drift = false) => checks.Count(c => Wants(c, drift));

    /// <summary>The visible text of an archived copy, or null when it cannot be had. The snapshot URL comes from the
    /// configured (trusted) archive endpoints, so this client fetches it; Wayback is asked for the page as it was
    /// captured (<c>id_</c>), without its own toolbar. At most <see cref="Answer.KeptBytes"/> are read, like the
    /// live page.</summary>
    internal Task<string?> SnapshotTextAsync(ArchivedCopy copy, CancellationToken ct) =>
        _cache.GetOrFetchAsync(AnswerCache.Snapshots, copy.Url, _ttl, () => FetchSnapshotTextAsync(copy, ct), text => text is not null);

    private async Task<string?> FetchSnapshotTextAsync(ArchivedCopy copy, CancellationToken ct)
    {
        try
        {
            var uri = new Uri(copy.Source is WaybackSource or WaybackCdxSource ? WaybackRaw().Replace(copy.Url, "/web/${stamp}id_/", 1) : copy.Url);
            using var slot = await _gate.EnterAsync(uri.IdnHost, ct).ConfigureAwait(false);
            using var clock = new CancellationTokenSource(_network.PerLinkTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, clock.Token);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Clear();
            request.Headers.Accept.ParseAdd("text/html");
            request.Headers.Accept.ParseAdd("*/*;q=0.5");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK) return null;
            if (response.Content.Headers.ContentType?.MediaType is { } type && !type.Contains("html", StringComparison.OrdinalIgnoreCase)) return null;
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            var buffer = new byte[(int)Math.Min(_network.MaxBodyBytes, Answer.KeptBytes)];
            int kept = 0, n;
            while (kept < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(kept), linked.Token).ConfigureAwait(false)) > 0) kept += n;
            return TextDrift.VisibleText(System.Text.Encoding.UTF8.GetString(buffer, 0, kept));
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException
                                      or Polly.ExecutionRejectedException or UriFormatException)
        {
            return null;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/web/(?<stamp>\d{14})/")]
    private static partial System.Text.RegularExpressions.Regex WaybackRaw();

    /// <summary>One archive request's answer: kept for the run, and on disk (<see cref="AnswerCache.Archive"/>, by the
    /// request, which holds the URL and the date) when the archive answered, snapshot or none.</summary>
    private Task<ArchivedCopy?> AskAsync(string request, Func<JsonElement, ArchivedCopy?> read, CancellationToken ct) =>
        _answers.GetOrAdd(request, r => new Lazy<Task<ArchivedCopy?>>(() => CachedFetchAsync(r, read))).Value.WaitAsync(ct);

    private async Task<ArchivedCopy?> CachedFetchAsync(string request, Func<JsonElement, ArchivedCopy?> read)
    {
        var cached = _cache.Get<ArchivedCopy>(AnswerCache.Archive, request, _ => _ttl, out var found);
        if (found) return cached;
        var fetchedAt = _time.GetUtcNow();
        var (answered, copy) = await FetchAsync(request, read).ConfigureAwait(false);
        if (answered) _cache.Put(AnswerCache.Archive, request, copy, fetchedAt);
        return copy;
    }

    /// <summary>The snapshot the archive names, and whether it answered at all: a well-formed answer with or without a
    /// snapshot, or a 404 (Memento's "none"), is an answer; a failure, a timeout or a malformed body is not.</summary>
    private async Task<(bool Answered, ArchivedCopy? Copy)> FetchAsync(string request, Func<JsonElement, ArchivedCopy?> read)
    {
        try
        {
            var uri = new Uri(request);
            // The archive's turn first, then its own clock: the answer is shared by every link asking the same
            // question, so no single caller's token may cut it short.
            using var slot = await _gate.EnterAsync(uri.IdnHost, CancellationToken.None).ConfigureAwait(false);
            using var clock = new CancellationTokenSource(_network.PerLinkTimeout, _time);
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, clock.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound) return (true, null);
            if (response.StatusCode != HttpStatusCode.OK) return (false, null);
            var body = await ReadBoundedAsync(response.Content, _network.MaxBodyBytes, clock.Token).ConfigureAwait(false);
            if (body is null) return (false, null);
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return (true, read(json.RootElement));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or IOException
                                      or Polly.ExecutionRejectedException or UriFormatException)
        {
            return (false, null);
        }
    }

    /// <summary>At most <paramref name="max"/> bytes of the body, or null when it is longer.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, long max, CancellationToken ct)
    {
        if (content.Headers.ContentLength > max) return null;
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var scratch = new byte[16 * 1024];
        int n;
        while ((n = await stream.ReadAsync(scratch, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > max) return null;
            buffer.Write(scratch, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary><c>{"archived_snapshots":{"closest":{"available":true,"url":..,"timestamp":..,"status":"200"}}}</c>;
    /// a snapshot of an error page or a redirect is not the page the author saw.</summary>
    private static ArchivedCopy? ReadAvailability(JsonElement root) =>
        Object(root, "archived_snapshots") is { } snapshots && Object(snapshots, "closest") is { } c
        && c.TryGetProperty("available", out var available) && available.ValueKind == JsonValueKind.True
        && String(c, "status") == "200" && HttpUrl(String(c, "url")) is { } url && ParseStamp(String(c, "timestamp")) is { } time
            ? new ArchivedCopy(url, time, WaybackSource)
            : null;

    /// <summary><c>[["timestamp","original"],["20190302120000","http://..."],...]</c>: the row nearest
    /// <paramref name="near"/> (the latest without one), whatever order the server sorted them in.</summary>
    private static ArchivedCopy? ReadCdx(JsonElement root, string cdxBase, DateTimeOffset? near)
    {
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < 2 || root[0].ValueKind != JsonValueKind.Array) return null;
        var header = root[0].EnumerateArray().Select(h => h.ValueKind == JsonValueKind.String ? h.GetString() : null).ToList();
        int ts = header.IndexOf("timestamp"), original = header.IndexOf("original");
        if (ts < 0 || original < 0) return null;
        (string Stamp, string Url, DateTimeOffset Time)? best = null;
        foreach (var row in root.EnumerateArray().Skip(1))
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() <= Math.Max(ts, original)) continue;
            if (row[ts].ValueKind != JsonValueKind.String || row[original].ValueKind != JsonValueKind.String) continue;
            var stamp = row[ts].GetString()!;
            if (ParseStamp(stamp) is not { } time || HttpUrl(row[original].GetString()) is not { } url) continue;
            if (best is not { } b || (near is { } n ? (time - n).Duration() < (b.Time - n).Duration() : time > b.Time))
                best = (stamp, url, time);
        }
        return best is { } found ? new ArchivedCopy($"{cdxBase}/web/{found.Stamp}/{found.Url}", found.Time, WaybackCdxSource) : null;
    }

    /// <summary><c>{"mementos":{"closest":{"uri":["http://..."],"datetime":"2019-03-02T12:00:00Z"}}}</c>.</summary>
    private static ArchivedCopy? ReadMemento(JsonElement root)
    {
        if (Object(root, "mementos") is not { } mementos || Object(mementos, "closest") is not { } c) return null;
        var uri = c.TryGetProperty("uri", out var u) ? u.ValueKind switch
        {
            JsonValueKind.Array => u.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? HttpUrl(x.GetString()) : null).FirstOrDefault(x => x is not null),
            JsonValueKind.String => HttpUrl(u.GetString()),
            _ => null,
        } : null;
        return uri is not null && DateTimeOffset.TryParse(String(c, "datetime"), CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? new ArchivedCopy(uri, time, MementoSource)
            : null;
    }

    private static JsonElement? Object(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? HttpUrl(string? s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? s : null;

    private static DateTimeOffset? ParseStamp(string? s) =>
        DateTimeOffset.TryParseExact(s, Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    private static string Base(string endpoint) => endpoint.TrimEnd('/');
}

internal static class ArchiveLookupRegistration
{
    /// <summary>The typed client <see cref="ArchiveLookup"/>: the endpoints are trusted configuration, so no address
    /// guard, but the same retries and timeouts as links, the host gate, and a body cap.</summary>
    internal static IServiceCollection AddArchiveLookup(this IServiceCollection services)
    {
        services.AddHttpClient<ArchiveLookup>((sp, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler and the lookup's clock bound the time
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var n = Network(sp);
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = n.MaxRedirects > 0,
                    MaxAutomaticRedirections = Math.Max(1, n.MaxRedirects),
                    UseCookies = false,
                    AutomaticDecompression = DecompressionMethods.All, // the body cap then counts what is unpacked
                    ConnectTimeout = n.PerAttemptTimeout,
                };
            })
            .AddStandardResilienceHandler()
#pragma warning disable CS0436 // a type of the same name in Microsoft.Extensions.Telemetry.Abstractions; ours is meant
            .Configure((o, sp) => EnrichmentServiceCollectionExtensions.ConfigureForLinks(o, Network(sp)));
#pragma warning restore CS0436
        return services;
    }

    private static NetworkOptions Network(IServiceProvider sp) => sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Network;
}
