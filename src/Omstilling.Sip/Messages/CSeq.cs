using System.Globalization;

namespace Omstilling.Sip.Messages;

/// <summary>
/// The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and the request method.
/// </summary>
public readonly record struct CSeq(uint Number, SipMethod Method)
{
    /// <summary>Sequence numbers must be less than 2**31 (RFC 3261 §8.1.1.5).</summary>
    public const uint MaxNumber = (1u << 31) - 1;

    public override string ToString() => $"{Number.ToString(CultureInfo.InvariantCulture)} {Method.Name}";
}
