using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>The URI grammar (RFC 3261 §25.1 SIP/SIPS, RFC 3966 tel, any other scheme opaque) on its own.</summary>
internal sealed class SipUriTarget : IFuzzTarget
{
    private readonly Mutator _mutator = new(16 * 1024, TokenMutations.For(SipMutations.Values, SipMutations.Punctuation), ByteMutations.All);

    public string Name => "sip-uri";

    public string Oracle =>
        "UriGrammar builds a SipUri or throws SipParseException at an offset inside the input, exactly where validation does; " +
        "a URI that is built writes out to text that reads back the same";

    public IReadOnlyList<byte[]> Seeds => GrammarSeeds.Uris;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, Enumerable.Range(0, s.Length + 1)))
            .Concat(Seeds.SelectMany(Mutation.Systematic.EveryTruncation));

    public string Execute(byte[] input)
    {
        SipUri? uri = null;
        var refused = ValidateAgreement.Run(
            () => uri = UriGrammar.Parse(input, 0, RejectReason.BadRequestUri, "Request-URI"),
            () => UriGrammar.Validate(input, 0, RejectReason.BadRequestUri, "Request-URI", out _));
        if (refused is not null)
        {
            Refusals.Check(refused, input.Length);
            return refused.Detail;
        }

        Views.CheckUri(uri!);
        return $"uri:{(uri!.IsSip || uri.IsTel ? uri.Scheme : "other")}:{uri.User is not null}:{uri.Port is not null}:{Math.Min(uri.Parameters.Count, 3)}:{uri.Headers is not null}";
    }
}
