using System.Globalization;
using System.Text;

namespace Omstilling.Host.Tests.Robustness;

/// <summary>One hostile input: a name for the failure message and the bytes to send.</summary>
public sealed record HostileCase(string Name, byte[] Bytes)
{
    public override string ToString() => Name;
}

/// <summary>
/// Valid INVITE, REGISTER, SUBSCRIBE and BYE requests as a phone sends them, and every header of
/// each mutated in turn (empty, overlong, non-ASCII, control bytes, duplicated 100 times, missing,
/// the wrong type, a non-ASCII or spaced name), plus whole-message cases (garbage, truncations,
/// oversized, a stray response). None carries credentials, so a mutation that still parses is
/// answered (407, 401, 501, 481) without starting a call. Deterministic: the same cases every run.
/// </summary>
public sealed class HostileMessages(string transport, int localPort, int serverPort)
{
    private const string Sdp =
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 40000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";

    private int _sequence;

    /// <summary>The four valid requests, each a start line and its headers (name, value), and a body.</summary>
    public IEnumerable<(string Method, string StartLine, List<(string Name, string Value)> Headers, string Body)> Valid()
    {
        yield return ("INVITE", $"INVITE sip:2041@127.0.0.1:{serverPort} SIP/2.0", Common("INVITE", "2041", toTag: false,
            ("Contact", $"<sip:2040@127.0.0.1:{localPort}>"),
            ("Allow", "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO"),
            ("Supported", "replaces, timer"),
            ("Content-Type", "application/sdp")), Sdp);
        yield return ("REGISTER", $"REGISTER sip:127.0.0.1:{serverPort} SIP/2.0", Common("REGISTER", "2040", toTag: false,
            ("Contact", $"<sip:2040@127.0.0.1:{localPort}>;expires=60"),
            ("Expires", "60"),
            ("Authorization", "Digest username=\"2040\", realm=\"omstilling\", nonce=\"x\", uri=\"sip:127.0.0.1\", response=\"00000000000000000000000000000000\"")), "");
        yield return ("SUBSCRIBE", $"SUBSCRIBE sip:2041@127.0.0.1:{serverPort} SIP/2.0", Common("SUBSCRIBE", "2041", toTag: false,
            ("Contact", $"<sip:2040@127.0.0.1:{localPort}>"),
            ("Event", "presence"),
            ("Expires", "60"),
            ("Accept", "application/pidf+xml")), "");
        yield return ("BYE", $"BYE sip:2041@127.0.0.1:{serverPort} SIP/2.0", Common("BYE", "2041", toTag: true,
            ("Reason", "Q.850;cause=16;text=\"Normal call clearing\"")), "");
    }

