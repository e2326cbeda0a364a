using System.Collections.Concurrent;
using CiteWeb.Core.Model;
using CiteWeb.Core.Text;
using Microsoft.Extensions.Options;

namespace CiteWeb.Enrichment;

/// <summary>
/// Checks links for rot and gives each exactly one <see cref="LinkStatus"/>. A typed client: resolve one per run
/// (it caches the soft-404 probe of each host it meets). Registered by
/// <c>services.AddCiteWebEnrichment(configuration)</c>.
/// </summary>
public sealed class LinkChecker
{
    private readonly HttpClient _http;
    private readonly NetworkOptions _options;
    private readonly TimeProvider _time;
    private readonly HostGate _gate;
    private readonly NetworkState _network;
    private readonly AnswerCache _cache;
    private readonly CacheOptions _cacheOptions;
    private readonly ConcurrentDictionary<string, Lazy<Task<Answer?>>> _probes = new(StringComparer.OrdinalIgnoreCase);

    public LinkChecker(HttpClient http, IOptions<EnrichmentOptions> options, TimeProvider time, HostGate gate, NetworkState network, AnswerCache cache)
    {
        _http = http;
        _options = options.Value.Network;
        _cacheOptions = options.Value.Cache;
        _time = time;
        _gate = gate;
        _network = network;
        _cache = cache;
    }

    public Task<LinkCheck> CheckAsync(string url, CancellationToken ct) => CheckCachedAsync(url, null, null, null, ct, CancellationToken.None);

