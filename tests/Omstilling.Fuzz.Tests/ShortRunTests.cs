using System.Globalization;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Targets;

namespace Omstilling.Fuzz.Tests;

/// <summary>
/// Every fuzz target for a fixed number of executions with a fixed seed: the same inputs on every
/// run, about a minute in all on two cores. Any crash or hang fails the test and prints the
/// (minimized) input, to be turned into a named regression test where the bug was (docs/fuzzing.md).
/// Long runs of the same targets: bench/fuzz.
/// </summary>
[Collection(FuzzRuns.Name)]
public sealed class ShortRunTests
{
    /// <summary>Fixed, so that a failure here repeats exactly with the bench's <c>--seed 4475 --executions N</c>.</summary>
    private const int Seed = 4475;

    /// <summary>Executions per target: each covers its seeds and the start of its systematic sweeps, in a few seconds.</summary>
    private static readonly Dictionary<string, long> Budgets = new(StringComparer.Ordinal)
    {
        ["sip-message"] = 300_000,
        ["sip-uri"] = 400_000,
        ["sip-name-addr"] = 400_000,
        ["sip-via"] = 400_000,
        ["sip-digest"] = 200_000,
        ["sdp"] = 240_000,
        ["rtp"] = 600_000,
        ["rtcp"] = 600_000,
        ["rfc4733"] = 80_000,
        ["sip-info-dtmf"] = 300_000,
        ["wav"] = 60_000,
        ["policy-yaml"] = 5_000,
        ["directory-yaml"] = 10_000,
    };

    public static TheoryData<string> Targets()
    {
        var data = new TheoryData<string>();
        foreach (var target in FuzzTargets.All())
        {
            data.Add(target.Name);
        }

        return data;
    }

    [Fact]
    public void Every_target_has_a_budget()
    {
        Assert.Equal(FuzzTargets.All().Select(t => t.Name).Order(StringComparer.Ordinal), Budgets.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_short_run_finds_no_crash_and_no_hang(string name)
    {
        var target = FuzzTargets.Named(name);
        var budget = Budgets[name];

        var result = new FuzzRunner(TimeProvider.System).Run(target, new FuzzOptions { Seed = Seed, MaxExecutions = budget });

        Assert.True(result.Clean, Describe(result));
        Assert.Equal(budget, result.Executions);
        Assert.True(result.SystematicExecutions > 0, $"{name} ran none of its systematic sweeps");
        Assert.True(result.Outcomes > 1, $"{name} saw only {result.Outcomes} outcome: its inputs do not reach the code");
    }

    private static string Describe(FuzzResult result) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{result.Target}: {result.CrashingExecutions} crashing executions in {result.Executions} (seed {result.Seed}); " +
            $"turn each input below into a regression test in the project of the code that failed:\n\n{string.Join("\n\n", result.Findings)}");
}
