using System.Text;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// Parses SIP messages from bytes (RFC 3261 §7, §25). Stateless and thread-safe.
/// <para>
/// Three outcomes: <see cref="ParseStatus.NeedMore"/> when a stream buffer holds only part of a
/// message (nothing is consumed), <see cref="ParseStatus.Complete"/> with the message, or a
/// <see cref="SipParseException"/> whose reason maps to the status to answer with.
/// Size limits are checked before the bytes are parsed. Header values stay slices of the buffer:
/// the caller hands the buffer's ownership to the message and must not reuse it.
/// </para>
/// <para>
/// Besides framing, the headers every layer relies on are validated here without allocating
/// (Via, From, To, Contact, Route, Record-Route, Call-ID, CSeq, Max-Forwards, Content-Length,
/// Expires, the Request-URI), so a message that parses is safe to hand to the transaction layer.
/// </para>
/// </summary>
public static class SipParser
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    private static ReadOnlySpan<byte> HeaderTerminator => "\r\n\r\n"u8;

    /// <summary>Parses one message from the start of a stream buffer (TCP): framing by Content-Length.</summary>
    public static ParseStatus TryParseStream(ReadOnlyMemory<byte> buffer, SipParserLimits limits, out SipMessage? message, out int consumed) =>
        TryParse(buffer, limits, datagram: false, out message, out consumed);

    /// <summary>
    /// Parses a datagram (UDP) holding one message. Bytes beyond Content-Length are ignored
    /// (RFC 3261 §18.3); a Content-Length larger than the datagram is an error.
    /// Returns <see cref="ParseStatus.KeepAlive"/> for a datagram of CRLFs only.
    /// </summary>
    public static ParseStatus TryParseDatagram(ReadOnlyMemory<byte> datagram, SipParserLimits limits, out SipMessage? message)
    {
        var status = TryParse(datagram, limits, datagram: true, out message, out _);
        return status == ParseStatus.NeedMore
            ? ThrowHelper.Reject<ParseStatus>(RejectReason.Truncated, datagram.Length, "Truncated message")
            : status;
    }

    /// <summary>Parses a whole message held in a string (tests and tools).</summary>
    public static SipMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TryParseDatagram(Encoding.UTF8.GetBytes(text), SipParserLimits.Default, out var message);
        return message ?? throw new SipParseException(RejectReason.Truncated, 0, "No message");
    }

    private static ParseStatus TryParse(ReadOnlyMemory<byte> buffer, SipParserLimits limits, bool datagram, out SipMessage? message, out int consumed)
    {
        ArgumentNullException.ThrowIfNull(limits);
        message = null;
        consumed = 0;
        var span = buffer.Span;

        var start = SkipLeadingCrlf(span, datagram, out var keepAlive);
        if (keepAlive)
        {
            consumed = start;
            return ParseStatus.KeepAlive;
        }

        if (start == span.Length)
        {
            consumed = start;
            return ParseStatus.NeedMore;
        }

        var m = span[start..];
        var headerEnd = m.IndexOf(HeaderTerminator);
        if (headerEnd < 0)
        {
            if (m.Length > limits.MaxHeaderSectionBytes + 3)
            {
                ThrowHelper.Reject(RejectReason.MessageTooLarge, limits.MaxHeaderSectionBytes, "Header section too large");
            }

            if (datagram)
            {
                ThrowHelper.Reject(RejectReason.Truncated, m.Length, "Missing empty line after headers");
            }

            consumed = start;
            return ParseStatus.NeedMore;
        }

        if (headerEnd > limits.MaxHeaderSectionBytes)
        {
            ThrowHelper.Reject(RejectReason.MessageTooLarge, limits.MaxHeaderSectionBytes, "Header section too large");
        }

        var memory = buffer[start..];
        var startLineEnd = m.IndexOf(Crlf);
        if (startLineEnd > limits.MaxLineLength)
        {
            ThrowHelper.Reject(RejectReason.LineTooLong, limits.MaxLineLength, "Start line too long");
        }

        var startLine = new StartLine(m[..startLineEnd]);
        var scratch = default(HeaderScratch);
        var collector = new HeaderCollector(scratch);
        var facts = ParseHeaders(memory, startLineEnd + 2, headerEnd + 2, limits, ref collector);

        RequireHeaders(facts, headerEnd);
        if (startLine.IsRequest)
        {
            var methodBytes = m.Slice(startLine.MethodStart, startLine.MethodLength);
            if (!facts.CSeqMethod.Span.SequenceEqual(methodBytes))
            {
                ThrowHelper.Reject(RejectReason.CSeqMethodMismatch, facts.CSeqOffset, "CSeq method does not match the request method");
            }
        }

        var bodyStart = headerEnd + 4;
        int bodyLength;
        if (facts.ContentLength >= 0)
        {
            if (facts.ContentLength > limits.MaxBodyBytes)
            {
                ThrowHelper.Reject(RejectReason.MessageTooLarge, facts.ContentLengthOffset, "Body too large");
            }

            bodyLength = (int)facts.ContentLength;
            if (m.Length - bodyStart < bodyLength)
            {
                if (datagram)
                {
                    ThrowHelper.Reject(RejectReason.BadContentLength, facts.ContentLengthOffset, "Content-Length larger than the message");
                }

                consumed = start;
                return ParseStatus.NeedMore;
            }
        }
        else
        {
            // Content-Length is mandatory on streams (RFC 3261 §18.3); without it we can only assume no body.
            bodyLength = datagram ? m.Length - bodyStart : 0;
            if (bodyLength > limits.MaxBodyBytes)
            {
                ThrowHelper.Reject(RejectReason.MessageTooLarge, bodyStart, "Body too large");
            }
        }

        var body = memory.Slice(bodyStart, bodyLength);
        var headers = collector.ToHeaders();
        message = startLine.IsRequest
            ? new SipRequest(
                SipMethod.FromToken(m.Slice(startLine.MethodStart, startLine.MethodLength)),
                memory.Slice(startLine.UriStart, startLine.UriLength),
                headers,
                body)
            : new SipResponse(startLine.StatusCode, startLine.ReasonPhrase, headers, body);
        consumed = datagram ? span.Length : start + bodyStart + bodyLength;
        return ParseStatus.Complete;
    }

    /// <summary>
    /// Stream: CRLFCRLF is a keep-alive ping; CRLFs before a start line are ignored (RFC 3261 §7.5).
    /// Datagram: a datagram of CRLFs only is a keep-alive.
    /// </summary>
    private static int SkipLeadingCrlf(ReadOnlySpan<byte> span, bool datagram, out bool keepAlive)
    {
        keepAlive = false;
        if (datagram)
        {
            var i = 0;
            while (i < span.Length && span[i] is (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            keepAlive = i == span.Length && i > 0;
            return i;
        }

        if (span.StartsWith(HeaderTerminator))
        {
            keepAlive = true;
            return 4;
        }

        var skip = 0;
        while (span.Length - skip >= 3 && span[skip] == '\r' && span[skip + 1] == '\n' && span[skip + 2] != '\r')
        {
            skip += 2;
        }

        return skip;
    }

    private static HeaderFacts ParseHeaders(ReadOnlyMemory<byte> memory, int pos, int end, SipParserLimits limits, ref HeaderCollector headers)
    {
        var m = memory.Span;
        var facts = new HeaderFacts();
        var lines = 0;
        while (pos < end)
        {
            if (SipChars.IsWhitespace(m[pos]))
            {
                ThrowHelper.Reject(RejectReason.BadHeaderLine, pos, "Continuation line without a header");
            }

            // One logical line: physical lines joined while the next begins with SP or HTAB (§7.3.1 folding).
            var lineStart = pos;
            var lineEnd = pos + m[pos..end].IndexOf(Crlf);
            var folded = false;
            while (lineEnd + 2 < end && SipChars.IsWhitespace(m[lineEnd + 2]))
            {
                folded = true;
                lineEnd = lineEnd + 2 + m[(lineEnd + 2)..end].IndexOf(Crlf);
            }

            pos = lineEnd + 2;
            if (lineEnd - lineStart > limits.MaxLineLength)
            {
                ThrowHelper.Reject(RejectReason.LineTooLong, lineStart, "Header line too long");
            }

            if (++lines > limits.MaxHeaderCount)
            {
                ThrowHelper.Reject(RejectReason.TooManyHeaders, lineStart, "Too many headers");
            }

            var line = folded ? Unfold(m[lineStart..lineEnd]) : memory[lineStart..lineEnd];
            AddHeader(line, lineStart, limits, ref headers, ref facts);
        }

        return facts;
    }

    /// <summary>Removes the CRLFs of folded lines, keeping the whitespace that follows them.</summary>
    private static ReadOnlyMemory<byte> Unfold(ReadOnlySpan<byte> line)
    {
        var copy = new byte[line.Length];
        var n = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\r' && i + 1 < line.Length && line[i + 1] == '\n')
            {
                i++;
                continue;
            }

            copy[n++] = line[i];
        }

        return copy.AsMemory(0, n);
    }

    private static void AddHeader(ReadOnlyMemory<byte> line, int offset, SipParserLimits limits, ref HeaderCollector headers, ref HeaderFacts facts)
    {
        var s = line.Span;
        var colon = s.IndexOf((byte)':');
        if (colon < 0)
        {
            ThrowHelper.Reject(RejectReason.BadHeaderLine, offset, "Header line without ':'");
        }

        var nameEnd = colon;
        while (nameEnd > 0 && SipChars.IsWhitespace(s[nameEnd - 1]))
        {
            nameEnd--;
        }

        var nameBytes = s[..nameEnd];
        if (nameBytes.IsEmpty || nameBytes.ContainsAnyExcept(SipChars.TokenValues))
        {
            ThrowHelper.Reject(RejectReason.BadHeaderLine, offset, "Bad header name");
        }

        var name = HeaderName.Lookup(nameBytes);
        var (valueStart, valueLength) = Trim(s, colon + 1, s.Length);
        if (name.IsUnique)
        {
            facts.NoteUnique(name, offset);
        }

        if (name.IsList && valueLength > 0)
        {
            var pos = valueStart;
            var end = valueStart + valueLength;
            while (pos <= end)
            {
                var comma = ListSplitter.NextComma(s, pos, end);
                var (elementStart, elementLength) = Trim(s, pos, comma);
                if (elementLength == 0)
                {
                    ThrowHelper.Reject(RejectReason.BadHeaderValue, offset + pos, $"Empty element in {name.Name}");
                }

                if (headers.Count >= limits.MaxHeaderCount)
                {
                    ThrowHelper.Reject(RejectReason.TooManyHeaders, offset, "Too many headers");
                }

                AddValue(name, line.Slice(elementStart, elementLength), offset + elementStart, ref headers, ref facts);
                pos = comma + 1;
            }

            return;
        }

        AddValue(name, line.Slice(valueStart, valueLength), offset + valueStart, ref headers, ref facts);
    }

    private static void AddValue(HeaderName name, ReadOnlyMemory<byte> value, int offset, ref HeaderCollector headers, ref HeaderFacts facts)
    {
        HeaderValidator.Validate(name, value, offset, ref facts);
        headers.Add(new SipHeader(name, value));
    }

    private static (int Start, int Length) Trim(ReadOnlySpan<byte> s, int start, int end)
    {
        while (start < end && SipChars.IsWhitespace(s[start]))
        {
            start++;
        }

        while (end > start && SipChars.IsWhitespace(s[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    private static void RequireHeaders(in HeaderFacts facts, int offset)
    {
        var missing = facts.MissingRequired();
        if (missing is not null)
        {
            ThrowHelper.Reject(RejectReason.MissingHeader, offset, $"Missing {missing} header");
        }
    }
}
