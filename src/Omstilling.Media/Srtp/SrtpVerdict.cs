namespace Omstilling.Media.Srtp;

/// <summary>What became of a received SRTP or SRTCP packet (RFC 3711 §3.3, §3.4).</summary>
public enum SrtpVerdict
{
    /// <summary>Authenticated and decrypted.</summary>
    Accepted,

    /// <summary>Too short for its header and tag, or not RTP version 2: dropped unread.</summary>
    Malformed,

    /// <summary>Its index was seen already or is older than the replay window (§3.3.2): dropped.</summary>
    Replayed,

    /// <summary>The tag does not match (a wrong key, a changed packet): dropped, nothing learnt from it.</summary>
    Unauthentic,
}
