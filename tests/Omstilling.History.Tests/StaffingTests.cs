using Omstilling.History.Reports;

namespace Omstilling.History.Tests;

public sealed class StaffingTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    private static readonly TimeSpan FourRings = TimeSpan.FromSeconds(20);

    /// <summary>
    /// docs/kpis.md's worked example: seven switchboard calls between 09 and 10 on one day; the
    /// six answered were handled 55, 74, 296, 197, 96 and 97 s (answer to end, no transfer events):
    /// 135.8 s on average, 0.26 erlangs; one operator answers 76.3 % within 20 s, two 97.6 %.
    /// </summary>
    [Fact]
    public void The_worked_example_of_the_documentation()
    {
        var hours = Staffing.Compute([.. WorkedExample.Records()], new Dictionary<Guid, DateTimeOffset>(), Copenhagen, FourRings, 80);

        var nine = hours[9];
        Assert.Equal(24, hours.Count);
        Assert.Equal(7, nine.ArrivalsPerDay);
        Assert.Equal(815.0 / 6, nine.AverageHandling!.Value.TotalSeconds, 6);
        Assert.Equal(0.26, nine.TrafficErlangs);
        Assert.Equal(0.763, ErlangC.ServiceLevel(1, 7 * 815.0 / 6 / 3600, TimeSpan.FromSeconds(815.0 / 6), FourRings), 3);
        Assert.Equal(0.976, ErlangC.ServiceLevel(2, 7 * 815.0 / 6 / 3600, TimeSpan.FromSeconds(815.0 / 6), FourRings), 3);
        Assert.Equal(2, nine.OperatorsNeeded);
        Assert.Equal(1, nine.OperatorsAnswering);
        Assert.All(hours.Where(h => h.Hour != 9), h => Assert.Equal((0, 0, (int?)0), (h.ArrivalsPerDay, h.TrafficErlangs, h.OperatorsNeeded)));
    }

    [Fact]
    public void An_operator_who_transferred_a_call_was_free_when_they_let_go_of_it()
    {
        var call = CallFiguresTests.Call(queueWait: 2_000, answered: true);

        Assert.Equal(TimeSpan.FromSeconds(597), Staffing.HandlingTime(call, new Dictionary<Guid, DateTimeOffset>()));
        Assert.Equal(TimeSpan.FromSeconds(30), Staffing.HandlingTime(call, new Dictionary<Guid, DateTimeOffset> { [call.CallId] = call.AnsweredAt!.Value.AddSeconds(30) }));
    }

    [Fact]
    public void Arrivals_are_averaged_over_the_days_the_switchboard_had_calls_and_operators_counted_per_day()
    {
        var monday = CallFiguresTests.Call(queueWait: 2_000, answered: true);
        monday.Operator = "100";
        var mondayAgain = CallFiguresTests.Call(queueWait: 2_000, answered: true);
        mondayAgain.Operator = "101";
        var tuesday = CallFiguresTests.Call(queueWait: 2_000, answered: true);
        tuesday.Operator = "100";
        foreach (var record in new[] { tuesday })
        {
            (record.ArrivedAt, record.AnsweredAt, record.EndedAt) = (record.ArrivedAt.AddDays(1), record.AnsweredAt!.Value.AddDays(1), record.EndedAt.AddDays(1));
        }

        var hours = Staffing.Compute([monday, mondayAgain, tuesday], new Dictionary<Guid, DateTimeOffset>(), Copenhagen, FourRings, 80);

        Assert.Equal(1.5, hours[9].ArrivalsPerDay);
        Assert.Equal(1.5, hours[9].OperatorsAnswering);
    }

    [Fact]
    public void Without_a_target_share_no_operators_are_computed()
    {
        var hours = Staffing.Compute([.. WorkedExample.Records()], new Dictionary<Guid, DateTimeOffset>(), Copenhagen, FourRings, null);

        Assert.Null(hours[9].OperatorsNeeded);
    }
}
