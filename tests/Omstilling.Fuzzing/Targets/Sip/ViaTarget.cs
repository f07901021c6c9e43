using System.Net;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Transport;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>One Via value (RFC 3261 §20.42 with RFC 3581 rport) and what a server does with it: stamp received/rport and route the response.</summary>
internal sealed class ViaTarget : IFuzzTarget
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("2001:db8::9"), 65535);

    private readonly Mutator _mutator = new(16 * 1024, TokenMutations.For(SipMutations.Values, SipMutations.Punctuation), ByteMutations.All);

    public string Name => "sip-via";

    public string Oracle =>
        "ViaGrammar builds a Via or throws SipParseException at an offset inside the input, exactly where validation does; a Via " +
        "that is built, and the same Via stamped with received and rport, write out to text that reads back the same";

    public IReadOnlyList<byte[]> Seeds => GrammarSeeds.Vias;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, Enumerable.Range(0, s.Length + 1)))
            .Concat(Seeds.SelectMany(Mutation.Systematic.EveryTruncation));

    public string Execute(byte[] input)
    {
        Via? via = null;
        var refused = ValidateAgreement.Run(() => via = ViaGrammar.Parse(input, 0), () => ViaGrammar.Validate(input, 0));
        if (refused is not null)
        {
            Refusals.Check(refused, input.Length);
            return refused.Detail;
        }

        Views.CheckVia(via!);
        var stamped = ResponseRouting.StampReceived(via!, Source);
        Views.CheckVia(stamped);
        _ = ResponseRouting.TargetFor(stamped, new SipEndPoint(SipTransportKind.Udp, Source));
        return $"via:{(via!.Transport is "UDP" or "TCP" or "TLS" ? via.Transport : "other")}:{via.Port is not null}:{Math.Min(via.Parameters.Count, 4)}";
    }
}
