using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Omstilling.Media.Sdp;

/// <summary>
/// A session description (RFC 4566): origin, session connection and direction, and the media
/// sections. Parsed leniently (unknown lines are kept or skipped) but strictly where we depend on
/// the value: every m= line and every c= address must be well formed. Immutable.
/// </summary>
public sealed record SessionDescription
{
    public string OriginUser { get; init; } = "-";

    public required ulong SessionId { get; init; }

    public required ulong SessionVersion { get; init; }

    public required IPAddress OriginAddress { get; init; }

    public string SessionName { get; init; } = "-";

    public IPAddress? Connection { get; init; }

    public MediaDirection? Direction { get; init; }

    public required IReadOnlyList<MediaDescription> Media { get; init; }

    /// <summary>The address media of a section goes to: its own c= or the session's.</summary>
    public IPAddress? ConnectionOf(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Connection ?? Connection;
    }

    /// <summary>The direction in effect for a section (media-level over session-level, default sendrecv).</summary>
    public MediaDirection DirectionOf(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var direction = media.Direction ?? Direction ?? MediaDirection.SendReceive;

        // RFC 3264 §8.4: the old way to hold, c=0.0.0.0, means the peer wants nothing sent to it,
        // which is what sendonly (or, if it did not want to send either, inactive) says today.
        if (ConnectionOf(media) is { } address && address.Equals(IPAddress.Any))
        {
            return direction switch
            {
                MediaDirection.SendReceive => MediaDirection.SendOnly,
                MediaDirection.ReceiveOnly => MediaDirection.Inactive,
                _ => direction,
            };
        }

        return direction;
    }

    public static SessionDescription Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong sessionId = 0, version = 0;
        IPAddress? origin = null, connection = null;
        string user = "-", name = "-";
        MediaDirection? direction = null;
        var media = new List<MediaDescription>();
        MediaBuilder? current = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=')
            {
                throw new SdpParseException($"SDP line {lineNumber}: expected 'x=value'");
            }

