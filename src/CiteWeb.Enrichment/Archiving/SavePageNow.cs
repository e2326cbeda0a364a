using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CiteWeb.Core.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace CiteWeb.Enrichment;

/// <summary>
/// Save Page Now keys and pace (<c>SavePageNow:AccessKey</c>, <c>CITEWEB_SAVEPAGENOW__SECRETKEY</c>, ...). The keys are
/// the archive.org account's S3-style pair; they are sent only in the <c>Authorization</c> header of requests to
/// <c>Endpoints:SavePageNow</c> and are never printed, logged or written to a report.
/// </summary>
public sealed class SavePageNowOptions
{
    /// <summary>The access key. The default is none, and <c>--archive save</c> then refuses to run.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret key. The default is none.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Time between two status requests for one capture. The default is 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for one capture, polling included; a capture still pending then is reported as not
    /// finished. The default is 2 minutes.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Least time between two capture requests (Save Page Now limits captures per account and minute;
    /// captures are asked one at a time). The default is 5 seconds.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool HasKeys => !string.IsNullOrWhiteSpace(AccessKey) && !string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>Never the keys themselves: options objects end up in exception messages and debugger views.</summary>
    public override string ToString() => $"SavePageNow {{ keys: {(HasKeys ? "set" : "none")} }}";

    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(AccessKey) != string.IsNullOrWhiteSpace(SecretKey))
            yield return "SavePageNow:AccessKey and SavePageNow:SecretKey go together: set both or neither.";
        if ((AccessKey ?? "").Any(c => char.IsWhiteSpace(c) || c == ':') || (SecretKey ?? "").Any(char.IsWhiteSpace))
            yield return "SavePageNow:AccessKey or SavePageNow:SecretKey contains a space or a colon (the key itself is not shown).";
        if (PollInterval < TimeSpan.FromMilliseconds(10)) yield return "SavePageNow:PollInterval must be at least 10 ms.";
        if (MaxWait < PollInterval) yield return "SavePageNow:MaxWait must not be shorter than SavePageNow:PollInterval.";
        if (MinInterval < TimeSpan.Zero) yield return "SavePageNow:MinInterval must not be negative.";
    }
}

/// <summary>What one capture request came to: the capture, or why there is none.</summary>
public sealed record SaveOutcome(ArchivedCopy? Copy, string Detail);

/// <summary>
/// Save Page Now 2: <c>POST /save</c> with <c>url=</c> (and <c>Authorization: LOW access:secret</c>, <c>Accept:
/// application/json</c>) answers a <c>job_id</c>; <c>/save/status/JOB_ID</c> is polled until <c>success</c> (a
/// <c>timestamp</c>, the capture being <c>/web/TIMESTAMP/URL</c>) or <c>error</c>, at most
/// <see cref="SavePageNowOptions.MaxWait"/>. Captures go one at a time, <see cref="SavePageNowOptions.MinInterval"/>
/// apart; a 429 that outlasts the retries (which honour <c>Retry-After</c>) pauses every later capture for its
/// <c>Retry-After</c>. A typed client; only the caller's cancellation throws.
/// </summary>
public sealed class SavePageNow
{
    public const string Source = "savepagenow";

    private readonly HttpClient _http;
    private readonly SavePageNowOptions _options;
    private readonly string _endpoint;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _one = new(1, 1);
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public SavePageNow(HttpClient http, IOptions<EnrichmentOptions> options, TimeProvider time)
    {
        _http = http;
        _options = options.Value.SavePageNow;
        _endpoint = options.Value.Endpoints.SavePageNow.TrimEnd('/');
        _time = time;
    }

    public bool HasKeys => _options.HasKeys;

    /// <summary>Whether a checked link is at risk and worth a capture: a link that could be checked (not malformed,
    /// blocked or unchecked) and that has no archived copy, or whose page has drifted from the one cited. A dead link
    /// that has a copy keeps it: a capture of its error page would be worth nothing.</summary>
    public static bool Wants(LinkCheck check) =>
        check.Status is not (LinkStatus.Malformed or LinkStatus.Blocked or LinkStatus.Unchecked) && (check.Archive is null || check.Drifted);

    /// <summary>The checks after asking the archives (<paramref name="lookup"/>, for every link that was not looked up
    /// yet) and then Save Page Now for every link <see cref="Wants"/> picks. A capture becomes the link's archived copy
    /// when it had none; a drifted page keeps the copy nearest its access date (the version cited), and the capture
    /// of today's page is told in its detail. Reports the captures asked.</summary>
    public async Task<IReadOnlyList<LinkCheck>> SaveAllAsync(IReadOnlyList<LinkCheck> checks, ArchiveLookup lookup, IReadOnlyList<DateTimeOffset?> near,
        IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(near.Count, checks.Count, nameof(near));
        var results = checks.ToArray();
        for (int i = 0; i < results.Length; i++)
            if (results[i].Archive is null && Wants(results[i]) && await lookup.FindAsync(results[i].Url, near[i], ct).ConfigureAwait(false) is { } found)
                results[i] = results[i] with { Archive = found };
        var done = 0;
        foreach (var i in Enumerable.Range(0, results.Length).Where(i => Wants(results[i])).ToList())
        {
            var c = results[i];
            var outcome = await SaveAsync(c.FinalUrl ?? c.Url, ct).ConfigureAwait(false);
            results[i] = outcome.Copy is { } copy && c.Archive is null
                ? c with { Archive = copy, Detail = Join(c.Detail, outcome.Detail) }
                : c with { Detail = Join(c.Detail, outcome.Detail) };
            progress?.Report(++done);
        }
        return results;
    }

