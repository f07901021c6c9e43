using System.Text;
using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>
/// Header-aware mutations of SIP messages (RFC 3261 §7): every byte value in header names, values
/// and the Request-URI, names swapped for other (and compact) names, headers duplicated and removed,
/// values borrowed from other messages, grammar punctuation inserted, values made overlong around the
/// parser's line limit, lines folded, Content-Length and start-line elements at their limits. Stateless.
/// </summary>
internal static class SipMutations
{
    public static readonly Mutation[] All =
    [
        NameByte, ReplaceName, ValueByte, InterestingValue, OtherValue, OverlongValue, InsertPunctuation, Fold,
        DuplicateHeader, RemoveHeader, StartLineElement, UriByte, ContentLength,
    ];

    /// <summary>Known names, their compact forms and near misses.</summary>
    private static readonly byte[][] Names = Utf8(
        "Via", "v", "From", "f", "To", "t", "Call-ID", "i", "CSeq", "Contact", "m", "Content-Length", "l", "Content-Type", "c",
        "Max-Forwards", "Expires", "Route", "Record-Route", "Require", "Supported", "k", "Allow", "Accept", "Event", "o",
        "Subject", "s", "Refer-To", "r", "Referred-By", "b", "Reply-To", "Timestamp", "Authorization", "WWW-Authenticate",
        "Proxy-Require", "Unsupported", "Session-Expires", "x", "Allow-Events", "u", "Content-Encoding", "e", "Min-Expires",
        "VIA", "call-id", "cseq", "Via ", " Via", "Via\t", "X-", "-", "a", "z", "");

    /// <summary>Values at the edges of the header grammars (name-addr, Via, CSeq, URIs, quoted strings).</summary>
    public static readonly byte[][] Values = Utf8(
        "", " ", "*", "<", ">", "<>", "<sip:>", "<sip:@>", "\"", "\"a\\", "\"\\\"", "\"\" <sip:a@b>", ";", ";tag", ";tag=", ";;", ",", ",,",
        "sip:", "sip:a@b:65536", "sip:a@b:0", "sip:[::1", "sip:[]", "sip:a@[::1]:5060", "tel:+", "tel:", "sips:a@b", "a:b",
        "SIP/2.0/UDP", "SIP/2.0/UDP [", "SIP / 2.0 / UDP h", "SIP/2.0/UDP h:65536", "SIP/2.0/UDP h;branch", "SIP/2.0/UDP h;received=::1;rport=65536",
        "1 INVITE", "0 ACK", "2147483647 INVITE", "2147483648 INVITE", "4294967296 INVITE", "1", "1 ", " 1",
        "%", "%4", "%zz", "%00", "a@", "@", "\\", "\t", "sip:a@b;maddr=[::1];lr", "sip:a@b?h=v", "<sip:a@b?h=v&x=>",
        "<sip:a@b>;tag=\"x\"", "<sip:a:b@c>", "\"\u00e6\u00f8\u00e5\" <sip:\u00e6@b>", "<sip:a@b>,<sip:c@d>", "a b c <sip:x@y>");

    public static readonly byte[] Punctuation = ":;,<>\"@/[]=?% \t\\*&+$#'!~()"u8.ToArray();

    private static readonly byte[][] Methods = Utf8("INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO", "invite", "NEWMETHOD", "I", "!", "INVITE ");

    private static readonly byte[][] Versions = Utf8("SIP/2.0", "SIP/2.1", "SIP/3.0", "sip/2.0", "SIP/2.00", "SIP/.0", "SIP/2.", "SIP/", "SIP", "SIP/2.0 ", "SIP/99999999999.0");

    /// <summary>Around the parser's stack space for headers (48) and its header limit (256).</summary>
    private static readonly int[] ManyCopies = [47, 48, 49, 255, 256, 257];

    private static readonly int[] OverlongLengths = [1023, 8191, 8192, 8193, 16383, 16384, 16385, 40000];

    public static byte[]? NameByte(byte[] input, MutationContext c)
    {
        if (!TryPickHeader(input, c, out var h))
        {
            return null;
        }

        var b = new[] { (byte)c.Random.Next(256) };
        var at = h.Start + c.Random.Next(h.NameLength + 1);
        return c.OneIn(2) || at == h.Start + h.NameLength ? Edit.Insert(input, at, b) : Edit.Replace(input, at, 1, b);
    }

    public static byte[]? ReplaceName(byte[] input, MutationContext c) =>
        TryPickHeader(input, c, out var h) ? Edit.Replace(input, h.Start, h.NameLength, c.Pick(Names)) : null;

    public static byte[]? ValueByte(byte[] input, MutationContext c)
    {
        if (!TryPickHeader(input, c, out var h))
        {
            return null;
        }

        var b = new[] { (byte)c.Random.Next(256) };
        var at = h.ValueStart + c.Random.Next(h.ValueLength + 1);
        return c.OneIn(2) || at == h.End ? Edit.Insert(input, at, b) : Edit.Replace(input, at, 1, b);
    }

    public static byte[]? InterestingValue(byte[] input, MutationContext c)
    {
        if (!TryPickHeader(input, c, out var h))
        {
            return null;
        }

        var value = c.OneIn(3) ? c.Pick(Interesting.NumberBytes) : c.Pick(Values);
        return c.OneIn(2)
            ? Edit.Replace(input, h.ValueStart, h.ValueLength, [(byte)' ', .. value])
            : Edit.Insert(input, h.ValueStart + c.Random.Next(h.ValueLength + 1), value);
    }

