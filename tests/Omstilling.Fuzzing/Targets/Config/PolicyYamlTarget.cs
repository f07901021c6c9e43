using System.Text;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Routing;

namespace Omstilling.Fuzzing.Targets.Config;

/// <summary>
/// The policy loader on edited policy files, and a policy that loads asked what it does: every
/// number at moments that matter (a weekday, a night, a holiday, both DST changes), every menu key.
/// </summary>
internal sealed class PolicyYamlTarget : IFuzzTarget
{
    private static readonly DateTimeOffset[] Instants =
    [
        new(2026, 1, 13, 10, 0, 0, TimeSpan.FromHours(1)), new(2026, 1, 17, 23, 30, 0, TimeSpan.FromHours(1)),
        new(2026, 12, 24, 19, 0, 0, TimeSpan.FromHours(1)), new(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), new(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
    ];

    private static readonly DateTime[] LocalTimes = [new(2026, 3, 29, 2, 30, 0), new(2026, 10, 25, 2, 30, 0), new(2026, 6, 5, 12, 0, 0)];

    private readonly Mutator _mutator = new(256 * 1024, YamlMutations.All, LineMutations.All, ByteMutations.All);

    public string Name => "policy-yaml";

    public string Oracle =>
        "PolicyLoader.Load never throws; a file that does not load has errors, every diagnostic names the file, a line inside it " +
        "and a column; a policy that loads routes each of its numbers, explains them and answers every menu key without throwing";

    public IReadOnlyList<byte[]> Seeds => ConfigSeeds.Policies;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic()
    {
        var policy = Seeds[0];
        var lines = TextLines.Of(policy);
        return lines.Select(l => policy[..l.Start])
            .Concat(Mutation.Systematic.EveryByteAt(policy, lines.Where(l => l.Length > 1).Select(l => l.Start + (l.Length / 2))));
    }

    public string Execute(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var result = PolicyLoader.Load(text, Diagnostics.FileName);
        var outcome = Diagnostics.Check(result.Succeeded, result.Diagnostics, text);
        if (result.Policy is { } policy)
        {
            Exercise(policy);
        }

        return outcome;
    }

    /// <summary>What the call engine and <c>omstilling explain</c> ask of a policy in force.</summary>
    private static void Exercise(TelephonePolicy policy)
    {
        foreach (var number in policy.Numbers.Keys.Order(StringComparer.Ordinal).Take(24))
        {
            foreach (var instant in Instants)
            {
                foreach (var state in new[] { PolicyState.Staffed, PolicyState.Unstaffed })
                {
                    _ = policy.Route(number, instant, state);
                }
            }

            foreach (var local in LocalTimes)
            {
                _ = policy.Explain(number, local).ToString();
            }
        }

        foreach (var menu in policy.Menus.Values)
        {
            _ = policy.ResolveMenu(menu, Instants[0], PolicyState.Staffed);
            foreach (var key in Omstilling.Policy.Model.Menu.Digits)
            {
                if (policy.MenuChoice(menu, key, Instants[1], PolicyState.Unstaffed) is { Option: { } option })
                {
                    _ = policy.Resolve(option.Action, Instants[1], PolicyState.Unstaffed);
                }
            }
        }
    }
}
