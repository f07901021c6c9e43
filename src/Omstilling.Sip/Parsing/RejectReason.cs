namespace Omstilling.Sip.Parsing;

/// <summary>
/// Why a message was refused by the parser or by the first validation stage.
/// Each reason maps to one SIP status (see <see cref="RejectReasonExtensions.ToStatusCode"/>),
/// so a request can be answered with a precise code and a useful reason phrase.
/// </summary>
public enum RejectReason
{
    /// <summary>The start line is not "Method SP Request-URI SP SIP-Version" or "SIP-Version SP Status-Code SP Reason".</summary>
    BadStartLine,
    /// <summary>The SIP version is well-formed but not 2.0 (answered 505).</summary>
    UnsupportedVersion,
    /// <summary>The Request-URI is malformed (RFC 3261 §19.1, §25.1).</summary>
    BadRequestUri,
    /// <summary>A header line has no colon or its name is not a token.</summary>
    BadHeaderLine,
    /// <summary>A header value does not match its grammar (the header name is in the message).</summary>
    BadHeaderValue,
    /// <summary>A single-valued header appears more than once.</summary>
    DuplicateHeader,
    /// <summary>A header required in every request or response is missing (RFC 3261 §8.1.1).</summary>
    MissingHeader,
    /// <summary>Content-Length is not a number, negative, or promises more bytes than the datagram holds.</summary>
    BadContentLength,
    /// <summary>The CSeq method differs from the request method (RFC 3261 §8.1.1.5).</summary>
    CSeqMethodMismatch,
    /// <summary>A single header line is longer than <see cref="SipParserLimits.MaxLineLength"/>.</summary>
    LineTooLong,
    /// <summary>More headers than <see cref="SipParserLimits.MaxHeaderCount"/>.</summary>
    TooManyHeaders,
    /// <summary>The message (header section or body) exceeds the configured size limits (answered 513).</summary>
    MessageTooLarge,
    /// <summary>A stream or datagram ended inside a message that declared more bytes.</summary>
    Truncated,
}

/// <summary>Maps reject reasons to SIP status codes.</summary>
public static class RejectReasonExtensions
{
    /// <summary>The status a server answers a request with when it is rejected for <paramref name="reason"/>.</summary>
    public static int ToStatusCode(this RejectReason reason) => reason switch
    {
        RejectReason.UnsupportedVersion => 505,
        RejectReason.MessageTooLarge or RejectReason.TooManyHeaders or RejectReason.LineTooLong => 513,
        _ => 400,
    };
}
