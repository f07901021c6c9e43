using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Tests.Script;

public sealed class ScriptWriterTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    [Fact]
    public void The_same_seed_writes_the_same_day_and_another_seed_another()
    {
        var profile = new SimulationProfile();

        var one = ScriptWriter.Write(profile, Tuesday, 7, "54731000");
        var again = ScriptWriter.Write(profile, Tuesday, 7, "54731000");
        var other = ScriptWriter.Write(profile, Tuesday, 8, "54731000");

        Assert.Equal(one.Calls, again.Calls);
        Assert.NotEqual(one.Calls.Select(c => c.Arrival), other.Calls.Select(c => c.Arrival));
    }

    [Fact]
    public void Arrivals_follow_the_hours_of_the_profile_on_average()
    {
        var profile = new SimulationProfile { WorkdayArrivals = [.. Enumerable.Range(0, 24).Select(h => h is 9 ? 100.0 : h is 13 ? 20.0 : 0)], CallsAgain = 0 };

        var days = Enumerable.Range(1, 40).Select(seed => ScriptWriter.Write(profile, Tuesday, seed, "54731000")).ToList();

        Assert.All(days.SelectMany(d => d.Calls), c => Assert.True(c.Arrival.Hours is 9 or 13, c.Arrival.ToString()));
        Assert.InRange(days.Average(d => d.Calls.Count(c => c.Arrival.Hours == 9)), 95, 105);
        Assert.InRange(days.Average(d => d.Calls.Count(c => c.Arrival.Hours == 13)), 18, 22);
        Assert.All(days, d => Assert.Equal(d.Calls.OrderBy(c => c.Arrival), d.Calls));
        Assert.All(days, d => Assert.Equal(Enumerable.Range(1, d.Calls.Count), d.Calls.Select(c => c.Number)));
    }

    [Fact]
    public void A_weekend_day_uses_the_weekend_hours()
    {
        var profile = new SimulationProfile { WeekendArrivals = [.. Enumerable.Range(0, 24).Select(h => h is 11 ? 30.0 : 0)], CallsAgain = 0 };

        var saturday = ScriptWriter.Write(profile, new DateOnly(2026, 12, 5), 1, "54731000");

        Assert.NotEmpty(saturday.Calls);
        Assert.All(saturday.Calls, c => Assert.Equal(11, c.Arrival.Hours));
    }

    [Fact]
    public void Behaviour_is_drawn_in_the_profile_s_shares_and_ranges()
    {
        var profile = new SimulationProfile { WorkdayArrivals = [.. Enumerable.Range(0, 24).Select(h => h is 10 ? 2000.0 : 0)], CallsAgain = 0 };

        var calls = ScriptWriter.Write(profile, Tuesday, 3, "54731000").Calls;

        Assert.InRange(calls.Count(c => c.OptsIn) / (double)calls.Count, 0.55, 0.65);
        var answers = calls.Where(c => c.SurveyAnswer is not null).ToList();
        Assert.All(answers, c => Assert.True(c.OptsIn));
        Assert.InRange(answers.Count(c => c.SurveyAnswer >= 4) / (double)answers.Count, 0.80, 0.90);
        Assert.All(calls, c => Assert.Equal("54731000", c.Dialled));
        Assert.All(calls, c => Assert.Matches("^40[0-9]{6}$", c.Caller));
        Assert.Equal(calls.Count, calls.Select(c => c.Caller).Distinct().Count());
        Assert.All(calls.Where(c => !c.FirstOffer.RingsOut), c => Assert.InRange(c.FirstOffer.Delay.TotalSeconds, 1, 12));
        Assert.InRange(calls.Count(c => c.FirstOffer.RingsOut) / (double)calls.Count, 0.10, 0.17); // rung out, or impatient
        Assert.All(calls.Where(c => c.GivesUpAfter < TimeSpan.FromSeconds(20)), c => Assert.True(c.FirstOffer.RingsOut));
    }

    [Fact]
    public void Transfers_go_to_the_profile_s_staff_in_its_shares_and_some_callers_call_again_later()
    {
        var profile = new SimulationProfile { WorkdayArrivals = [.. Enumerable.Range(0, 24).Select(h => h is 9 ? 2000.0 : 0)] };

        var calls = ScriptWriter.Write(profile, Tuesday, 5, "54731000").Calls;

        var firsts = calls.GroupBy(c => c.Caller).Select(g => g.First()).ToList();
        var transfers = calls.Where(c => c.Transfer is not null).Select(c => c.Transfer!).ToList();
        Assert.InRange(transfers.Count / (double)calls.Count, 0.31, 0.39);
        Assert.All(transfers, t => Assert.Contains(t.Target, profile.Staff));
        Assert.InRange(transfers.Count(t => t.WrongPerson) / (double)transfers.Count, 0.05, 0.11);
        Assert.InRange(transfers.Count(t => !t.TargetAnswer.RingsOut) / (double)transfers.Count, 0.86, 0.94); // 90 % at nine
        var again = calls.Except(firsts).ToList();
        Assert.InRange(again.Count / (double)firsts.Count, 0.04, 0.06);
        Assert.All(again, c =>
        {
            var first = firsts.Single(f => f.Caller == c.Caller);
            Assert.InRange(c.Arrival - first.Arrival, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(25));
        });
        Assert.Equal(Enumerable.Range(1, calls.Count), calls.Select(c => c.Number));
    }

    [Fact]
    public void A_share_of_citizens_dial_a_direct_line_whose_phone_answers_by_the_hour()
    {
        var profile = new SimulationProfile { WorkdayArrivals = [.. Enumerable.Range(0, 24).Select(h => h is 9 or 12 ? 2000.0 : 0)], DirectCalls = 0.2 };
        DirectLine[] lines = [new("54732055", "2050"), new("54732056", "2051")];

        var calls = ScriptWriter.Write(profile, Tuesday, 11, "54731000", lines).Calls;

        var direct = calls.Where(c => c.Direct is not null).ToList();
        var firsts = calls.GroupBy(c => c.Caller).Select(g => g.First()).ToList();
        Assert.InRange(direct.Count / (double)firsts.Count, 0.18, 0.22);
        Assert.All(direct, c => Assert.Contains(new DirectLine(c.Dialled, c.Direct!.Extension), lines));
        Assert.All(lines, l => Assert.Contains(direct, c => c.Dialled == l.Number));
        Assert.All(calls.Where(c => c.Direct is null), c => Assert.Equal("54731000", c.Dialled));
        Assert.All(direct, c => Assert.False(c.OptsIn || c.SurveyAnswer is not null, "a direct call is not in the survey"));
        Assert.All(direct.Where(c => !c.Direct!.Answer.RingsOut), c => Assert.InRange(c.Direct!.Answer.Delay.TotalSeconds, 2, 14));
        Assert.All(direct, c => Assert.InRange(c.Direct!.Talk, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(8)));
        Assert.InRange(AnsweredShare(direct, 9), 0.86, 0.94); // the staff answer 90 % at nine
        Assert.InRange(AnsweredShare(direct, 12), 0.55, 0.65); // and 60 % at noon
        Assert.All(calls.Except(firsts), c => Assert.Null(c.Direct)); // calling again is to the main number

        static double AnsweredShare(List<CitizenCall> calls, int hour) =>
            calls.Count(c => c.Arrival.Hours == hour && !c.Direct!.Answer.RingsOut) / (double)calls.Count(c => c.Arrival.Hours == hour);
    }

    [Fact]
    public void Without_direct_lines_or_direct_calls_the_seed_writes_the_day_it_always_did()
    {
        var profile = new SimulationProfile();
        DirectLine[] lines = [new("54732055", "2050")];

        var mainOnly = ScriptWriter.Write(profile, Tuesday, 7, "54731000");

        Assert.Equal(mainOnly.Calls, ScriptWriter.Write(profile, Tuesday, 7, "54731000", []).Calls);
        Assert.Equal(mainOnly.Calls, ScriptWriter.Write(profile with { DirectCalls = 0 }, Tuesday, 7, "54731000", lines).Calls);
        Assert.All(mainOnly.Calls, c => Assert.Null(c.Direct));
        Assert.Contains(ScriptWriter.Write(profile, Tuesday, 7, "54731000", lines).Calls, c => c.Direct is not null);
    }

    [Theory]
    [InlineData(23, "arrivals need one figure per hour (24)")]
    [InlineData(-1, "the share of survey opt-in must be between 0 and 1")]
    [InlineData(-2, "the share of direct calls must be between 0 and 1")]
    public void A_wrong_profile_is_refused_with_what_is_wrong(int figure, string message)
    {
        var profile = figure switch
        {
            -1 => new SimulationProfile { SurveyOptIn = 1.5 },
            -2 => new SimulationProfile { DirectCalls = -0.1 },
            _ => new SimulationProfile { WorkdayArrivals = new double[figure] },
        };

        var error = Assert.Throws<ArgumentException>(() => ScriptWriter.Write(profile, Tuesday, 1, "54731000"));

        Assert.Equal(message, error.Message);
    }
}
