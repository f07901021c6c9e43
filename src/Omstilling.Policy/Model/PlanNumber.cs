using System.Collections.Immutable;
using Omstilling.Yaml;

namespace Omstilling.Policy.Model;

/// <summary>
/// One entry of the number plan: a main number, direct number or extension and who answers it.
/// </summary>
/// <param name="Number">Normalised: 8 digits for a Danish number, the digits of an extension.</param>
/// <param name="OwnerId">The department id (also for the switchboard), or the extension of a person or operator.</param>
public sealed record PlanNumber(string Number, NumberKind Kind, NumberVisibility Visibility, NumberOwner Owner, string OwnerId, SourceLocation Source)
{
    /// <summary>A made-up number standing in for one the policy does not give.</summary>
    public bool IsExample { get; init; }

    /// <summary>
    /// The extensions that ring when this number leads to a phone rather than a unit (a person's
    /// direct number, an extension); kept here so that routing allocates nothing.
    /// </summary>
    public ImmutableArray<string> RingTargets { get; init; } = [];

    /// <summary>Written the Danish way: "54 73 10 00", or the extension as it is.</summary>
    public string Display => DanishNumber.Display(Number);
}
