using System.Net;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Serialization;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Sip.UserAgent;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>
/// The SIP parser as a datagram and as a stream buffer, the error-response builder on every
/// refusal, and on every message that parses what the stack does next: reading the typed views,
/// the transaction key, the received/rport stamp, the UAS checks, the responses it builds, and
/// writing the message out again.
/// </summary>
internal sealed class SipMessageTarget : IFuzzTarget
{
    /// <summary>Room for what writing adds (canonical names for compact ones, Content-Length, one line per list element).</summary>
    private static readonly SipParserLimits Rewritten = new()
    {
        MaxHeaderSectionBytes = 4 * SipParserLimits.Default.MaxHeaderSectionBytes,
        MaxLineLength = 2 * SipParserLimits.Default.MaxLineLength,
        MaxHeaderCount = 2 * SipParserLimits.Default.MaxHeaderCount,
        MaxBodyBytes = SipParserLimits.Default.MaxBodyBytes,
    };

    private static readonly IPEndPoint Source = new(IPAddress.Parse("198.51.100.9"), 5062);
    private static readonly UasRequestChecks Checks = new();

    /// <summary>Inputs up to a little over the largest UDP datagram (65,507 bytes) and the parser's limits (16 + 48 KiB).</summary>
    private readonly Mutator _mutator = new(72 * 1024, SipMutations.All, ByteMutations.All, LineMutations.All);

    public string Name => "sip-message";

    public string Oracle =>
        "SipParser completes, asks for more or throws SipParseException at an offset inside the input; ErrorResponseBuilder answers " +
        "every refusal with a response whose every line is ours, or drops it; a message that parses is written and parsed again to " +
        "the same headers and body, and its typed views, transaction key, Via stamp, UAS checks and the responses built from it all work";

    public IReadOnlyList<byte[]> Seeds => SipSeeds.All;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    /// <summary>
    /// Our own messages cut at every offset, the grammar sweeps of the sample INVITE and REGISTER,
    /// then the RFC 4475 messages cut at every offset, then the sweeps of every other message.
    /// </summary>
    public IEnumerable<byte[]> Systematic()
    {
        var seeds = SipSeeds.All;
        var own = seeds.Take(SipSeeds.OwnCount).SelectMany(Mutation.Systematic.EveryTruncation);
        var samples = seeds.Take(2).SelectMany(GrammarSweeps);
        var rfc = seeds.Skip(SipSeeds.OwnCount).SelectMany(Mutation.Systematic.EveryTruncation);
        var rest = seeds.Skip(2).SelectMany(GrammarSweeps);
        return own.Concat(samples).Concat(rfc).Concat(rest);
    }

    /// <summary>Every byte as a whole header name, in names, values, numbers and the Request-URI; numbers at their limits.</summary>
    private static IEnumerable<byte[]> GrammarSweeps(byte[] seed)
    {
        var layout = SipLayout.Of(seed);
        var positions = new List<int>();
        var (start, length) = layout.StartLine;
        var sp = seed.AsSpan(start, length).IndexOf((byte)' ');
        if (sp > 0)
        {
            positions.AddRange([start + sp + 1, start + sp + 5, start + sp + 8]);
        }

        foreach (var h in layout.Headers)
        {
            positions.AddRange([h.Start, h.Start + h.NameLength, h.ValueStart + 1, h.End]);
            foreach (var input in Mutation.Systematic.EveryByteInstead(seed, h.Start, h.NameLength))
            {
                yield return input;
            }

            foreach (var (at, digits) in Mutation.Systematic.DigitRuns(seed, h.ValueStart, h.End))
            {
                foreach (var input in Mutation.Systematic.EveryNumberInstead(seed, at, digits))
                {
                    yield return input;
                }
            }
        }

        foreach (var input in Mutation.Systematic.EveryByteAt(seed, positions.Where(p => p <= seed.Length)))
        {
            yield return input;
        }
    }

    public string Execute(byte[] input)
    {
        var outcome = Datagram(input);
        Stream(input);
        return outcome;
    }

