using System.Net;
using Microsoft.Extensions.Options;

namespace CiteWeb.Enrichment;

/// <summary>
/// Configuration of everything that goes out to the network. Bound from the configuration root, so the keys are
/// <c>Network:MaxRedirects</c>, <c>Contact:Email</c>, ... in <c>citeweb.json</c> and <c>CITEWEB_NETWORK__MAXREDIRECTS</c>,
/// <c>CITEWEB_CONTACT__EMAIL</c>, ... in the environment.
/// </summary>
public sealed class EnrichmentOptions
{
    public NetworkOptions Network { get; set; } = new();
    public ContactOptions Contact { get; set; } = new();
    public EndpointOptions Endpoints { get; set; } = new();
    public CacheOptions Cache { get; set; } = new();
    public SavePageNowOptions SavePageNow { get; set; } = new();

    /// <summary>The identifying User-Agent: <c>CiteWeb/0.1 (+https://github.com/citeweb; mailto:EMAIL)</c>, without the
    /// <c>mailto</c> part when no contact address is configured.</summary>
    public string UserAgent => string.IsNullOrWhiteSpace(Contact.Email)
        ? "CiteWeb/0.1 (+https://github.com/citeweb)"
        : $"CiteWeb/0.1 (+https://github.com/citeweb; mailto:{Contact.Email.Trim()})";
}

public sealed class ContactOptions
{
    /// <summary>A contact address sent in the User-Agent (Crossref's polite pool). The default is none.</summary>
    public string? Email { get; set; }
}

public sealed class NetworkOptions
{
    /// <summary>Check nothing: every link is <c>unchecked</c> (the <c>--offline</c> switch). The default is false.</summary>
    public bool Offline { get; set; }

    /// <summary>Allow private, loopback, link-local, CGNAT, multicast and unspecified addresses. The default is false:
    /// links come from untrusted files.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Networks (CIDR, e.g. <c>127.0.0.1/32</c>) allowed even though they are not public, for a local server
    /// that must be reachable while every other private address stays refused. The default is none.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Redirects followed per link before it is a <c>redirect-loop</c>. The default is 10.</summary>
    public int MaxRedirects { get; set; } = 10;

    /// <summary>Bytes of a response body read at most (the rest is never downloaded). The default is 10 MB.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Time for one link, all redirects, retries and body included, once its turn at the host has come. The
    /// default is 15 seconds.</summary>
    public TimeSpan PerLinkTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time for one attempt of one request (up to the response headers). The default is 10 seconds.</summary>
    public TimeSpan PerAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a request after a transient failure, a 429 or a 503. The default is 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the jittered exponential backoff between retries; a <c>Retry-After</c> header wins. The
    /// default is 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time for a whole run of link checks: links not finished when it is up are reported <c>unchecked</c>,
    /// saying so, and those finished are kept (and cached). The default is 1 hour.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Links checked at the same time. The default is 16.</summary>
    public int GlobalConcurrency { get; set; } = 16;

