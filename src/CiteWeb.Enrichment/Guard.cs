using System.Net;
using System.Net.Sockets;
using CiteWeb.Core.Model;

namespace CiteWeb.Enrichment;

/// <summary>Resolves a host name to addresses; the default asks the system resolver, tests put their own.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class SystemHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A link ended before an HTTP answer, for a reason that has its own status.</summary>
internal sealed class LinkFailureException(LinkStatus status, string detail) : Exception(detail)
{
    public LinkStatus Status { get; } = status;
}

/// <summary>Whether this run has a network at all. A DNS lookup that finds no resolver before anything has ever
/// answered means there is none, and every later link is <c>unchecked</c> at once instead of dead.</summary>
public sealed class NetworkState
{
    internal NetworkState() { }

    private int _state; // 0 unknown, 1 online, 2 offline

    internal bool IsOffline => Volatile.Read(ref _state) == 2;
    /// <summary>Something answered in this run: a name resolved or a server replied.</summary>
    internal bool IsOnline => Volatile.Read(ref _state) == 1;
    internal void Answered() => Interlocked.CompareExchange(ref _state, 1, 0);
    internal bool TryGoOffline() => Interlocked.CompareExchange(ref _state, 2, 0) != 1;
}

/// <summary>
/// The connect step of the HTTP handler: it resolves the name itself and connects only to allowed addresses, so the
/// guard holds for the first URL and after every redirect, and a name cannot be re-resolved to another address
/// between the check and the connection.
/// </summary>
internal sealed class GuardedConnector(AddressPolicy policy, IHostResolver resolver, NetworkState network)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, ct).ConfigureAwait(false);
        var usable = addresses.Where(policy.IsAllowed).ToList();
        if (usable.Count == 0)
            throw new LinkFailureException(LinkStatus.Blocked, $"{host} is at {addresses[0]}, an address that is not public, so it was not contacted.");

        SocketException? last = null;
        foreach (var address in usable)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        if (last!.SocketErrorCode is SocketError.NetworkUnreachable or SocketError.NetworkDown && network.TryGoOffline())
            throw new LinkFailureException(LinkStatus.Unchecked, "There is no network, so the link was not checked.");
        throw last;
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal];
        // RFC 6761: names under .invalid never resolve; answering at once keeps them off the resolver.
        if (host.Equals("invalid", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
            throw new LinkFailureException(LinkStatus.DnsFailure, $"The name {host} does not exist (.invalid never resolves).");
        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, ct).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TryAgain && network.TryGoOffline())
        {
            throw new LinkFailureException(LinkStatus.Unchecked, "No name server answered and nothing has answered yet, so there seems to be no network; the link was not checked.");
        }
        catch (SocketException e)
        {
            throw new LinkFailureException(LinkStatus.DnsFailure, $"The name {host} could not be resolved ({e.SocketErrorCode}).");
        }
        if (addresses.Length == 0)
            throw new LinkFailureException(LinkStatus.DnsFailure, $"The name {host} has no address.");
        network.Answered();
        return addresses;
    }
}
