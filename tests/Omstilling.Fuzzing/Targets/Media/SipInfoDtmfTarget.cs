using System.Text;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Media.Dtmf;

namespace Omstilling.Fuzzing.Targets.Media;

/// <summary>
/// Digits in SIP INFO bodies. The input's first line is the Content-Type as the message's
/// <c>ContentType</c> gives it (lower case, no parameters), the rest the body decoded as UTF-8.
/// </summary>
internal sealed class SipInfoDtmfTarget : IFuzzTarget
{
    private static readonly byte[][] ContentTypes = Utf8("application/dtmf-relay", "application/dtmf", "text/plain", "", "application/dtmf-relay;x");

    private readonly Mutator _mutator = new(16 * 1024, [ReplaceContentType], LineMutations.All, TokenMutations.For(Utf8("Signal", "Duration", "=", "signal=", " ", "10", "16", "*", "#", "-1", "\u0663"), "=\r\n \t"u8.ToArray()), ByteMutations.All);

    public string Name => "sip-info-dtmf";

    public string Oracle => "SipInfoDtmf.Parse gives one of 0-9, *, #, A-D, or nothing, for any body and content type";

    public IReadOnlyList<byte[]> Seeds { get; } = Utf8(
        "application/dtmf-relay\nSignal=5\r\nDuration=160\r\n", "application/dtmf-relay\nSignal= 11\r\nDuration= 250\r\n",
        "application/dtmf-relay\nsignal=*\nduration=100", "application/dtmf-relay\nDuration=160\r\nSignal=0\r\n", "application/dtmf\n5",
        "application/dtmf\n#", "application/dtmf\n10", "application/dtmf-relay\nSignal=A\r\n");

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, Enumerable.Range(0, s.Length + 1)));

    public string Execute(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var contentType = newline < 0 ? text : text[..newline];
        var body = newline < 0 ? string.Empty : text[(newline + 1)..];
        var digit = SipInfoDtmf.Parse(contentType, body);
        OracleViolationException.Check(digit is null || "0123456789*#ABCD".Contains(digit.Value, StringComparison.Ordinal), $"the INFO body gave '{digit}'");
        var kind = contentType is "application/dtmf-relay" or "application/dtmf" ? contentType : "other";
        return $"{kind}:{digit}";
    }

    private static byte[]? ReplaceContentType(byte[] input, MutationContext c)
    {
        var newline = Array.IndexOf(input, (byte)'\n');
        return Edit.Replace(input, 0, newline < 0 ? input.Length : newline, c.Pick(ContentTypes));
    }

    private static byte[][] Utf8(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];
}
