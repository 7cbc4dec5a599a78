using System.Net;
using System.Net.Sockets;

namespace Summit.Core.Webhooks;

/// <summary>
/// Where a webhook may go: a full https address (http only to an allowed internal host), no credentials in it, and
/// never, unless allowed, an address inside the server's own networks (loopback, private, link-local, carrier NAT,
/// multicast): the check is made on the address the name resolves to at the moment of sending, not only on the text.
/// </summary>
public static class WebhookAddresses
{
    public static class Reasons
    {
        public const string Url = "Enter the receiver's full address, starting with https://.";
        public const string Https = "Webhooks are sent over https only (plain http only to a host allowed in the Webhooks settings).";
        public const string Credentials = "Do not put a user name or password in the address; receivers check the signature instead.";
        public const string Internal = "This address is inside the server's own network (loopback, private or link-local); it is allowed only for hosts named in the Webhooks settings.";
        public const string Blocked = "The receiver's name resolves to an address inside the server's own network, which webhooks may not reach.";
    }

    /// <summary>The refusal of <paramref name="text"/> as a receiver's address, or null with the parsed address.</summary>
    public static string? Check(string? text, WebhookOptions options, out Uri? url)
    {
        ArgumentNullException.ThrowIfNull(options);
        url = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > WebhookEndpoint.UrlMaxLength
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || string.IsNullOrEmpty(parsed.Host))
        {
            return Reasons.Url;
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return Reasons.Credentials;
        }

        var allowed = options.IsAllowedInternal(parsed.IdnHost);
        if (parsed.Scheme == "http" && !allowed)
        {
            return Reasons.Https;
        }

        if (!allowed && (string.Equals(parsed.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
                         || parsed.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                         || (IPAddress.TryParse(parsed.IdnHost.Trim('[', ']'), out var literal) && IsInternal(literal))))
        {
            return Reasons.Internal;
        }

        url = parsed;
        return null;
    }

    /// <summary>Whether <paramref name="address"/> belongs to a network no public receiver lives in.</summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            // IPv4 inside IPv6: NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
            if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && bytes[4..12].All(b => b == 0))
            {
                return IsInternal(new IPAddress(bytes[12..16]));
            }

            if (bytes[0] == 0x20 && bytes[1] == 0x02)
            {
                return IsInternal(new IPAddress(bytes[2..6]));
            }

            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                   || (bytes[0] & 0xFE) == 0xFC // fc00::/7, unique local
                   || address.IsIPv6Teredo;
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] is >= 64 and <= 127, // carrier-grade NAT
            169 => b[1] == 254, // link-local, and the clouds' metadata address
            172 => b[1] is >= 16 and <= 31,
            192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2),
            198 => b[1] is 18 or 19, // benchmarking
            >= 224 => true, // multicast and reserved
            _ => false,
        };
    }
}
