using System.Net;
using System.Net.Sockets;

namespace CiteWeb.Enrichment;

/// <summary>
/// Which addresses a link may reach. Refused unless allowed: private (RFC 1918, IPv6 unique local), loopback,
/// link-local (incl. cloud metadata at 169.254.169.254), CGNAT (100.64/10), multicast, unspecified and reserved
/// ranges, in IPv4 and IPv6, IPv4-mapped and NAT64 addresses judged by the IPv4 address inside.
/// </summary>
public sealed class AddressPolicy(bool allowPrivate, IReadOnlyList<IPNetwork> allowed)
{
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    public static AddressPolicy From(NetworkOptions options) =>
        new(options.AllowPrivateAddresses, options.AllowedNetworks.Select(c => IPNetwork.Parse(c)).ToList());

    public bool IsAllowed(IPAddress address)
    {
        address = Unwrap(address);
        if (allowPrivate || IsPublic(address)) return true;
        return allowed.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }

    public static bool IsPublic(IPAddress address)
    {
        address = Unwrap(address);
        return !NotPublic.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }

    /// <summary>The IPv4 address an IPv6 address carries (mapped, NAT64), so that a private IPv4 cannot hide in it.</summary>
    private static IPAddress Unwrap(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        if (Nat64.Contains(address))
        {
            var bytes = address.GetAddressBytes();
            return new IPAddress(bytes.AsSpan(12, 4));
        }
        return address;
    }
}
