using Omstilling.Media.Srtp;

namespace Omstilling.Media.Sdp;

/// <summary>
/// The keys offer/answer settled for an SRTP stream (RFC 4568 §6.1): each side sends with the key
/// of its own <c>a=crypto</c> line, so we send with <see cref="Local"/> and receive with
/// <see cref="Remote"/>. Immutable.
/// </summary>
public sealed record SdesKeys(SrtpMasterKey Local, SrtpMasterKey Remote)
{
    /// <summary>Never the keys.</summary>
    public override string ToString() => "SRTP (SDES)";
}