    /// <summary>Checks every link under the global limit, hosts interleaved so that one big site does not hold every
    /// slot while its per-host limit makes the others wait. Results come back in the order of the input.</summary>
    public async Task<IReadOnlyList<LinkCheck>> CheckAllAsync(IEnumerable<(string Url, string? Reference, string? File, int? Line)> links,
        IProgress<int>? progress, CancellationToken ct)
    {
        var items = links.Select((link, index) => (link, index)).ToList();
        var results = new LinkCheck[items.Count];
        var order = items
            .GroupBy(x => Uri.TryCreate(x.link.Url.Trim(), UriKind.Absolute, out var u) ? u.Host : "")
            .SelectMany(g => g.Select((x, rank) => (x, rank)))
            .OrderBy(x => x.rank).ThenBy(x => x.x.index)
            .Select(x => x.x);
        var done = 0;
        // The run's own clock: when it is up the links still out end as unchecked, and the loop goes on to the end so
        // that every link gets its row; only the caller's token stops it.
        using var runClock = new CancellationTokenSource(_options.RunTimeout, _time);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.GlobalConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(order, parallel, async (x, token) =>
        {
            results[x.index] = await CheckCachedAsync(x.link.Url, x.link.Reference, x.link.File, x.link.Line, token, runClock.Token).ConfigureAwait(false);
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);
        // Not one name resolved and not one server answered in the whole run: the names did not fail, the network did
        // (a sandbox whose resolver answers "no such host" for everything, or never answers, so that a lookup runs
        // into the link's time limit). Those links are unchecked, never reported dead. Names under .invalid fail by
        // definition and stay failures.
        if (!_network.IsOnline)
            for (int i = 0; i < results.Length; i++)
                if (NoNetworkSuspect(results[i].Status) && !IsReservedInvalid(results[i].Url))
                    results[i] = results[i] with { Status = LinkStatus.Unchecked, Detail = "No name could be resolved and no server answered in this run, so there seems to be no network; the link was not checked." };
        return results;
    }

    /// <summary>The failures that say nothing about the link when nothing at all answered in the run.</summary>
    private static bool NoNetworkSuspect(LinkStatus status) => status is LinkStatus.DnsFailure or LinkStatus.Timeout;

    private static bool IsReservedInvalid(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && (u.Host.Equals("invalid", StringComparison.OrdinalIgnoreCase) || u.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase));

    /// <summary>A link's stored status when the cache has one (<see cref="AnswerCache.Links"/>, by the URL as written),
    /// else a check, stored as soon as it is done when a server answered it: not a link that was blocked, malformed or
    /// left unchecked, and a name that did not resolve or a time-out only once something has answered in this run
    /// (without a network every name fails or hangs). A link the run's time limit (<paramref name="run"/>) caught is unchecked, and not stored.</summary>
    private async Task<LinkCheck> CheckCachedAsync(string url, string? reference, string? file, int? line, CancellationToken ct, CancellationToken run)
    {
        var key = url.Trim();
        var cacheable = TryParse(url, out _) && !_options.Offline;
        if (cacheable && _cache.Get<LinkCheck>(AnswerCache.Links, key, Ttl, out var found) is { } cached && found)
            return cached with { Url = url, Reference = reference, File = file, Line = line };
        if (run.IsCancellationRequested && cacheable && !_network.IsOffline)
            return new LinkCheck
            {
                Url = url, Reference = reference, File = file, Line = line, Status = LinkStatus.Unchecked, CheckedAt = _time.GetUtcNow(),
                Detail = RunLimitReached(),
            };
        var result = await CheckAsync(url, reference, file, line, ct, run).ConfigureAwait(false);
        if (cacheable && result.Status is not (LinkStatus.Unchecked or LinkStatus.Blocked or LinkStatus.Malformed)
            && (!NoNetworkSuspect(result.Status) || _network.IsOnline))
            _cache.Put(AnswerCache.Links, key, result with { Reference = null, File = null, Line = null }, result.CheckedAt);
        return result;
    }

    private TimeSpan Ttl(LinkCheck? check) => check?.Status is LinkStatus.Timeout or LinkStatus.ConnectionFailed or LinkStatus.DnsFailure
        or LinkStatus.TlsError or LinkStatus.RateLimited or LinkStatus.ServerError ? _cacheOptions.FailureTtl : _cacheOptions.LinkTtl;

    private string RunLimitReached() => $"The run's time limit ({Seconds(_options.RunTimeout)}, Network:RunTimeout) was reached before this link was checked.";

    private async Task<LinkCheck> CheckAsync(string url, string? reference, string? file, int? line, CancellationToken ct, CancellationToken runLimit)
    {
        var started = _time.GetTimestamp();
        var result = new LinkCheck { Url = url, Reference = reference, File = file, Line = line, CheckedAt = _time.GetUtcNow() };
        LinkCheck Done(LinkStatus status, string detail, Trail? trail = null) => result with
        {
            Status = status, Detail = detail, HttpStatus = trail?.Answer?.Status, FinalUrl = trail?.FinalUrl,
            Redirects = trail?.Redirects ?? [], ElapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds,
        };

        if (!TryParse(url, out var uri))
            return Done(LinkStatus.Malformed, "This is not an absolute http or https URL, so it was not requested.");
        if (_options.Offline)
            return Done(LinkStatus.Unchecked, "Checking was switched off (offline), so the link was not requested.");
        if (_network.IsOffline)
            return Done(LinkStatus.Unchecked, "There is no network, so the link was not checked.");

        using var clock = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, clock.Token, runLimit);
        var run = new Run(clock, linked.Token, _options.PerLinkTimeout);
        var trail = new Trail(uri);
        try
        {
            await FollowAsync(trail, run).ConfigureAwait(false);
            if (trail.Loop is { } loop) return Done(LinkStatus.RedirectLoop, loop, trail);
            return await ClassifyAsync(trail, run, Done).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && runLimit.IsCancellationRequested && !clock.IsCancellationRequested)
        {
            return Done(LinkStatus.Unchecked, RunLimitReached(), trail) with { HttpStatus = null, FinalUrl = null, Redirects = [] };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Done(LinkStatus.Timeout, $"No complete answer came within {Seconds(_options.PerLinkTimeout)}.", trail);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (status, detail) = LinkFailures.Classify(e, trail.Current, _options);
            return Done(status, detail, trail);
        }
    }

