namespace Omstilling.Media.Srtp;

/// <summary>
/// Whether a phone account's media is encrypted (SRTP with SDES keys, RFC 4568). Keys travel in
/// the SDP, so SRTP is only ever agreed when the signalling came over TLS.
/// </summary>
public enum SrtpPolicy
{
    /// <summary>Plain RTP only: an offer of RTP/SAVP is refused (488), crypto lines in RTP/AVP are ignored.</summary>
    Off,

    /// <summary>SRTP when the phone offers it over TLS, plain RTP otherwise (the default).</summary>
    Optional,

    /// <summary>SRTP only: a plain offer, or any offer that did not come over TLS, is refused with 488.</summary>
    Required,
}
