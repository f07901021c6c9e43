using System.Globalization;
using System.Net;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Transport;

/// <summary>
/// Where responses go (RFC 3261 §18.2.2 with RFC 3581 symmetric response routing), and the
/// received/rport fix-up a server applies to the top Via of every request it receives (§18.2.1).
/// </summary>
public static class ResponseRouting
{
    /// <summary>
    /// Adds received= when the sent-by host is not the packet's source address, and fills rport=
    /// when the client asked for it. Returns the Via to use (the same instance when unchanged).
    /// </summary>
    public static Via StampReceived(Via via, IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(via);
        ArgumentNullException.ThrowIfNull(source);
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var changed = via;
        if (!HostIs(via.Host, address))
        {
            changed = changed.WithParameter("received", address.ToString());
        }

        if (via.HasRPort && via.RPort is null)
        {
            changed = changed.WithParameter("rport", source.Port.ToString(CultureInfo.InvariantCulture));
        }

        return changed;
    }

    /// <summary>
    /// The address a response to a request with this (stamped) top Via goes to: over a reliable
    /// transport the source of the request (its connection); over UDP received/rport if present,
    /// else the sent-by host and port (default 5060).
    /// </summary>
    public static IPEndPoint TargetFor(Via via, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(via);
        if (source.Transport.IsReliable())
        {
            return source.EndPoint;
        }

        var host = via.Received ?? via.Host;
        var address = IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed : source.EndPoint.Address;
        var port = via.RPort ?? via.Port ?? 5060;
        return new IPEndPoint(address, port);
    }

    private static bool HostIs(string host, IPAddress address) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var parsed) && parsed.Equals(address);
}
