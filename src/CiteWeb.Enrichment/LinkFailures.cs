using System.Net.Sockets;
using System.Security.Authentication;
using CiteWeb.Core.Model;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CiteWeb.Enrichment;

/// <summary>Failures before an HTTP answer: which status each one is, in one sentence, and which are worth a retry.</summary>
internal static class LinkFailures
{
    public static (LinkStatus Status, string Detail) Classify(Exception e, Uri uri, NetworkOptions options)
    {
        var host = uri.Host;
        if (Find<LinkFailureException>(e) is { } failure) return (failure.Status, failure.Message);
        if (Find<TimeoutRejectedException>(e) is not null)
            return (LinkStatus.Timeout, $"{host} gave no answer within {LinkChecker.Seconds(options.PerAttemptTimeout)}, retries included.");
        if (Find<BrokenCircuitException>(e) is not null)
            return (LinkStatus.Unchecked, $"{host} failed too often in a row, so the link was skipped for now.");
        if (Find<AuthenticationException>(e) is not null || e is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
            return (LinkStatus.TlsError, $"The secure connection to {host} failed: {Innermost(e).Message.TrimEnd('.')}.");
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
            return (LinkStatus.DnsFailure, $"The name {host} could not be resolved.");
        if (Find<SocketException>(e) is { SocketErrorCode: SocketError.ConnectionRefused })
            return (LinkStatus.ConnectionFailed, $"{host} refused the connection.");
        if (Find<SocketException>(e) is { SocketErrorCode: SocketError.TimedOut })
            return (LinkStatus.Timeout, $"Connecting to {host} timed out.");
        return (LinkStatus.ConnectionFailed, $"The connection to {host} broke off before a complete answer ({Innermost(e).Message.TrimEnd('.')}).");
    }

    /// <summary>Worth a retry: a dropped or refused connection or a timed-out attempt. Not a name that does not
    /// resolve, a TLS failure or a refused address: those answer the same the second time.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        TimeoutRejectedException => true,
        HttpRequestException h when Find<LinkFailureException>(h) is null => h.HttpRequestError is not (HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.UserAuthenticationError
            or HttpRequestError.VersionNegotiationError or HttpRequestError.ProxyTunnelError or HttpRequestError.InvalidResponse),
        _ => false,
    };

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T t) return t;
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
