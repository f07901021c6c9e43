using System.Buffers;
using BenchmarkDotNet.Attributes;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Serialization;

namespace Omstilling.Benchmarks;

/// <summary>
/// Parsing and serializing a typical INVITE and REGISTER. Targets (issue #2): parse an INVITE in
/// under 2 µs with under 1 KB allocated. "Parse" validates every header the stack relies on;
/// "ParseAndReadKey" also builds what the transaction layer reads first (top Via, CSeq, Call-ID).
/// </summary>
[MemoryDiagnoser]
public class MessageBenchmarks
{
    private readonly SipMessage _invite = Parsed(SampleMessages.Invite);
    private readonly SipMessage _register = Parsed(SampleMessages.Register);
    private readonly ArrayBufferWriter<byte> _output = new(4096);

    [Benchmark]
    public SipMessage? ParseInvite() => Parse(SampleMessages.Invite);

    [Benchmark]
    public SipMessage? ParseRegister() => Parse(SampleMessages.Register);

    [Benchmark]
    public string ParseInviteAndReadKey()
    {
        var message = Parse(SampleMessages.Invite)!;
        return message.TopVia.Branch! + message.CSeq.Number + message.CallId;
    }

    [Benchmark]
    public int SerializeInvite()
    {
        _output.ResetWrittenCount();
        SipMessageWriter.Write(_invite, _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int SerializeRegister()
    {
        _output.ResetWrittenCount();
        SipMessageWriter.Write(_register, _output);
        return _output.WrittenCount;
    }

    private static SipMessage? Parse(byte[] bytes)
    {
        SipParser.TryParseDatagram(bytes, SipParserLimits.Default, out var message);
        return message;
    }

    private static SipMessage Parsed(byte[] bytes) => Parse(bytes)!;
}
