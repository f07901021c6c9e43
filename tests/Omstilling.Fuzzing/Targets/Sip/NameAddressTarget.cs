using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>name-addr / addr-spec with header parameters (From, To, Contact, Route, Record-Route) on its own.</summary>
internal sealed class NameAddressTarget : IFuzzTarget
{
    private readonly Mutator _mutator = new(16 * 1024, TokenMutations.For(SipMutations.Values, SipMutations.Punctuation), ByteMutations.All);

    public string Name => "sip-name-addr";

    public string Oracle =>
        "NameAddressGrammar builds a NameAddress or throws SipParseException at an offset inside the input, exactly where validation " +
        "does; an address that is built writes out to text that reads back the same";

    public IReadOnlyList<byte[]> Seeds => GrammarSeeds.Addresses;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, Enumerable.Range(0, s.Length + 1)))
            .Concat(Seeds.SelectMany(Mutation.Systematic.EveryTruncation));

    public string Execute(byte[] input)
    {
        NameAddress? address = null;
        var refused = ValidateAgreement.Run(
            () => address = NameAddressGrammar.Parse(input, 0, "To"),
            () => NameAddressGrammar.Validate(input, 0, "To"));
        if (refused is not null)
        {
            Refusals.Check(refused, input.Length);
            return refused.Detail;
        }

        Views.CheckAddress(address!);
        return $"address:{(address!.Uri.IsSip || address.Uri.IsTel ? address.Uri.Scheme : "other")}:{address.DisplayName is not null}:{Math.Min(address.Parameters.Count, 3)}";
    }
}
