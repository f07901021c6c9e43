using Omstilling.History.Reports;

namespace Omstilling.History.Tests;

public sealed class ErlangCTests
{
    private static readonly TimeSpan ThreeMinutes = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan TwentySeconds = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The textbook example (Call Centre Helper's "Erlang C formula made simple"): 100 calls in 30
    /// minutes, 3 minutes each, is 10 erlangs; the chance of waiting with 11 to 14 agents.
    /// </summary>
    [Theory]
    [InlineData(11, 0.6821)]
    [InlineData(12, 0.4494)]
    [InlineData(13, 0.2853)]
    [InlineData(14, 0.1741)]
    public void The_textbook_example_of_ten_erlangs(int agents, double waits)
    {
        Assert.Equal(waits, ErlangC.ProbabilityOfWaiting(agents, 10), 4);
    }

    [Fact]
    public void Ten_erlangs_need_fourteen_agents_for_eighty_percent_within_twenty_seconds_as_the_textbook_says()
    {
        Assert.Equal(0.796, ErlangC.ServiceLevel(13, 10, ThreeMinutes, TwentySeconds), 3);
        Assert.Equal(0.888, ErlangC.ServiceLevel(14, 10, ThreeMinutes, TwentySeconds), 3);
        Assert.Equal(14, ErlangC.OperatorsNeeded(200, ThreeMinutes, TwentySeconds, 0.80));
    }

    /// <summary>The chance of waiting, computed another way: Erlang B by its recursion, then C = N·B / (N − A·(1 − B)).</summary>
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 1.0)]
    [InlineData(7, 6.0)]
    [InlineData(8, 6.0)]
    [InlineData(30, 25.5)]
    [InlineData(60, 48.0)]
    [InlineData(120, 100.0)]
    public void Agrees_with_Erlang_B_by_its_recursion(int agents, double erlangs)
    {
        var blocking = 1.0;
        for (var n = 1; n <= agents; n++)
        {
            blocking = erlangs * blocking / (n + (erlangs * blocking));
        }

        var expected = agents * blocking / (agents - (erlangs * (1 - blocking)));

        Assert.Equal(expected, ErlangC.ProbabilityOfWaiting(agents, erlangs), 10);
    }

    [Fact]
    public void Two_calls_a_minute_of_three_minutes_each_is_six_erlangs_and_needs_the_first_n_that_reaches_the_share()
    {
        var needed = ErlangC.OperatorsNeeded(120, ThreeMinutes, TwentySeconds, 0.80);

        Assert.Equal(6, ErlangC.Traffic(120, ThreeMinutes), 10);
        Assert.True(ErlangC.ServiceLevel(needed, 6, ThreeMinutes, TwentySeconds) >= 0.80);
        Assert.True(ErlangC.ServiceLevel(needed - 1, 6, ThreeMinutes, TwentySeconds) < 0.80);
    }

    [Fact]
    public void Operators_who_cannot_keep_up_always_make_callers_wait_and_no_traffic_needs_nobody()
    {
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(5, 5));
        Assert.Equal(0, ErlangC.ServiceLevel(4, 5, ThreeMinutes, TwentySeconds));
        Assert.Equal(0, ErlangC.OperatorsNeeded(0, ThreeMinutes, TwentySeconds, 0.8));
        Assert.Equal(0, ErlangC.ProbabilityOfWaiting(3, 0));
    }
}
