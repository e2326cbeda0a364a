using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Transforms;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CiteWeb.Enrichment;

/// <summary>What the resolver says about a DOI.</summary>
public enum DoiStatus { Registered, NotRegistered, Malformed, Unchecked }

public sealed record DoiValidation(string Doi, DoiStatus Status, string Detail);

/// <summary>The outcome of matching one reference: the DOI to attach (null when none is sure enough), the candidates
/// that were not attached with their scores, whether Crossref was asked at all, and a sentence.</summary>
public sealed record DoiMatch(string? Doi, double Score, IReadOnlyList<DoiCandidate> Candidates, bool Checked, string Detail);

/// <summary>
/// DOIs: syntax (<see cref="DoiBare.IsValid"/>), registration at the resolver's handle API, metadata by content
/// negotiation (CSL-JSON), and matching of references without a DOI through Crossref's <c>query.bibliographic</c>,
/// scored by <see cref="DoiScoring"/>. A typed client: resolve one per run; every answer is kept in memory for the
/// run. Registered by <c>services.AddCiteWebEnrichment(configuration)</c>.
/// </summary>
public sealed class DoiService
{
    private const int Rows = 5;
    private readonly HttpClient _http;
    private readonly EnrichmentOptions _options;
    private readonly CrossrefGate _gate;
    private readonly AnswerCache _disk;
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _cache = new(StringComparer.Ordinal);
    private int _unreachable;

    public DoiService(HttpClient http, IOptions<EnrichmentOptions> options, CrossrefGate gate, AnswerCache disk)
    {
        _http = http;
        _options = options.Value;
        _gate = gate;
        _disk = disk;
    }

    /// <summary>Nothing can be asked: switched off, or a service could not be reached earlier in this run.</summary>
    public bool IsOffline => _options.Network.Offline || Volatile.Read(ref _unreachable) == 1;

    /// <summary>Syntax first; then the resolver's handle API: <c>responseCode</c> 1 is registered, 100 (HTTP 404) is not.</summary>
    public async Task<DoiValidation> ValidateAsync(string doi, CancellationToken ct)
    {
        var bare = DoiBare.Bare(doi);
        if (!DoiBare.IsValid(bare)) return new(doi, DoiStatus.Malformed, $"'{doi}' is not a DOI (10.prefix/suffix).");
        if (_options.Network.Offline) return new(doi, DoiStatus.Unchecked, "Not looked up: offline.");
        var key = bare.ToLowerInvariant();
        var answer = await CachedAsync("h:" + key, async () => await _disk.GetOrFetchAsync(AnswerCache.DoiHandles, key, _options.Cache.DoiTtl,
            () => AskHandleAsync(bare, ct), v => v?.Status is DoiStatus.Registered or DoiStatus.NotRegistered).ConfigureAwait(false)).ConfigureAwait(false);
        return (DoiValidation)answer!;
    }