    private async Task<LinkCheck> ClassifyAsync(Trail trail, Run run, Func<LinkStatus, string, Trail?, LinkCheck> done)
    {
        var a = trail.Answer!;
        var code = $"{a.Status}{(a.Reason.Length > 0 ? " " + a.Reason : "")}";
        var via = trail.Redirects.Count > 0 ? $" after {Plural(trail.Redirects.Count, "redirect")}" : "";
        switch (a.Status)
        {
            case 404: return done(LinkStatus.NotFound, $"The server answered {code}{via}.", trail);
            case 410: return done(LinkStatus.Gone, $"The server answered {code}{via}: the page was removed for good.", trail);
            case 401 or 403 or 407 or 451 or 999: return done(LinkStatus.Forbidden, $"The server refused access ({code}){via}, perhaps a login or a bot wall.", trail);
            case 429: return done(LinkStatus.RateLimited, $"The server still answered {code} after {Plural(_options.MaxRetries, "retry", "retries")}.", trail);
            case >= 500: return done(LinkStatus.ServerError, $"The server answered {code}{via}.", trail);
            case >= 400: return done(LinkStatus.NotFound, $"The server answered {code}{via}, so the page cannot be had from this link.", trail);
        }
        if (a.SaysNotFound(out var what))
            return done(LinkStatus.Soft404, $"The server answered {a.Status} but {what}: an error page.", trail);
        if (trail.Redirects.Count > 0 && IsDeep(trail.Start) && !IsDeep(trail.Current))
            return done(LinkStatus.Soft404, $"The deep link was sent to the home page {trail.Current} instead of the page cited.", trail);
        if (a.IsSuccess && a.IsHtml && !a.Truncated && a.Length is { } length && IsDeep(trail.Current)
            && await ProbeAsync(trail.Current, run).ConfigureAwait(false) is { Length: { } probeLength } probe
            && probe.Title == a.Title && Math.Abs(length - probeLength) <= 0.02 * Math.Max(length, probeLength))
            return done(LinkStatus.Soft404, "The page is the same one the site gives for a random address that cannot exist: an error page.", trail);

        var cut = a.Truncated ? $" (only the first {Bytes(_options.MaxBodyBytes)} were read)" : "";
        if (trail.FirstHopPermanent && trail.Current.AbsoluteUri != trail.Start.AbsoluteUri)
            return done(LinkStatus.Redirected, $"The page moved permanently to {trail.Current}{via}, which answers {a.Status}{cut}.", trail) with { LiveText = Live(a) };
        var how = trail.UsedGetFallback ? " to GET (HEAD was refused)" : "";
        return done(LinkStatus.Ok, $"The server answered {code}{how}{via}{cut}.", trail) with { LiveText = Live(a) };
    }

    /// <summary>Follows redirects by hand (every hop passes the host gate and the address guard), HEAD first.</summary>
    private async Task FollowAsync(Trail trail, Run run)
    {
        var method = HttpMethod.Head;
        var visited = new HashSet<string>(StringComparer.Ordinal) { trail.Start.AbsoluteUri };
        while (true)
        {
            var answer = await SendAsync(trail.Current, method, run).ConfigureAwait(false);
            if (method == HttpMethod.Head && answer.Status is 405 or 501 or 403)
            {
                method = HttpMethod.Get;
                trail.UsedGetFallback = true;
                answer = await SendAsync(trail.Current, method, run).ConfigureAwait(false);
            }
            else if (method == HttpMethod.Head && answer.IsSuccess && answer.IsHtml)
            {
                // A page's body is needed to tell a real page from an error page.
                method = HttpMethod.Get;
                answer = await SendAsync(trail.Current, method, run).ConfigureAwait(false);
            }
            trail.Answer = answer;
            if (!answer.IsRedirect) return;

            var next = new Uri(trail.Current, answer.Location!);
            if (trail.Redirects.Count == 0) trail.FirstHopPermanent = answer.Status is 301 or 308;
            trail.Redirects.Add(next.AbsoluteUri);
            trail.Current = next;
            if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                throw new LinkFailureException(LinkStatus.Blocked, $"The link redirects to a {next.Scheme} URL and only http and https are followed.");
            if (!visited.Add(next.AbsoluteUri))
            {
                trail.Loop = $"The redirects go round in a loop back to {next} after {Plural(trail.Redirects.Count, "redirect")}.";
                return;
            }
            if (trail.Redirects.Count > _options.MaxRedirects)
            {
                trail.Loop = $"The link redirects more than {_options.MaxRedirects} times.";
                return;
            }
        }
    }

