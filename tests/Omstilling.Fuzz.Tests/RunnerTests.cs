using System.Text;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;

namespace Omstilling.Fuzz.Tests;

/// <summary>The runner itself: that it finds, shrinks, repeats, and notices hangs and memory blow-ups.</summary>
[Collection(FuzzRuns.Name)]
public sealed class RunnerTests
{
    [Fact]
    public void A_crash_is_found_counted_and_shrunk_to_the_byte_that_causes_it()
    {
        var target = new FakeTarget(input => input.Contains((byte)'!') ? throw new InvalidOperationException("bang") : "ok");

        var result = new FuzzRunner(TimeProvider.System).Run(target, new FuzzOptions { Seed = 1, MaxExecutions = 20_000 });

        var crash = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.Crash, crash.Kind);
        Assert.StartsWith("InvalidOperationException", crash.Signature, StringComparison.Ordinal);
        Assert.Equal("!"u8.ToArray(), crash.Input);
        Assert.True(result.CrashingExecutions >= 1);
        Assert.False(result.Clean);
    }

    [Fact]
    public void An_oracle_violation_is_a_crash()
    {
        var target = new FakeTarget(input =>
        {
            OracleViolationException.Check(input.Length < 40, "too long");
            return "ok";
        });

        var result = new FuzzRunner(TimeProvider.System).Run(target, new FuzzOptions { Seed = 1, MaxExecutions = 20_000 });

        var crash = Assert.Single(result.Findings);
        Assert.Equal("oracle: too long", crash.Signature);
        Assert.Equal(40, crash.Input.Length);
    }

    [Fact]
    public void The_same_seed_gives_the_same_inputs_and_another_seed_others()
    {
        var first = new FakeTarget(_ => "ok");
        var second = new FakeTarget(_ => "ok");
        var other = new FakeTarget(_ => "ok");
        var runner = new FuzzRunner(TimeProvider.System);

        runner.Run(first, new FuzzOptions { Seed = 7, MaxExecutions = 2_000 });
        runner.Run(second, new FuzzOptions { Seed = 7, MaxExecutions = 2_000 });
        runner.Run(other, new FuzzOptions { Seed = 8, MaxExecutions = 2_000 });

        Assert.Equal(2_000, first.Seen.Count);
        Assert.Equal(first.Seen, second.Seen);
        Assert.NotEqual(first.Seen, other.Seen);
    }

    [Fact]
    public async Task A_hanging_input_is_reported_with_the_input_and_the_run_ends()
    {
        var time = new FakeTimeProvider();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var target = new FakeTarget(input =>
        {
            if (Encoding.ASCII.GetString(input) == "hang")
            {
                entered.Set();
                release.Wait();
            }

            return "ok";
        }, "hang");
        var run = Task.Run(() => new FuzzRunner(time).Run(target, new FuzzOptions { Seed = 1, MaxExecutions = 100, HangLimit = TimeSpan.FromSeconds(1), FirstExecutionLimit = TimeSpan.FromSeconds(1) }));

        await Task.Run(entered.Wait);
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await run;
        release.Set();

        var hang = Assert.Single(result.Hangs);
        Assert.Equal("hang"u8.ToArray(), hang.Input);
        Assert.Equal(0, result.Executions);
    }

    [Fact]
    public async Task The_first_execution_which_compiles_the_code_may_take_longer_than_the_hang_limit()
    {
        var time = new FakeTimeProvider();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = true;
        var target = new FakeTarget(input =>
        {
            if (first)
            {
                first = false;
                entered.Set();
                release.Wait(); // compiling
            }

            return "ok";
        }, "seed");
        var run = Task.Run(() => new FuzzRunner(time).Run(target, new FuzzOptions { Seed = 1, MaxExecutions = 100, HangLimit = TimeSpan.FromSeconds(1), FirstExecutionLimit = TimeSpan.FromSeconds(5) }));

        await Task.Run(entered.Wait);
        time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(300); // the watchdog looks every 50 ms: with the 1 s limit it would have seen a hang by now
        release.Set();
        var result = await run;

        Assert.Empty(result.Hangs);
        Assert.Equal(100, result.Executions);
    }

    [Fact]
    public void An_input_that_makes_the_code_allocate_too_much_is_a_finding()
    {
        var target = new FakeTarget(input => input.Length > 100 ? new byte[4 * 1024 * 1024].Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : "ok");

        var result = new FuzzRunner(TimeProvider.System).Run(target, new FuzzOptions { Seed = 1, MaxExecutions = 20_000, MaxAllocationPerInput = 1024 * 1024 });

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.Memory, finding.Kind);
        Assert.Equal(101, finding.Input.Length);
    }

    /// <summary>A target over any bytes that records what it was given.</summary>
    private sealed class FakeTarget(Func<byte[], string> execute, string seed = "hello") : IFuzzTarget
    {
        private readonly Mutator _mutator = new(1024, ByteMutations.All);

        public List<string> Seen { get; } = [];

        public string Name => "fake";

        public string Oracle => "whatever the test says";

        public IReadOnlyList<byte[]> Seeds { get; } = [Encoding.ASCII.GetBytes(seed)];

        public IEnumerable<byte[]> Systematic() => Omstilling.Fuzzing.Mutation.Systematic.EveryTruncation(Seeds[0]);

        public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

        public string Execute(byte[] input)
        {
            Seen.Add(Convert.ToHexString(input));
            return execute(input);
        }
    }
}
