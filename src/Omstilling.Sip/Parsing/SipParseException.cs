namespace Omstilling.Sip.Parsing;

/// <summary>
/// A message could not be parsed. Carries the reason, the byte offset of the offending
/// byte from the start of the message and a short human-readable detail that is safe to send
/// back as a reason phrase (no message content is echoed).
/// </summary>
public sealed class SipParseException : Exception
{
    public SipParseException(RejectReason reason, int offset, string detail)
        : base($"{detail} (at byte {offset})")
    {
        Reason = reason;
        Offset = offset;
        Detail = detail;
    }

    public SipParseException()
        : this(RejectReason.BadStartLine, 0, "Malformed message")
    {
    }

    public SipParseException(string message)
        : this(RejectReason.BadStartLine, 0, message)
    {
    }

    public SipParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = RejectReason.BadStartLine;
        Detail = message;
    }

    public RejectReason Reason { get; }

    /// <summary>Offset in bytes from the first byte of the message (after skipped keep-alive CRLFs).</summary>
    public int Offset { get; }

    /// <summary>A reason phrase for the error response, e.g. "Bad CSeq header".</summary>
    public string Detail { get; }

    /// <summary>The SIP status code that answers a request rejected for this reason.</summary>
    public int StatusCode => Reason.ToStatusCode();
}