    /// <summary>A header value taken from another message of the corpus.</summary>
    public static byte[]? OtherValue(byte[] input, MutationContext c)
    {
        var other = c.Other();
        var otherHeaders = SipLayout.Of(other).Headers;
        if (otherHeaders.Count == 0 || !TryPickHeader(input, c, out var h))
        {
            return null;
        }

        var donor = c.Pick(otherHeaders);
        return Edit.Replace(input, h.ValueStart, h.ValueLength, other.AsSpan(donor.ValueStart, donor.ValueLength));
    }

    public static byte[]? OverlongValue(byte[] input, MutationContext c)
    {
        if (!TryPickHeader(input, c, out var h) || h.ValueLength == 0)
        {
            return null;
        }

        var target = c.Pick(OverlongLengths);
        var value = input.AsSpan(h.ValueStart, h.ValueLength);
        var grown = new byte[Math.Max(target, value.Length)];
        for (var i = 0; i < grown.Length; i++)
        {
            grown[i] = value[i % value.Length];
        }

        return Edit.Replace(input, h.ValueStart, h.ValueLength, grown);
    }

    public static byte[]? InsertPunctuation(byte[] input, MutationContext c) =>
        TryPickHeader(input, c, out var h)
            ? Edit.Insert(input, h.ValueStart + c.Random.Next(h.ValueLength + 1), [c.Pick(Punctuation)])
            : null;

    /// <summary>A line break followed by whitespace inside a value (RFC 3261 §7.3.1 folding), or at its start.</summary>
    public static byte[]? Fold(byte[] input, MutationContext c) =>
        TryPickHeader(input, c, out var h)
            ? Edit.Insert(input, h.ValueStart + c.Random.Next(h.ValueLength + 1), c.OneIn(2) ? "\r\n "u8 : "\r\n\t"u8)
            : null;

    public static byte[]? DuplicateHeader(byte[] input, MutationContext c)
    {
        if (!TryPickHeader(input, c, out var h))
        {
            return null;
        }

        var line = input.AsSpan(h.Start, LineWithEnd(input, h)).ToArray();
        var times = c.OneIn(8) ? c.Pick(ManyCopies) : 1;
        var copies = new byte[line.Length * times];
        for (var i = 0; i < times; i++)
        {
            line.CopyTo(copies.AsSpan(i * line.Length));
        }

        return Edit.Insert(input, h.Start, copies);
    }

    public static byte[]? RemoveHeader(byte[] input, MutationContext c) =>
        TryPickHeader(input, c, out var h) ? Edit.Replace(input, h.Start, LineWithEnd(input, h), []) : null;

    /// <summary>The method, the Request-URI or the version replaced (requests), or the status code (responses).</summary>
    public static byte[]? StartLineElement(byte[] input, MutationContext c)
    {
        var (start, length) = SipLayout.Of(input).StartLine;
        if (length == 0)
        {
            return null;
        }

        var line = input.AsSpan(start, length);
        var sp1 = line.IndexOf((byte)' ');
        var sp2 = sp1 < 0 ? -1 : line[(sp1 + 1)..].IndexOf((byte)' ') + sp1 + 1;
        if (sp1 < 0 || sp2 <= sp1)
        {
            return null;
        }

        return c.Random.Next(3) switch
        {
            0 => Edit.Replace(input, start, sp1, line.StartsWith("SIP/"u8) ? c.Pick(Versions) : c.Pick(Methods)),
            1 => Edit.Replace(input, start + sp1 + 1, sp2 - sp1 - 1, c.OneIn(2) ? c.Pick(Values) : c.Pick(Interesting.NumberBytes)),
            _ => Edit.Replace(input, start + sp2 + 1, length - sp2 - 1, c.Pick(Versions)),
        };
    }

    /// <summary>Any byte value in or next to the Request-URI.</summary>
    public static byte[]? UriByte(byte[] input, MutationContext c)
    {
        var (start, length) = SipLayout.Of(input).StartLine;
        var sp1 = input.AsSpan(start, length).IndexOf((byte)' ');
        if (sp1 < 0)
        {
            return null;
        }

        var rest = input.AsSpan(start + sp1 + 1, length - sp1 - 1).IndexOf((byte)' ');
        var uriLength = rest < 0 ? length - sp1 - 1 : rest;
        var at = start + sp1 + 1 + c.Random.Next(uriLength + 1);
        var b = new[] { (byte)c.Random.Next(256) };
        return c.OneIn(2) ? Edit.Insert(input, at, b) : Edit.Replace(input, at, Math.Min(1, input.Length - at), b);
    }

    /// <summary>Content-Length (or its compact form) at a limit, or one added when there is none.</summary>
    public static byte[]? ContentLength(byte[] input, MutationContext c)
    {
        var layout = SipLayout.Of(input);
        foreach (var h in layout.Headers)
        {
            var name = input.AsSpan(h.Start, h.NameLength).Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8) || Ascii.EqualsIgnoreCase(name, "l"u8))
            {
                return Edit.Replace(input, h.ValueStart, h.ValueLength, [(byte)' ', .. c.Pick(Interesting.NumberBytes)]);
            }
        }

        if (layout.Headers.Count == 0)
        {
            return null;
        }

        return Edit.Insert(input, layout.Headers[^1].Start, [.. "Content-Length: "u8, .. c.Pick(Interesting.NumberBytes), .. "\r\n"u8]);
    }

    private static bool TryPickHeader(byte[] input, MutationContext c, out HeaderLine header)
    {
        var headers = SipLayout.Of(input).Headers;
        header = headers.Count == 0 ? default : c.Pick(headers);
        return headers.Count > 0;
    }

    private static int LineWithEnd(byte[] input, HeaderLine h)
    {
        var end = h.End;
        while (end < input.Length && input[end] is (byte)'\r' or (byte)'\n' && end - h.End < 2)
        {
            end++;
        }

        return end - h.Start;
    }

    private static byte[][] Utf8(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];
}
