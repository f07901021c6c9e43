using Omstilling.Sip.Messages;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Registrar;

/// <summary>
/// One contact registered for an address of record (RFC 3261 §10). <see cref="Source"/> is where
/// the REGISTER came from: requests for the contact are sent there, which reaches phones behind
/// NAT whatever address they wrote in Contact. Immutable.
/// </summary>
public sealed record Binding(
    string Aor,
    SipUri Contact,
    SipEndPoint Source,
    DateTimeOffset ExpiresAt,
    string CallId,
    uint CSeq,
    string? InstanceId)
{
    /// <summary>The phone registered over TLS, so requests to it travel over TLS too (its connection): SRTP may be offered to it.</summary>
    public bool IsSecure => Source.Transport.IsSecure();

    /// <summary>Seconds left at <paramref name="now"/>, never negative.</summary>
    public long SecondsLeft(DateTimeOffset now) => Math.Max(0, (long)Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
