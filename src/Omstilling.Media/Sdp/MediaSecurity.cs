using Omstilling.Media.Srtp;

namespace Omstilling.Media.Sdp;

/// <summary>
/// What a leg allows of SRTP when it answers or offers: the account's <see cref="SrtpPolicy"/>,
/// whether the signalling came over TLS (SDES keys travel in the SDP, so never without it), and
/// the key we send with, the same for every answer of the leg so a re-INVITE keeps the stream's
/// state. Immutable.
/// </summary>
public sealed record MediaSecurity(SrtpPolicy Policy, bool SecureSignalling, SrtpMasterKey LocalKey)
{
    /// <summary>Whether SRTP may be agreed on this leg now.</summary>
    public bool AllowsSrtp => Policy switch
    {
        SrtpPolicy.Off => false,
        SrtpPolicy.Optional or SrtpPolicy.Required => SecureSignalling,
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    /// <summary>Whether plain RTP is acceptable on this leg.</summary>
    public bool AllowsPlain => Policy switch
    {
        SrtpPolicy.Off or SrtpPolicy.Optional => true,
        SrtpPolicy.Required => false,
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    /// <summary>Plain RTP only, as for a leg to the trunk.</summary>
    public static MediaSecurity Plain { get; } = new(SrtpPolicy.Off, false, SrtpMasterKey.Generate());
}
