namespace Omstilling.Sip.Messages;

/// <summary>A SIP response (RFC 3261 §7.2). See <see cref="SipMessage"/> for ownership rules.</summary>
public sealed class SipResponse : SipMessage
{
    public SipResponse(int statusCode, string? reasonPhrase = null, SipHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        : base(headers ?? new SipHeaders(), body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase ?? SipStatus.DefaultReason(statusCode);
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsFinal => StatusCode >= 200;

    public override bool IsRequest => false;

    public override SipMethod TransactionMethod => CSeq.Method;

    public override string ToString() => $"{StatusCode} {ReasonPhrase} ({CSeq})";
}