    private async Task<Answer> SendAsync(Uri uri, HttpMethod method, Run run)
    {
        using var slot = await _gate.EnterAsync(uri.IdnHost, run.Token).ConfigureAwait(false);
        run.Start();
        if (_network.IsOffline) throw new LinkFailureException(LinkStatus.Unchecked, "There is no network, so the link was not checked.");
        using var request = new HttpRequestMessage(method, uri);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, run.Token).ConfigureAwait(false);
        _network.Answered();
        var readBody = method == HttpMethod.Get && (response.StatusCode is >= System.Net.HttpStatusCode.OK and < System.Net.HttpStatusCode.MultipleChoices);
        return await Answer.ReadAsync(response, readBody, _options.MaxBodyBytes, run.Token).ConfigureAwait(false);
    }

    /// <summary>What the host answers for a path that cannot exist, asked once per host and kept for the run.</summary>
    private Task<Answer?> ProbeAsync(Uri page, Run run)
    {
        var origin = page.GetLeftPart(UriPartial.Authority);
        var probe = _probes.GetOrAdd(origin, o => new Lazy<Task<Answer?>>(() => RunProbeAsync(new Uri(o + "/" + Guid.NewGuid().ToString("N") + "-citeweb-probe"))));
        return probe.Value.WaitAsync(run.Token);
    }

    private async Task<Answer?> RunProbeAsync(Uri random)
    {
        // Its own clock: the probe serves every link of the host, not only the one that started it.
        using var clock = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        var run = new Run(clock, clock.Token, _options.PerLinkTimeout);
        var trail = new Trail(random);
        try
        {
            await FollowAsync(trail, run).ConfigureAwait(false);
            return trail.Loop is null && trail.Answer is { IsSuccess: true, IsHtml: true, Truncated: false } a ? a : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or LinkFailureException or IOException or Polly.ExecutionRejectedException)
        {
            return null;
        }
    }

    internal static bool TryParse(string url, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(url)) return false;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) return false;
        if (string.IsNullOrEmpty(parsed.Host) || !string.IsNullOrEmpty(parsed.UserInfo)) return false;
        uri = parsed;
        return true;
    }

    /// <summary>The visible text of a page read in full or in part, kept for the content-drift comparison.</summary>
    private static string? Live(Answer a) => a.IsSuccess && a.Html is { } html ? TextDrift.VisibleText(html) : null;

    private static bool IsDeep(Uri uri) => uri.AbsolutePath.Trim('/').Length > 0 || uri.Query.Length > 1;

    internal static string Seconds(TimeSpan t) => t.TotalMinutes >= 2 ? $"{t.TotalMinutes:0.#} min" : t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#} s" : $"{t.TotalMilliseconds:0} ms";

    private static string Bytes(long n) => n >= 1024 * 1024 ? $"{n / (1024.0 * 1024):0.#} MB" : $"{n / 1024.0:0.#} KB";

    private static string Plural(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";

    /// <summary>The link's clock starts when its first request gets its turn at the host, not while it queues.</summary>
    private sealed class Run(CancellationTokenSource clock, CancellationToken token, TimeSpan limit)
    {
        private int _started;
        public CancellationToken Token { get; } = token;
        public void Start()
        {
            if (Interlocked.Exchange(ref _started, 1) == 0) clock.CancelAfter(limit);
        }
    }

    private sealed class Trail(Uri start)
    {
        public Uri Start { get; } = start;
        public Uri Current { get; set; } = start;
        public List<string> Redirects { get; } = [];
        public Answer? Answer { get; set; }
        public bool FirstHopPermanent { get; set; }
        public bool UsedGetFallback { get; set; }
        public string? Loop { get; set; }
        public string? FinalUrl => Redirects.Count > 0 ? Current.AbsoluteUri : null;
    }
}