    private static string Join(string? detail, string more) => string.IsNullOrEmpty(detail) ? more : detail.TrimEnd() + " " + more;

    /// <summary>One capture, from the request to its end (success, error, or <see cref="SavePageNowOptions.MaxWait"/>).</summary>
    public async Task<SaveOutcome> SaveAsync(string url, CancellationToken ct)
    {
        if (!_options.HasKeys)
            return new(null, "Save Page Now was not asked: no keys are configured (SavePageNow:AccessKey, SavePageNow:SecretKey).");
        await _one.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var wait = _nextStart - _time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            _nextStart = _time.GetUtcNow() + _options.MinInterval;
            return await CaptureAsync(url, ct).ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<SaveOutcome> CaptureAsync(string url, CancellationToken ct)
    {
        using var clock = new CancellationTokenSource(_options.MaxWait, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, clock.Token);
        try
        {
            using var submit = Request(HttpMethod.Post, "/save");
            submit.Content = new FormUrlEncodedContent([new("url", url), new("skip_first_archive", "1")]);
            var (status, retryAfter, body) = await SendAsync(submit, linked.Token).ConfigureAwait(false);
            if (status == HttpStatusCode.TooManyRequests)
            {
                var pause = retryAfter ?? _options.MinInterval;
                _nextStart = _time.GetUtcNow() + pause; // every later capture waits too
                return new(null, $"Save Page Now is rate-limiting this account (429; asked to wait {LinkChecker.Seconds(pause)}), so the page was not captured.");
            }
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                return new(null, $"Save Page Now refused the configured keys ({(int)status}), so the page was not captured.");
            if (status != HttpStatusCode.OK || Read(body) is not { } job)
                return new(null, $"Save Page Now answered {(int)status} without a capture job, so the page was not captured.");
            if (Str(job, "job_id") is not { Length: > 0 } id)
                return new(null, $"Save Page Now could not capture the page: {Why(job)}.");

            while (true)
            {
                await Task.Delay(_options.PollInterval, _time, linked.Token).ConfigureAwait(false);
                using var poll = Request(HttpMethod.Get, "/save/status/" + Uri.EscapeDataString(id));
                var (pollStatus, pollRetry, pollBody) = await SendAsync(poll, linked.Token).ConfigureAwait(false);
                if (pollStatus == HttpStatusCode.TooManyRequests)
                {
                    if (pollRetry is { } r && r > _options.PollInterval) await Task.Delay(r, _time, linked.Token).ConfigureAwait(false);
                    continue;
                }
                if (pollStatus != HttpStatusCode.OK || Read(pollBody) is not { } state) continue; // a hiccup: ask again until MaxWait
                switch (Str(state, "status"))
                {
                    case "success":
                        var stamp = Str(state, "timestamp");
                        if (!DateTimeOffset.TryParseExact(stamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
                                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
                            return new(null, "Save Page Now reported a capture without a usable timestamp.");
                        var original = Str(state, "original_url") ?? url;
                        return new(new ArchivedCopy($"{_endpoint}/web/{stamp}/{original}", when, Source),
                            $"Save Page Now captured it ({when:yyyy-MM-dd HH:mm} UTC).");
                    case "error":
                        return new(null, $"Save Page Now could not capture the page: {Why(state)}.");
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(null, $"Save Page Now did not finish the capture within {LinkChecker.Seconds(_options.MaxWait)}.");
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or IOException or Polly.ExecutionRejectedException)
        {
            // The message of a transport error names the host at most; the keys live only in a request header.
            return new(null, $"Save Page Now could not be reached ({e.GetType().Name}).");
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, _endpoint + path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("LOW", $"{_options.AccessKey!.Trim()}:{_options.SecretKey!.Trim()}");
        return request;
    }

    private async Task<(HttpStatusCode, TimeSpan?, string)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var retry = response.Headers.RetryAfter is { } ra
            ? ra.Delta ?? (ra.Date is { } d ? d - _time.GetUtcNow() : null)
            : null;
        if (retry < TimeSpan.Zero) retry = TimeSpan.Zero;
        if (retry > _options.MaxWait) retry = _options.MaxWait;
        // Save Page Now's answers are a few hundred bytes; anything past 64 KB is not one of them.
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        int kept = 0, n;
        while (kept < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(kept), ct).ConfigureAwait(false)) > 0) kept += n;
        return (response.StatusCode, retry, System.Text.Encoding.UTF8.GetString(buffer, 0, kept));
    }

    private static JsonElement? Read(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Why(JsonElement e)
    {
        var why = Str(e, "message") ?? Str(e, "status_ext") ?? "no reason given";
        return why.Length > 200 ? why[..200] : why.TrimEnd('.');
    }
}

internal static class SavePageNowRegistration
{
    /// <summary>The typed client <see cref="SavePageNow"/>: a trusted endpoint (no address guard), the links' retries
    /// and timeouts (a 429 retried after its Retry-After), no redirects, no cookies.</summary>
    internal static IServiceCollection AddSavePageNow(this IServiceCollection services)
    {
        services.AddHttpClient<SavePageNow>((sp, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler and MaxWait bound the time
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Network.PerAttemptTimeout,
            })
            .AddStandardResilienceHandler()
#pragma warning disable CS0436 // a type of the same name in Microsoft.Extensions.Telemetry.Abstractions; ours is meant
            .Configure((o, sp) => EnrichmentServiceCollectionExtensions.ConfigureForLinks(o, sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Network));
#pragma warning restore CS0436
        return services;
    }
}