    /// <summary>The DOI's metadata as CSL-JSON by content negotiation at the resolver, read by <see cref="CslJsonReader"/>;
    /// null when it cannot be had.</summary>
    public async Task<Reference?> FetchAsync(string doi, CancellationToken ct)
    {
        var bare = DoiBare.Bare(doi);
        if (!DoiBare.IsValid(bare) || _options.Network.Offline) return null;
        var key = bare.ToLowerInvariant();
        return (Reference?)await CachedAsync("c:" + key, async () =>
        {
            // The CSL-JSON text is what is kept on disk; it is read again from there.
            var body = await _disk.GetOrFetchAsync(AnswerCache.DoiMetadata, key, _options.Cache.DoiTtl, async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(_options.Endpoints.DoiResolver, PathOf(bare)));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.citationstyles.csl+json"));
                var text = await SendAsync(request, null, ct).ConfigureAwait(false);
                return text?.Status == HttpStatusCode.OK ? text.Value.Body : null;
            }, b => b is not null).ConfigureAwait(false);
            return body is null ? null : CslJsonReader.Read(body, "doi:" + bare).References.FirstOrDefault();
        }).ConfigureAwait(false);
    }

    /// <summary>Search, then validate: Crossref's candidates scored against the reference; the best attached only when
    /// it clears <see cref="DoiScoring"/>'s threshold and vetoes, no rival comes close, and the resolver knows it.</summary>
    public async Task<DoiMatch> MatchAsync(Reference r, CancellationToken ct)
    {
        if (IsOffline) return new(null, 0, [], false, "Not looked up: offline.");
        if (string.IsNullOrWhiteSpace(r.Title)) return new(null, 0, [], false, "Not looked up: the reference has no title to search by.");
        var query = BibliographicQuery(r);
        var works = (IReadOnlyList<CrossrefWork>?)await CachedAsync("q:" + query, async () => await _disk.GetOrFetchAsync(AnswerCache.Crossref, query,
            _options.Cache.DoiTtl, () => QueryAsync(query, ct), w => w is not null).ConfigureAwait(false)).ConfigureAwait(false);
        if (works is null) return new(null, 0, [], false, "Not looked up: Crossref could not be reached.");

        var scored = works.Select(w => (Work: w, S: DoiScoring.Score(r, w)))
            .GroupBy(x => x.Work.Doi, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(x => x.S.Score))
            .OrderByDescending(x => x.S.Score).ToList();
        DoiCandidate Candidate((CrossrefWork Work, (double Score, bool Acceptable, string Why) S) x, string? also = null) =>
            new(x.Work.Doi, x.Work.Title, x.S.Score, x.S.Why + (also is null ? "" : "; " + also));
        var near = scored.Where(x => x.S.Score >= 0.5).Take(3);
        var acceptable = scored.Where(x => x.S.Acceptable).ToList();
        if (acceptable.Count == 0)
            return new(null, 0, near.Select(x => Candidate(x)).ToList(), true, "No candidate cleared the threshold.");
        var best = acceptable[0];
        var rivals = acceptable.Skip(1).Where(x => best.S.Score - x.S.Score < DoiScoring.AmbiguityMargin).ToList();
        if (rivals.Count > 0)
            return new(null, 0, [Candidate(best, "ambiguous"), .. rivals.Select(x => Candidate(x, "ambiguous"))], true,
                $"Ambiguous: {rivals.Count + 1} candidates score within {DoiScoring.AmbiguityMargin} of each other.");

        var validation = await ValidateAsync(best.Work.Doi, ct).ConfigureAwait(false);
        var others = near.Where(x => x.Work.Doi != best.Work.Doi).Select(x => Candidate(x)).ToList();
        return validation.Status == DoiStatus.Registered
            ? new(best.Work.Doi, best.S.Score, [], true, $"Matched with score {best.S.Score:0.00} ({best.S.Why}).")
            : new(null, 0, [Candidate(best, validation.Detail), .. others], true, $"The best candidate was not attached: {validation.Detail}");
    }

    /// <summary>Title, first author's family name, year and container: what Crossref's matcher weighs.</summary>
    internal static string BibliographicQuery(Reference r)
    {
        var parts = new List<string?> { Core.Text.RichText.ToPlain(r.Title!), DoiScoring.FirstFamily(r), r.Issued?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (r.ContainerTitle is { } c) parts.Add(Core.Text.RichText.ToPlain(c));
        return string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
    }

    private async Task<List<CrossrefWork>?> QueryAsync(string query, CancellationToken ct)
    {
        var path = "works?query.bibliographic=" + Uri.EscapeDataString(query) + $"&rows={Rows}"
            + "&select=DOI,title,subtitle,author,issued,container-title,score" + MailTo("&");
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(_options.Endpoints.Crossref, path));
        var text = await SendAsync(request, _gate, ct).ConfigureAwait(false);
        if (text is not { Status: HttpStatusCode.OK } ok) return null;
        return CrossrefJson.ReadWorks(ok.Body);
    }

    private async Task<DoiValidation?> AskHandleAsync(string doi, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(_options.Endpoints.DoiResolver, "api/handles/" + PathOf(doi)));
        var text = await SendAsync(request, null, ct).ConfigureAwait(false);
        if (text is not { } answer) return new DoiValidation(doi, DoiStatus.Unchecked, "The resolver could not be reached.");
        var code = CrossrefJson.ResponseCode(answer.Body);
        if (code == 1) return new DoiValidation(doi, DoiStatus.Registered, "The DOI is registered.");
        if (code == 100 || answer.Status == HttpStatusCode.NotFound) return new DoiValidation(doi, DoiStatus.NotRegistered, $"The DOI {doi} is not registered at the resolver.");
        return new DoiValidation(doi, DoiStatus.Unchecked, $"The resolver answered {(int)answer.Status} without a verdict.");
    }

    /// <summary>One request, its answer as text; null when the service could not be reached (then the run goes
    /// offline for DOIs: one unreachable service is not asked again and again).</summary>
    private async Task<(HttpStatusCode Status, string Body)?> SendAsync(HttpRequestMessage request, CrossrefGate? gate, CancellationToken ct)
    {
        if (IsOffline) return null;
        try
        {
            using var slot = gate is null ? null : await gate.EnterAsync(ct).ConfigureAwait(false);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            gate?.Observe(response.Headers);
            var body = await ReadCappedAsync(response, ct).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or OperationCanceledException or IOException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError })
                Interlocked.Exchange(ref _unreachable, 1);
            return null;
        }
    }

    private async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var max = _options.Network.MaxBodyBytes;
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > max) throw new IOException($"The answer is larger than {max} bytes.");
            buffer.Write(chunk, 0, n);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private Task<object?> CachedAsync(string key, Func<Task<object?>> ask) =>
        _cache.GetOrAdd(key, _ => new Lazy<Task<object?>>(ask)).Value;

    private string MailTo(string separator) =>
        string.IsNullOrWhiteSpace(_options.Contact.Email) ? "" : separator + "mailto=" + Uri.EscapeDataString(_options.Contact.Email.Trim());

    private static string PathOf(string doi) => string.Join('/', doi.Split('/').Select(Uri.EscapeDataString));

    private static Uri Endpoint(string root, string relative) => new(root.TrimEnd('/') + "/" + relative);
}

