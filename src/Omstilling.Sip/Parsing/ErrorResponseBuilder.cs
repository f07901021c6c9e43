using System.Text;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// Builds the answer to a request the parser rejected, reading what it can of the bytes with a
/// lenient line scan (the strict parser has already said what is wrong). A response needs at
/// least a Via and a CSeq to be matched by the client, and responses to responses are never
/// sent, so anything else is dropped (RFC 4475 §3.1.2.19).
/// </summary>
public static class ErrorResponseBuilder
{
    /// <summary>
    /// Control bytes (all but HTAB) a copied value may not carry: a lone CR or LF inside a line
    /// would add a header line of the sender's making to our response, and a NUL ends strings in
    /// the peer's C code. Such a header is left out, as if the request had not had it.
    /// </summary>
    private static readonly System.Buffers.SearchValues<byte> Unechoable = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 32).Where(b => b != '\t').Select(b => (byte)b), (byte)0x7f]);

    /// <summary>The response to send, or null to drop the input silently.</summary>
    public static SipResponse? TryBuild(ReadOnlySpan<byte> bytes, SipParseException exception, Func<SipMethod, bool> supportsMethod)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(supportsMethod);
        while (!bytes.IsEmpty && bytes[0] is (byte)'\r' or (byte)'\n')
        {
            bytes = bytes[1..];
        }

        var firstLineEnd = bytes.IndexOf("\r\n"u8);
        if (firstLineEnd <= 0 || bytes.StartsWith("SIP/"u8) || bytes[..firstLineEnd].IndexOf("SIP/"u8) < 0)
        {
            return null; // A response, or not SIP at all.
        }

        var headers = new SipHeaders(8);
        var end = bytes.IndexOf("\r\n\r\n"u8);
        var section = end < 0 ? bytes : bytes[..(end + 2)];
        var pos = firstLineEnd + 2;
        var hasVia = false;
        var hasCSeq = false;
        var hasToTag = false;
        string? to = null;
        while (pos < section.Length)
        {
            var lineLength = section[pos..].IndexOf("\r\n"u8);
            var line = lineLength < 0 ? section[pos..] : section.Slice(pos, lineLength);
            pos += lineLength < 0 ? section.Length : lineLength + 2;
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var valueBytes = line[(colon + 1)..].Trim(" \t"u8);
            if (valueBytes.ContainsAny(Unechoable))
            {
                continue;
            }

            var name = HeaderName.Lookup(line[..colon].TrimEnd(" \t"u8));
            var value = Encoding.UTF8.GetString(valueBytes);
            if (name == HeaderName.Via)
            {
                hasVia = true;
                headers.Add(name, value);
            }
            else if (name == HeaderName.CSeq)
            {
                hasCSeq |= !headers.Contains(HeaderName.CSeq);
                AddFirst(headers, name, value);
            }
            else if (name == HeaderName.To && to is null)
            {
                to = value;
                hasToTag = value.Contains(";tag=", StringComparison.OrdinalIgnoreCase);
            }
            else if (name == HeaderName.From || name == HeaderName.CallId)
            {
                AddFirst(headers, name, value);
            }
        }

        if (!hasVia || !hasCSeq)
        {
            return null;
        }

        if (to is not null)
        {
            headers.Add(HeaderName.To, hasToTag ? to : $"{to};tag={SipIds.NewTag()}");
        }

        var status = exception.StatusCode;
        var reason = exception.Reason switch
        {
            RejectReason.UnsupportedVersion => "Version Not Supported",
            RejectReason.MessageTooLarge or RejectReason.TooManyHeaders or RejectReason.LineTooLong => "Message Too Large",
            _ => exception.Detail,
        };

        // An unknown method is answered 501 before a CSeq mismatch is judged (RFC 4475 §3.1.2.18).
        var sp = bytes[..firstLineEnd].IndexOf((byte)' ');
        if (exception.Reason == RejectReason.CSeqMethodMismatch && sp > 0 &&
            !supportsMethod(SipMethod.FromToken(bytes[..sp])))
        {
            status = SipStatus.NotImplemented;
            reason = SipStatus.DefaultReason(status);
        }

        return new SipResponse(status, reason, headers);
    }

    private static void AddFirst(SipHeaders headers, HeaderName name, string value)
    {
        if (!headers.Contains(name))
        {
            headers.Add(name, value);
        }
    }
}
