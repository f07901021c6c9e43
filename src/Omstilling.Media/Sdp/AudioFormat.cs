namespace Omstilling.Media.Sdp;

/// <summary>The audio codecs we speak, in our order of preference: A-law first (Danish trunks), then µ-law.</summary>
public enum AudioCodec
{
    Pcma,
    Pcmu,
}

/// <summary>What offer/answer settled for one audio stream. Immutable.</summary>
public sealed record NegotiatedAudio(
    AudioCodec Codec,
    int PayloadType,
    int? TelephoneEventPayloadType,
    System.Net.IPEndPoint Remote,
    MediaDirection LocalDirection)
{
    /// <summary>
    /// The remote side's RTCP address: port + 1 (RFC 3550 §11), we do not use a=rtcp. Null when the
    /// RTP port is 65535 and there is no port above it (an odd RTP port breaks §11 anyway).
    /// </summary>
    public System.Net.IPEndPoint? RemoteRtcp => Rtp.RtcpPort.Above(Remote);

    /// <summary>The SDES keys when the stream is SRTP (RFC 4568), null for plain RTP.</summary>
    public SdesKeys? Srtp { get; init; }
}