            var value = line[2..];
            switch (line[0])
            {
                case 'o':
                    var o = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (o.Length < 6 || !ulong.TryParse(o[1], NumberStyles.None, CultureInfo.InvariantCulture, out sessionId) ||
                        !ulong.TryParse(o[2], NumberStyles.None, CultureInfo.InvariantCulture, out version))
                    {
                        throw new SdpParseException($"SDP line {lineNumber}: bad o= line");
                    }

                    user = o[0];
                    origin = IPAddress.TryParse(o[5], out var originAddress) ? originAddress : IPAddress.Any;
                    break;
                case 's':
                    name = value;
                    break;
                case 'c':
                    var address = ParseConnection(value, lineNumber);
                    if (current is null)
                    {
                        connection = address;
                    }
                    else
                    {
                        current.Connection = address;
                    }

                    break;
                case 'm':
                    if (current is not null)
                    {
                        media.Add(current.Build());
                    }

                    current = ParseMediaLine(value, lineNumber);
                    break;
                case 'a':
                    var attributeDirection = ParseDirection(value);
                    if (current is null)
                    {
                        direction = attributeDirection ?? direction;
                    }
                    else
                    {
                        current.Attribute(value, attributeDirection, lineNumber);
                    }

                    break;
            }
        }

        if (current is not null)
        {
            media.Add(current.Build());
        }

        if (origin is null)
        {
            throw new SdpParseException("SDP has no o= line");
        }

        return new SessionDescription
        {
            OriginUser = user, SessionId = sessionId, SessionVersion = version, OriginAddress = origin, SessionName = name,
            Connection = connection, Direction = direction, Media = media,
        };
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        var family = OriginAddress.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        sb.Append("v=0\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"o={OriginUser} {SessionId} {SessionVersion} IN {family} {OriginAddress}\r\n");
        sb.Append("s=").Append(SessionName).Append("\r\n");
        if (Connection is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"c=IN {(Connection.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4")} {Connection}\r\n");
        }

        sb.Append("t=0 0\r\n");
        foreach (var m in Media)
        {
            sb.Append(CultureInfo.InvariantCulture, $"m={m.Media} {m.Port} {m.Protocol} {string.Join(' ', m.Formats.Select(f => f.ToString(CultureInfo.InvariantCulture)).Concat(m.OtherFormats))}\r\n");
            if (m.Connection is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"c=IN {(m.Connection.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4")} {m.Connection}\r\n");
            }

            foreach (var pt in m.Formats)
            {
                if (m.RtpMaps.TryGetValue(pt, out var map))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{pt} {map}\r\n");
                }

                if (m.Fmtps.TryGetValue(pt, out var fmtp))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"a=fmtp:{pt} {fmtp}\r\n");
                }
            }

            if (m.PacketTime is { } ptime)
            {
                sb.Append(CultureInfo.InvariantCulture, $"a=ptime:{ptime}\r\n");
            }

            foreach (var a in m.OtherAttributes)
            {
                sb.Append("a=").Append(a).Append("\r\n");
            }

            if (m.Direction is { } d)
            {
                sb.Append("a=").Append(d.Attribute()).Append("\r\n");
            }
        }

        return sb.ToString();
    }

    private static IPAddress ParseConnection(string value, int lineNumber)
    {
        var c = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (c.Length < 3 || c[0] != "IN" || c[1] is not ("IP4" or "IP6"))
        {
            throw new SdpParseException($"SDP line {lineNumber}: bad c= line");
        }

        var host = c[2].Split('/')[0]; // multicast TTL suffix
        return IPAddress.TryParse(host, out var address)
            ? address
            : throw new SdpParseException($"SDP line {lineNumber}: c= must hold an IP address, not '{host}'");
    }

    private static MediaBuilder ParseMediaLine(string value, int lineNumber)
    {
        var m = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (m.Length < 4 || !int.TryParse(m[1].Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new SdpParseException($"SDP line {lineNumber}: bad m= line");
        }

        // The fields are written back in our answer (a rejected stream keeps its media, protocol and a
        // format), so each must be an RFC 4566 §9 token ('/' allowed in the protocol): no CR, no controls.
        if (!IsToken(m[0], slash: false) || !IsToken(m[2], slash: true) || !m.Skip(3).All(f => IsToken(f, slash: false)))
        {
            throw new SdpParseException($"SDP line {lineNumber}: bad m= line (a field is not a token)");
        }

        var formats = new List<int>();
        var others = new List<string>();
        foreach (var f in m.Skip(3))
        {
            // Non-RTP protocols list format tokens that are not numbers; those streams are rejected later.
            if (int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt <= 127)
            {
                formats.Add(pt);
            }
            else
            {
                others.Add(f);
            }
        }

        return new MediaBuilder(m[0], port, m[2], formats, others);
    }

    /// <summary>token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E (RFC 4566 §9).</summary>
    private static bool IsToken(string field, bool slash) =>
        field.All(c => c is '!' or (>= '#' and <= '\'') or '*' or '+' or '-' or '.' or (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= '^' and <= '~') ||
                       (slash && c == '/'));

    private static MediaDirection? ParseDirection(string attribute) => attribute switch
    {
        "sendrecv" => MediaDirection.SendReceive,
        "sendonly" => MediaDirection.SendOnly,
        "recvonly" => MediaDirection.ReceiveOnly,
        "inactive" => MediaDirection.Inactive,
        _ => null,
    };

    private sealed class MediaBuilder(string media, int port, string protocol, List<int> formats, List<string> otherFormats)
    {
        private readonly Dictionary<int, string> _rtpMaps = [];
        private readonly Dictionary<int, string> _fmtps = [];
        private readonly List<string> _other = [];
        private int? _ptime;
        private MediaDirection? _direction;

        public IPAddress? Connection { get; set; }

        public void Attribute(string value, MediaDirection? direction, int lineNumber)
        {
            if (direction is not null)
            {
                _direction = direction;
            }
            else if (value.StartsWith("rtpmap:", StringComparison.Ordinal) || value.StartsWith("fmtp:", StringComparison.Ordinal))
            {
                var colon = value.IndexOf(':', StringComparison.Ordinal);
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                if (space < 0 || !int.TryParse(value.AsSpan(colon + 1, space - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
                {
                    throw new SdpParseException($"SDP line {lineNumber}: bad a={value[..colon]} attribute");
                }

                (value[0] == 'r' ? _rtpMaps : _fmtps)[pt] = value[(space + 1)..].Trim();
            }
            else if (value.StartsWith("ptime:", StringComparison.Ordinal) &&
                     int.TryParse(value.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var ptime))
            {
                _ptime = ptime;
            }
            else
            {
                _other.Add(value);
            }
        }

        public MediaDescription Build() => new()
        {
            Media = media, Port = port, Protocol = protocol, Formats = formats, OtherFormats = otherFormats, RtpMaps = _rtpMaps, Fmtps = _fmtps,
            Connection = Connection, PacketTime = _ptime, Direction = _direction, OtherAttributes = _other,
        };
    }
}