/// <summary>The parts of Crossref's and the handle API's JSON that matching needs; anything else is ignored, and
/// an answer that is not what it should be reads as no answer.</summary>
internal static class CrossrefJson
{
    public static List<CrossrefWork>? ReadWorks(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (!doc.RootElement.TryGetProperty("message", out var message) || !message.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                return null;
            var works = new List<CrossrefWork>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || Str(item, "DOI") is not { } doi || !DoiBare.IsValid(DoiBare.Bare(doi))) continue;
                works.Add(new CrossrefWork(DoiBare.Bare(doi), First(item, "title"), First(item, "subtitle"), FirstAuthor(item), Year(item),
                    First(item, "container-title"), item.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0));
            }
            return works;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static int? ResponseCode(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("responseCode", out var c)
                && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var code) ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static string? First(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String ? v[0].GetString() : null;

    private static string? FirstAuthor(JsonElement item)
    {
        if (!item.TryGetProperty("author", out var authors) || authors.ValueKind != JsonValueKind.Array) return null;
        var all = authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).ToList();
        var first = all.FirstOrDefault(a => Str(a, "sequence") == "first");
        if (first.ValueKind != JsonValueKind.Object) first = all.FirstOrDefault();
        return first.ValueKind == JsonValueKind.Object ? Str(first, "family") ?? Str(first, "name") : null;
    }

    private static int? Year(JsonElement item)
    {
        foreach (var name in (ReadOnlySpan<string>)["issued", "published", "published-print", "published-online"])
            if (item.TryGetProperty(name, out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("date-parts", out var parts)
                && parts.ValueKind == JsonValueKind.Array && parts.GetArrayLength() > 0 && parts[0].ValueKind == JsonValueKind.Array
                && parts[0].GetArrayLength() > 0 && parts[0][0].ValueKind == JsonValueKind.Number && parts[0][0].TryGetInt32(out var y))
                return y;
        return null;
    }
}