    /// <summary>Requests in flight to one host at the same time. The default is 2.</summary>
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Least time between the starts of two requests to one host. The default is 250 milliseconds.</summary>
    public TimeSpan MinIntervalPerHost { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A live page whose visible text is less similar than this (0..1, Jaccard index of five-word shingles,
    /// <see cref="CiteWeb.Core.Text.TextDrift"/>) to its snapshot nearest the access date is reported as drifted
    /// (<c>linkrot --drift</c>). The default is 0.5.</summary>
    public double DriftThreshold { get; set; } = CiteWeb.Core.Text.TextDrift.DefaultThreshold;
}

/// <summary>Validates <see cref="EnrichmentOptions"/> at start-up, naming every bad key at once.</summary>
public sealed class EnrichmentOptionsValidator : IValidateOptions<EnrichmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        var n = options.Network;
        var errors = new List<string>();
        if (n.MaxRedirects is < 0 or > 50) errors.Add("Network:MaxRedirects must be between 0 and 50.");
        if (n.MaxBodyBytes < 1024) errors.Add("Network:MaxBodyBytes must be at least 1024.");
        if (n.PerAttemptTimeout < TimeSpan.FromMilliseconds(10)) errors.Add("Network:PerAttemptTimeout must be at least 10 ms.");
        if (n.PerLinkTimeout < n.PerAttemptTimeout) errors.Add("Network:PerLinkTimeout must not be shorter than Network:PerAttemptTimeout.");
        if (n.RunTimeout < TimeSpan.FromMilliseconds(100)) errors.Add("Network:RunTimeout must be at least 100 ms.");
        var c = options.Cache;
        foreach (var (key, ttl) in new[] { ("LinkTtl", c.LinkTtl), ("FailureTtl", c.FailureTtl), ("ArchiveTtl", c.ArchiveTtl), ("DoiTtl", c.DoiTtl) })
            if (ttl < TimeSpan.Zero) errors.Add($"Cache:{key} must not be negative.");
        if (n.MaxRetries is < 0 or > 10) errors.Add("Network:MaxRetries must be between 0 and 10.");
        if (n.RetryDelay < TimeSpan.Zero) errors.Add("Network:RetryDelay must not be negative.");
        if (n.GlobalConcurrency is < 1 or > 1000) errors.Add("Network:GlobalConcurrency must be between 1 and 1000.");
        if (n.PerHostConcurrency < 1 || n.PerHostConcurrency > n.GlobalConcurrency) errors.Add("Network:PerHostConcurrency must be between 1 and Network:GlobalConcurrency.");
        if (n.MinIntervalPerHost < TimeSpan.Zero) errors.Add("Network:MinIntervalPerHost must not be negative.");
        if (!(n.DriftThreshold is >= 0 and <= 1)) errors.Add("Network:DriftThreshold must be between 0 and 1.");
        foreach (var cidr in n.AllowedNetworks)
            if (!IPNetwork.TryParse(cidr, out _)) errors.Add($"Network:AllowedNetworks: '{cidr}' is not a network in CIDR notation.");
        var email = options.Contact.Email;
        if (!string.IsNullOrWhiteSpace(email) && (email.Trim().IndexOf('@') is <= 0 || email.Trim().Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or ';')))
            errors.Add($"Contact:Email: '{email}' is not an e-mail address.");
        errors.AddRange(options.SavePageNow.Problems());
        foreach (var (key, url) in options.Endpoints.All())
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
                errors.Add($"Endpoints:{key}: '{url}' is not an absolute http(s) URL.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>The answer cache on disk (<see cref="AnswerCache"/>): <c>Cache:Directory</c>, <c>CITEWEB_CACHE__LINKTTL</c>, ....
/// An entry older than its time to live is asked again; <see cref="Refresh"/> asks everything again.</summary>
public sealed class CacheOptions
{
    /// <summary>The folder of the cache. The default is none (nothing is kept); <c>citeweb</c> uses the workspace's
    /// <c>index/cache</c> unless <c>--cache DIR</c> or this key says otherwise.</summary>
    public string? Directory { get; set; }

    /// <summary>Ask every question again and renew the stored answers (the <c>--refresh</c> switch). The default is false.</summary>
    public bool Refresh { get; set; }

    /// <summary>How long a link's status holds: a page that answered (ok, moved, 404, 410, 403, soft-404, a loop).
    /// The default is 30 days.</summary>
    public TimeSpan LinkTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a failure that may pass by itself holds: timeout, connection-failed, dns-failure, tls-error,
    /// rate-limited, server-error. The default is 1 day.</summary>
    public TimeSpan FailureTtl { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an archive's answer holds (the snapshot nearest a date, or none) and a snapshot's text. The
    /// default is 90 days.</summary>
    public TimeSpan ArchiveTtl { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long the DOI resolver's and Crossref's answers hold (registration, metadata, matches). The default
    /// is 180 days.</summary>
    public TimeSpan DoiTtl { get; set; } = TimeSpan.FromDays(180);
}

/// <summary>Where the services CiteWeb asks live (<c>Endpoints:Crossref</c>, <c>CITEWEB_ENDPOINTS__WAYBACK</c>, ...): base
/// addresses (a base may carry a path, <c>http://127.0.0.1:5000/crossref</c>). Trusted configuration, so no address
/// guard applies to them; tests point them at a local server.</summary>
public sealed class EndpointOptions
{
    /// <summary>The Crossref REST API. The default is https://api.crossref.org.</summary>
    public string Crossref { get; set; } = "https://api.crossref.org";

    /// <summary>The DOI resolver: its handle API (<c>/api/handles/{doi}</c>) and content negotiation (<c>/{doi}</c>).
    /// The default is https://doi.org.</summary>
    public string DoiResolver { get; set; } = "https://doi.org";

    /// <summary>The Wayback Machine availability API (<c>/wayback/available</c>). The default is https://archive.org.</summary>
    public string Wayback { get; set; } = "https://archive.org";

    /// <summary>The Wayback CDX server (<c>/cdx/search/cdx</c>) and its snapshots (<c>/web/TIMESTAMP/URL</c>). The default
    /// is https://web.archive.org.</summary>
    public string WaybackCdx { get; set; } = "https://web.archive.org";

    /// <summary>Memento TimeTravel (<c>/api/json/TIMESTAMP/URL</c>), across archives. The default is
    /// http://timetravel.mementoweb.org.</summary>
    public string Memento { get; set; } = "http://timetravel.mementoweb.org";

    /// <summary>Save Page Now 2 (<c>POST /save</c>, <c>/save/status/JOB_ID</c>) and the captures it makes
    /// (<c>/web/TIMESTAMP/URL</c>). The default is https://web.archive.org.</summary>
    public string SavePageNow { get; set; } = "https://web.archive.org";

    /// <summary>Every endpoint by its key, for validation (<see cref="EnrichmentOptionsValidator"/>).</summary>
    public IEnumerable<(string Key, string Url)> All() =>
        [(nameof(Crossref), Crossref), (nameof(DoiResolver), DoiResolver), (nameof(Wayback), Wayback), (nameof(WaybackCdx), WaybackCdx), (nameof(Memento), Memento), (nameof(SavePageNow), SavePageNow)];
}
