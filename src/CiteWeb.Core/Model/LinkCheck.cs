namespace CiteWeb.Core.Model;

/// <summary>
/// The status of a checked link. The strings of <see cref="LinkStatuses.Name"/> are the JSON contract of
/// <c>citeweb linkrot</c>: exactly one per link.
/// </summary>
public enum LinkStatus
{
    /// <summary>Answers 2xx with the page itself.</summary>
    Ok,
    /// <summary>A permanent redirect to a different working URL.</summary>
    Redirected,
    /// <summary>404.</summary>
    NotFound,
    /// <summary>410.</summary>
    Gone,
    /// <summary>401/403, bot walls.</summary>
    Forbidden,
    /// <summary>429 after retries.</summary>
    RateLimited,
    /// <summary>5xx.</summary>
    ServerError,
    Timeout,
    ConnectionFailed,
    DnsFailure,
    TlsError,
    /// <summary>A redirect loop or more redirects than allowed.</summary>
    RedirectLoop,
    /// <summary>A 200 that is really an error page: a "not found" title or heading, a deep link sent to the home
    /// page, or the same answer as a random path on that host.</summary>
    Soft404,
    /// <summary>Not a usable absolute http(s) URL.</summary>
    Malformed,
    /// <summary>The address is not allowed (private, loopback, link-local, multicast) unless configured.</summary>
    Blocked,
    /// <summary>Offline or skipped.</summary>
    Unchecked,
}

public static class LinkStatuses
{
    public static string Name(LinkStatus s) => s switch
    {
        LinkStatus.Ok => "ok",
        LinkStatus.Redirected => "redirected",
        LinkStatus.NotFound => "not-found",
        LinkStatus.Gone => "gone",
        LinkStatus.Forbidden => "forbidden",
        LinkStatus.RateLimited => "rate-limited",
        LinkStatus.ServerError => "server-error",
        LinkStatus.Timeout => "timeout",
        LinkStatus.ConnectionFailed => "connection-failed",
        LinkStatus.DnsFailure => "dns-failure",
        LinkStatus.TlsError => "tls-error",
        LinkStatus.RedirectLoop => "redirect-loop",
        LinkStatus.Soft404 => "soft-404",
        LinkStatus.Malformed => "malformed",
        LinkStatus.Blocked => "blocked",
        _ => "unchecked",
    };

    /// <summary>Dead for a reader: the page the author cited cannot be had from this link.</summary>
    public static bool IsDead(LinkStatus s) => s is LinkStatus.NotFound or LinkStatus.Gone or LinkStatus.ServerError
        or LinkStatus.ConnectionFailed or LinkStatus.DnsFailure or LinkStatus.TlsError or LinkStatus.RedirectLoop or LinkStatus.Soft404;
}

/// <summary>An archived copy of a page: where it is, when it was taken, from which archive.</summary>
public sealed record ArchivedCopy(string Url, DateTimeOffset Timestamp, string Source);

/// <summary>One link of one reference, checked.</summary>
public sealed record LinkCheck
{
    public required string Url { get; init; }
    /// <summary>The citation key of the reference the link is in.</summary>
    public string? Reference { get; init; }
    public string? File { get; init; }
    public int? Line { get; init; }
    public LinkStatus Status { get; init; }
    public int? HttpStatus { get; init; }
    public string? FinalUrl { get; init; }
    public IReadOnlyList<string> Redirects { get; init; } = [];
    /// <summary>Similarity (0..1) of today's page to the snapshot nearest the access date, where one was compared.</summary>
    public double? DriftSimilarity { get; init; }
    /// <summary>The similarity is below the drift threshold: the page answers but no longer says what was cited.</summary>
    public bool Drifted { get; init; }
    /// <summary>The visible text of the live page as the check read it (<see cref="Text.TextDrift.VisibleText"/>, from
    /// at most the first 256 KB), for the drift comparison; set for ok and redirected HTML pages only, never reported.</summary>
    public string? LiveText { get; init; }
    public ArchivedCopy? Archive { get; init; }
    public DateTimeOffset CheckedAt { get; init; }
    public long ElapsedMs { get; init; }
    /// <summary>One sentence for a person: why this status.</summary>
    public string? Detail { get; init; }
}
