namespace Omstilling.Sip.Parsing;

/// <summary>The three outcomes of parsing besides an exception for malformed input.</summary>
public enum ParseStatus
{
    /// <summary>The buffer holds only part of a message; nothing but leading CRLFs was consumed.</summary>
    NeedMore,
    /// <summary>A whole message was parsed.</summary>
    Complete,
    /// <summary>A CRLF keep-alive (RFC 5626 §4.4.1) was consumed; no message.</summary>
    KeepAlive,
}
