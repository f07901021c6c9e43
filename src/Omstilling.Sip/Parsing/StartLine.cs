using System.Text;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// The parsed start line: Request-Line = Method SP Request-URI SP SIP-Version, or
/// Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (RFC 3261 §7.1, §7.2).
/// Exactly one SP separates the elements; RFC 4475 §3.1.2.8-3.1.2.10 are the reason.
/// </summary>
internal readonly ref struct StartLine
{
    public StartLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            ThrowHelper.Reject(RejectReason.BadStartLine, 0, "Empty start line");
        }

        if (line.Length >= 4 && Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8))
        {
            IsRequest = false;
            var sp = line.IndexOf((byte)' ');
            if (sp < 0)
            {
                ThrowHelper.Reject(RejectReason.BadStartLine, line.Length, "Status line without status code");
            }

            CheckVersion(line[..sp], 0, isRequest: false);
            var rest = line[(sp + 1)..];
            if (rest.Length < 3 || !SipChars.IsDigit(rest[0]) || !SipChars.IsDigit(rest[1]) || !SipChars.IsDigit(rest[2]) ||
                (rest.Length > 3 && rest[3] != ' '))
            {
                ThrowHelper.Reject(RejectReason.BadStartLine, sp + 1, "Status code must be three digits");
            }

            StatusCode = ((rest[0] - '0') * 100) + ((rest[1] - '0') * 10) + (rest[2] - '0');
            if (StatusCode is < 100 or > 699)
            {
                ThrowHelper.Reject(RejectReason.BadStartLine, sp + 1, "Status code out of range");
            }

            var reason = rest.Length > 4 ? rest[4..] : default;
            foreach (var b in reason)
            {
                if (b < 0x20 && b != '\t')
                {
                    ThrowHelper.Reject(RejectReason.BadStartLine, sp + 5, "Control character in reason phrase");
                }
            }

            ReasonPhrase = Encoding.UTF8.GetString(reason);
            return;
        }

        IsRequest = true;
        var sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0)
        {
            ThrowHelper.Reject(RejectReason.BadStartLine, 0, "Request line without method");
        }

        if (line[..sp1].ContainsAnyExcept(SipChars.TokenValues))
        {
            ThrowHelper.Reject(RejectReason.BadStartLine, 0, "Bad method");
        }

        MethodStart = 0;
        MethodLength = sp1;
        var afterMethod = line[(sp1 + 1)..];
        var sp2 = afterMethod.IndexOf((byte)' ');
        if (sp2 == 0)
        {
            ThrowHelper.Reject(RejectReason.BadStartLine, sp1 + 1, "Extra whitespace in request line");
        }

        if (sp2 < 0)
        {
            ThrowHelper.Reject(RejectReason.BadStartLine, line.Length, "Request line without SIP version");
        }

        UriStart = sp1 + 1;
        UriLength = sp2;
        var versionStart = UriStart + sp2 + 1;
        var version = line[versionStart..];
        if (version.IndexOfAny((byte)' ', (byte)'\t') >= 0 || version.IsEmpty)
        {
            ThrowHelper.Reject(RejectReason.BadStartLine, versionStart, "Extra whitespace in request line");
        }

        CheckVersion(version, versionStart, isRequest: true);
        var uri = line.Slice(UriStart, UriLength);
        UriGrammar.Validate(uri, UriStart, RejectReason.BadRequestUri, "Request-URI", out var hasHeaders);
        if (hasHeaders)
        {
            ThrowHelper.Reject(RejectReason.BadRequestUri, UriStart, "Headers are not allowed in a Request-URI");
        }
    }

    public bool IsRequest { get; }

    public int MethodStart { get; }

    public int MethodLength { get; }

    public int UriStart { get; }

    public int UriLength { get; }

    public int StatusCode { get; }

    public string? ReasonPhrase { get; }

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT; only 2.0 is supported (505 otherwise).</summary>
    private static void CheckVersion(ReadOnlySpan<byte> version, int offset, bool isRequest)
    {
        if (version.Length >= 7 && Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8))
        {
            return;
        }

        var dot = version.Length > 4 ? version[4..].IndexOf((byte)'.') : -1;
        var wellFormed = version.Length > 4 && Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8) && dot > 0 &&
                         !version[4..(4 + dot)].ContainsAnyExceptInRange((byte)'0', (byte)'9') &&
                         version.Length > 5 + dot &&
                         !version[(5 + dot)..].ContainsAnyExceptInRange((byte)'0', (byte)'9');
        ThrowHelper.Reject(
            wellFormed ? RejectReason.UnsupportedVersion : RejectReason.BadStartLine,
            offset,
            wellFormed ? "SIP version not supported" : isRequest ? "Bad SIP version" : "Bad SIP version in status line");
    }
}
