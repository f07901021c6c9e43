namespace Omstilling.Sip.Parsing;

/// <summary>
/// Limits enforced before and while parsing. Every limit stops a specific attack; the defaults
/// are generous for real phones and trunks (a large INVITE with SDP and many Record-Route
/// headers is about 4 KiB) and small enough that a hostile peer cannot make one connection
/// hold much memory.
/// </summary>
public sealed record SipParserLimits
{
    /// <summary>The defaults documented in docs/sip-stack.md.</summary>
    public static SipParserLimits Default { get; } = new();

    /// <summary>
    /// Start line plus headers, in bytes (default 16 KiB). Stops a peer that streams headers
    /// forever over TCP to exhaust memory ("slowloris"). Exceeding it is answered 513.
    /// </summary>
    public int MaxHeaderSectionBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// Body bytes (default 48 KiB). Stops a Content-Length that makes us buffer megabytes.
    /// UDP cannot carry more than 65,507 bytes anyway. Exceeding it is answered 513.
    /// </summary>
    public int MaxBodyBytes { get; init; } = 48 * 1024;

    /// <summary>
    /// Header fields, counting each line once (default 256). Stops quadratic header lookups and
    /// index arrays grown by thousands of one-byte headers. Exceeding it is answered 513.
    /// </summary>
    public int MaxHeaderCount { get; init; } = 256;

    /// <summary>
    /// One logical header line after unfolding, in bytes (default 8 KiB). Stops pathological
    /// parameter lists that make value parsers work hard. Exceeding it is answered 513.
    /// </summary>
    public int MaxLineLength { get; init; } = 8 * 1024;
}
