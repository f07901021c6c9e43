using System.Globalization;
using System.Net;

namespace Omstilling.Media.Sdp;

/// <summary>
/// One m= section (RFC 4566 §5.14) with what we use of its attributes: rtpmap, fmtp, ptime and
/// direction. Attributes we do not interpret are kept so an answer or relay can see them. Immutable.
/// </summary>
public sealed record MediaDescription
{
    public required string Media { get; init; }

    /// <summary>0 for a rejected or disabled stream (RFC 3264 §6).</summary>
    public required int Port { get; init; }

    public required string Protocol { get; init; }

    /// <summary>Payload type numbers in preference order (the m= line's format list).</summary>
    public required IReadOnlyList<int> Formats { get; init; }

    /// <summary>
    /// The m= line's other formats, as written: tokens that are not RTP payload types 0-127, such as
    /// T.38's "t38" or BFCP's "*". Kept because a rejected stream is answered with one of its
    /// formats (RFC 3264 §6) and an m= line must list at least one (RFC 4566 §5.14). Written after
    /// <see cref="Formats"/>.
    /// </summary>
    public IReadOnlyList<string> OtherFormats { get; init; } = [];

    /// <summary>a=rtpmap: payload type → "encoding/clock[/channels]".</summary>
    public IReadOnlyDictionary<int, string> RtpMaps { get; init; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> Fmtps { get; init; } = new Dictionary<int, string>();

    /// <summary>c= of this section, if any (overrides the session's).</summary>
    public IPAddress? Connection { get; init; }

    public int? PacketTime { get; init; }

    /// <summary>The direction attribute of this section, or null when only the session's (or the default) applies.</summary>
    public MediaDirection? Direction { get; init; }

    public IReadOnlyList<string> OtherAttributes { get; init; } = [];

    /// <summary>Whether the profile is secure RTP (RFC 3711 §12: RTP/SAVP, or RTP/SAVPF of RFC 5124).</summary>
    public bool IsSecureProfile => Protocol is "RTP/SAVP" or "RTP/SAVPF";

    /// <summary>
    /// The <c>a=crypto</c> lines (RFC 4568), read from the attributes in the order given: the offerer's
    /// preference. Kept among <see cref="OtherAttributes"/>, so SDP writes back as it was read.
    /// </summary>
    public IReadOnlyList<SdesCrypto> Crypto =>
        [.. OtherAttributes.Select(a => SdesCrypto.TryParse(a, out var crypto) ? crypto : null).OfType<SdesCrypto>()];

    /// <summary>The encoding name of a payload type, from rtpmap or the static table of RFC 3551.</summary>
    public string? EncodingOf(int payloadType)
    {
        if (RtpMaps.TryGetValue(payloadType, out var map))
        {
            var slash = map.IndexOf('/', StringComparison.Ordinal);
            return (slash < 0 ? map : map[..slash]).ToUpperInvariant();
        }

        return payloadType switch
        {
            0 => "PCMU",
            8 => "PCMA",
            _ => null,
        };
    }

    /// <summary>The clock rate of a payload type, from rtpmap or 8000 for the static G.711 types.</summary>
    public int? ClockRateOf(int payloadType)
    {
        if (RtpMaps.TryGetValue(payloadType, out var map))
        {
            var parts = map.Split('/');
            return parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate) ? rate : null;
        }

        return payloadType is 0 or 8 ? 8000 : null;
    }
}