    private static string Datagram(byte[] input)
    {
        SipMessage? message;
        ParseStatus status;
        try
        {
            status = SipParser.TryParseDatagram(input, SipParserLimits.Default, out message);
        }
        catch (SipParseException e)
        {
            Refusals.Check(e, input.Length);
            var response = ErrorResponseBuilder.TryBuild(input, e, Supports);
            if (response is not null)
            {
                Refusals.CheckErrorResponse(response);
            }

            return $"{e.Reason}:{e.Detail}:{(response is null ? "dropped" : response.StatusCode)}";
        }

        OracleViolationException.Check(status is ParseStatus.Complete or ParseStatus.KeepAlive, $"a datagram parsed as {status}");
        OracleViolationException.Check((status == ParseStatus.Complete) == (message is not null), $"{status} with message {message is not null}");
        if (message is null)
        {
            return "keep-alive";
        }

        Views.ReadAll(message);
        RoundTrip(message);
        if (message is SipRequest request)
        {
            AsServer(request);
            return $"request:{(Supports(request.Method) ? request.Method.Name : "other")}";
        }

        _ = message.TransactionMethod;
        return "response";
    }

    private static void Stream(byte[] input)
    {
        try
        {
            var status = SipParser.TryParseStream(input, SipParserLimits.Default, out var message, out var consumed);
            OracleViolationException.Check(consumed >= 0 && consumed <= input.Length, $"stream parse consumed {consumed} of {input.Length} bytes");
            OracleViolationException.Check((status == ParseStatus.Complete) == (message is not null), $"stream {status} with message {message is not null}");
            OracleViolationException.Check(status != ParseStatus.Complete || consumed > 0, "a complete stream message consumed nothing");
            if (message is not null)
            {
                Views.ReadAll(message);
            }
        }
        catch (SipParseException e)
        {
            Refusals.Check(e, input.Length);
        }
    }

    /// <summary>What we write we can read, with the same headers in the same order and the same body.</summary>
    private static void RoundTrip(SipMessage message)
    {
        var bytes = SipMessageWriter.ToBytes(message);
        SipMessage? again;
        try
        {
            SipParser.TryParseDatagram(bytes, Rewritten, out again);
        }
        catch (SipParseException e)
        {
            throw new OracleViolationException($"the written message does not parse: {e.Message}\n{Hex.Dump(bytes)}", e);
        }

        OracleViolationException.Check(again is not null && again.IsRequest == message.IsRequest, "the written message parses as something else");
        var original = message.Headers.AsSpan().ToArray().Where(h => h.Name != HeaderName.ContentLength).ToArray();
        var reread = again!.Headers.AsSpan().ToArray().Where(h => h.Name != HeaderName.ContentLength).ToArray();
        OracleViolationException.Check(original.Length == reread.Length, $"{original.Length} headers written, {reread.Length} read back");
        for (var i = 0; i < original.Length; i++)
        {
            OracleViolationException.Check(
                original[i].Name == reread[i].Name && original[i].RawValue.Span.SequenceEqual(reread[i].RawValue.Span),
                $"header {i} written as '{original[i]}' reads back as '{reread[i]}'");
        }

        OracleViolationException.Check(message.Body.Span.SequenceEqual(again.Body.Span), "the body changed when written");
        if (message is SipResponse response)
        {
            var other = (SipResponse)again;
            OracleViolationException.Check(response.StatusCode == other.StatusCode && response.ReasonPhrase == other.ReasonPhrase, "the status line changed when written");
        }
        else
        {
            OracleViolationException.Check(((SipRequest)message).Method == ((SipRequest)again).Method, "the method changed when written");
        }
    }

    /// <summary>What <c>SipStack.OnMessage</c> and the UAS core do with a request before the call sees it.</summary>
    private static void AsServer(SipRequest request)
    {
        _ = TransactionKey.ForServer(request);
        var stamped = ResponseRouting.StampReceived(request.TopVia, Source);
        Views.CheckVia(stamped);
        _ = ResponseRouting.TargetFor(stamped, new SipEndPoint(SipTransportKind.Udp, Source));
        foreach (var status in new[] { SipStatus.Trying, SipStatus.Ringing, SipStatus.BadRequest })
        {
            Responses.CheckParses(SipResponses.Create(request, status, null, "fuzz-tag"));
        }

        if (Checks.Check(request, (code, reason) => SipResponses.Create(request, code, reason, "fuzz-tag")) is { } refusal)
        {
            Responses.CheckParses(refusal);
        }
    }

    private static bool Supports(SipMethod method) =>
        method == SipMethod.Invite || method == SipMethod.Ack || method == SipMethod.Cancel || method == SipMethod.Bye ||
        method == SipMethod.Options || method == SipMethod.Register || method == SipMethod.Info;
}
