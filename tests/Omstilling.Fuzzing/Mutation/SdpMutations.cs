using System.Text;
using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>
/// Field-aware mutations of SDP (RFC 4566): a field of a line replaced by a token at the edges of
/// what we read (ports, payload types, addresses, protocols, rtpmap values), line types changed,
/// attribute and media lines added. Stateless.
/// </summary>
internal static class SdpMutations
{
    public static readonly Mutation[] All = [ReplaceField, ChangeLineType, AddLine];

    private static readonly byte[][] Fields = Utf8(
        "", "IN", "IP4", "IP6", "0.0.0.0", "::", "::ffff:192.0.2.1", "255.255.255.255", "192.0.2.1/127/3", "[::1]", "fe80::1%eth0", "1",
        "-", "*", "RTP/AVP", "RTP/AVPF", "RTP/SAVP", "udptl", "UDP/BFCP", "t38", "audio", "video", "image", "application",
        "PCMA/8000", "PCMU/8000/1", "pcma/8000", "PCMA", "PCMA/", "PCMA/08000", "PCMA/4294967296", "telephone-event/8000", "telephone-event",
        "/", "//", "sendonly", "recvonly", "inactive", "sendrecv", "rtpmap:", "fmtp:", "ptime:", "rtpmap:8", "0-16", "127", "128", "65535", "65536",
        "0/2", "65535/2", "x/1");

    private static readonly byte[][] Lines = Utf8(
        "a=rtpmap:8 PCMA/8000", "a=rtpmap:", "a=rtpmap:x y", "a=rtpmap:8", "a=fmtp:", "a=fmtp:101 0-15", "a=ptime:2147483648", "a=ptime:0",
        "a=sendonly", "a=inactive", "a=rtcp:65535", "a=rtpmap:101 telephone-event/70000", "m=audio 65535 RTP/AVP 8", "m=audio 0 RTP/AVP",
        "m=image 9 udptl t38", "m=application 9 UDP/BFCP *", "m=audio 1/2 RTP/AVP 0", "m=video 5000 RTP/AVP 96 97 98", "m=audio 5004 RTP/AVP 200",
        "c=IN IP4 192.0.2.99", "c=IN IP6 ::", "c=IN", "o=- 1 1 IN IP4 x", "o=", "v=0", "s=", "t=0 0", "=", "a", "a=", "m=");

    private static readonly byte[] LineTypes = "vosicmatbzkreu=a0 \t"u8.ToArray();

    public static byte[]? ReplaceField(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return null;
        }

        var line = c.Pick(lines);
        var length = TextLines.ContentLength(input, line);
        var fields = new List<(int Start, int Length)>();
        var start = line.Start + Math.Min(2, length);
        for (var i = start; i <= line.Start + length; i++)
        {
            if (i == line.Start + length || input[i] is (byte)' ' or (byte)':' or (byte)'/')
            {
                fields.Add((start, i - start));
                start = i + 1;
            }
        }

        if (fields.Count == 0)
        {
            return null;
        }

        var (at, fieldLength) = c.Pick(fields);
        return Edit.Replace(input, at, fieldLength, c.OneIn(3) ? c.Pick(Interesting.NumberBytes) : c.Pick(Fields));
    }

    public static byte[]? ChangeLineType(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        copy[c.Pick(lines).Start] = c.OneIn(4) ? (byte)c.Random.Next(256) : c.Pick(LineTypes);
        return copy;
    }

    public static byte[]? AddLine(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        var at = lines.Count == 0 ? 0 : c.OneIn(3) ? input.Length : c.Pick(lines).Start;
        return Edit.Insert(input, at, [.. c.Pick(Lines), .. "\r\n"u8]);
    }

    private static byte[][] Utf8(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];
}
