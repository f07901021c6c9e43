using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Simulator.Script;

namespace Omstilling.Host.Cli;

/// <summary>The direct numbers the simulator's citizens may dial: the public direct numbers of people in the policy's number plan.</summary>
internal static class DirectLines
{
    /// <summary>Each with the extension it rings, in the order of the numbers (a script must not depend on a dictionary's order).</summary>
    public static IReadOnlyList<DirectLine> Of(TelephonePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. policy.Numbers.Values
            .Where(n => n is { Kind: NumberKind.DirectNumber, Owner: NumberOwner.Person, Visibility: NumberVisibility.Public })
            .OrderBy(n => n.Number, StringComparer.Ordinal)
            .Select(n => new DirectLine(n.Number, n.OwnerId))];
    }
}