    /// <summary>Every header of every valid request, mutated each way in turn.</summary>
    public IEnumerable<HostileCase> HeaderMutations()
    {
        foreach (var (method, startLine, headers, body) in Valid())
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var (name, value) = headers[i];
                foreach (var (kind, replacement) in Mutations(name, value))
                {
                    var mutated = new List<(string, string)>(headers);
                    mutated.RemoveAt(i);
                    mutated.InsertRange(i, replacement);
                    yield return new HostileCase($"{method} {name}: {kind}", Build(startLine, mutated, body));
                }
            }
        }
    }

    /// <summary>Whole-message cases: what is not SIP at all, SIP cut short, too large, or not ours to answer.</summary>
    public IEnumerable<HostileCase> WholeMessages()
    {
        var random = new Random(4475);
        var invite = Valid().First();
        var valid = Build(invite.StartLine, invite.Headers, invite.Body);
        yield return new HostileCase("empty line", "\r\n"u8.ToArray());
        yield return new HostileCase("NUL bytes", new byte[1400]);
        yield return new HostileCase("random bytes", Random(random, 1400));
        yield return new HostileCase("random printable text", [.. Random(random, 1400).Select(b => (byte)(32 + (b % 95)))]);
        yield return new HostileCase("an HTTP request", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
        yield return new HostileCase("a start line only", Encoding.ASCII.GetBytes(invite.StartLine + "\r\n\r\n"));
        yield return new HostileCase("headers without the empty line", valid.AsSpan(0, valid.AsSpan().IndexOf("\r\n\r\n"u8) + 2).ToArray());
        for (var cut = 1; cut < valid.Length; cut += 37)
        {
            yield return new HostileCase($"INVITE truncated to {cut} bytes", valid.AsSpan(0, cut).ToArray());
        }

        yield return new HostileCase("a response matching nothing", Encoding.ASCII.GetBytes(
            $"SIP/2.0 200 OK\r\nVia: SIP/2.0/{transport} 127.0.0.1:{localPort};branch=z9hG4bKnothing\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\n" +
            "To: <sip:b@127.0.0.1>;tag=2\r\nCall-ID: nothing\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"));
        yield return new HostileCase("an ACK matching nothing", Build($"ACK sip:2041@127.0.0.1:{serverPort} SIP/2.0", Common("ACK", "2041", toTag: true), ""));
        yield return new HostileCase("a CANCEL matching nothing", Build($"CANCEL sip:2041@127.0.0.1:{serverPort} SIP/2.0", Common("CANCEL", "2041", toTag: false), ""));
        yield return new HostileCase("an unknown method", Build($"FROBNICATE sip:2041@127.0.0.1:{serverPort} SIP/2.0", Common("FROBNICATE", "2041", toTag: false), ""));
        yield return new HostileCase("SIP/3.0", Build($"OPTIONS sip:127.0.0.1:{serverPort} SIP/3.0", Common("OPTIONS", "2041", toTag: false), ""));
        yield return new HostileCase("Content-Length beyond the message", Build(invite.StartLine, [.. invite.Headers, ("Content-Length", "4000")], invite.Body, writeLength: false));
        yield return new HostileCase("Content-Length of 2^63", Build(invite.StartLine, [.. invite.Headers, ("Content-Length", "9223372036854775808")], invite.Body, writeLength: false));
        yield return new HostileCase("oversized: 60,000 bytes of headers", Build(invite.StartLine, [.. invite.Headers, .. Enumerable.Range(0, 600).Select(i => ($"X-Filler-{i}", new string('f', 90)))], invite.Body));
        yield return new HostileCase("oversized: one 60,000-byte header", Build(invite.StartLine, [.. invite.Headers, ("Subject", new string('s', 60_000))], invite.Body));
        yield return new HostileCase("oversized: a 60,000-byte body", Build(invite.StartLine, invite.Headers, new string('b', 60_000)));
    }

    /// <summary>The mutations of one header: (what was done, the header lines that replace it).</summary>
    private static IEnumerable<(string Kind, (string Name, string Value)[] Lines)> Mutations(string name, string value)
    {
        yield return ("empty", [(name, "")]);
        yield return ("overlong (9,000 bytes)", [(name, Repeat(value, 9000))]);
        yield return ("long (2,000 bytes)", [(name, Repeat(value, 2000))]);
        yield return ("non-ASCII", [(name, value[..(value.Length / 2)] + "Æøå\u00ff\u0100語" + value[(value.Length / 2)..])]);
        yield return ("control bytes", [(name, value[..(value.Length / 2)] + "\u0000\u0001\u001b\u007f" + value[(value.Length / 2)..])]);
        yield return ("a lone LF", [(name, value[..(value.Length / 2)] + "\nX-Injected: 1" + value[(value.Length / 2)..])]);
        yield return ("a lone CR", [(name, value + "\rX-Injected: 1")]);
        yield return ("duplicated 100 times", [.. Enumerable.Repeat((name, value), 100)]);
        yield return ("missing", []);
        yield return ("the wrong type", [(name, WrongType(value))]);
        yield return ("numbers at their limits", [(name, AtTheLimit(value))]);
        yield return ("a one-byte name outside ASCII", [("\u00e9", value)]);
        yield return ("a name with a space and a colon", [(name + " x:", value)]);
    }

    /// <summary>A value of another header's grammar: numbers where a URI was, a URI where a number was.</summary>
    private static string WrongType(string value) =>
        value.Any(char.IsAsciiLetter) ? "18446744073709551616" : "<sip:@;;>;tag=\"";

    /// <summary>Every run of digits replaced by the largest unsigned 64-bit number plus one.</summary>
    private static string AtTheLimit(string value)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                result.Append("18446744073709551616");
                while (i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]))
                {
                    i++;
                }
            }
            else
            {
                result.Append(value[i]);
            }
        }

        return result.ToString();
    }

    private static string Repeat(string value, int length)
    {
        var unit = value.Length == 0 ? "x" : value;
        var result = new StringBuilder(length + unit.Length);
        while (result.Length < length)
        {
            result.Append(unit).Append(unit.Contains(',', StringComparison.Ordinal) ? ", " : "");
        }

        return result.ToString(0, length);
    }

    private static byte[] Random(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private List<(string Name, string Value)> Common(string method, string to, bool toTag, params (string, string)[] extra)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"hostile{Interlocked.Increment(ref _sequence)}");
        return
        [
            ("Via", $"SIP/2.0/{transport} 127.0.0.1:{localPort};branch=z9hG4bK{id};rport"),
            ("Max-Forwards", "70"),
            ("From", $"\"Robusthed\" <sip:2040@127.0.0.1>;tag={id}"),
            ("To", toTag ? $"<sip:{to}@127.0.0.1>;tag=x{id}" : $"<sip:{to}@127.0.0.1>"),
            ("Call-ID", $"{id}@127.0.0.1"),
            ("CSeq", $"1 {method}"),
            ("User-Agent", "omstilling-robustness/1.0"),
            .. extra,
        ];
    }

    /// <summary>The request's bytes: Latin-1 for what a test wrote as single bytes, UTF-8 beyond (the CJK text).</summary>
    private static byte[] Build(string startLine, IEnumerable<(string Name, string Value)> headers, string body, bool writeLength = true)
    {
        var text = new StringBuilder(startLine).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var bodyBytes = Encoding.UTF8.GetBytes(body);
        if (writeLength)
        {
            text.Append("Content-Length: ").Append(bodyBytes.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        text.Append("\r\n");
        var head = text.ToString();
        var bytes = head.All(c => c <= '\u00ff') ? Encoding.Latin1.GetBytes(head) : Encoding.UTF8.GetBytes(head);
        return [.. bytes, .. bodyBytes];
    }
}
