using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;
using static Omstilling.Policy.Tests.Guldborgsund;

namespace Omstilling.Policy.Tests.Routing;

/// <summary>
/// Both transition days of 2026 in Copenhagen: 02:00-03:00 is skipped on 29 March and happens
/// twice on 25 October. Wall-clock times are resolved explicitly and routing uses local time.
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Fact]
    public void The_skipped_0230_on_29_March_moves_forward_to_0330_summer_time()
    {
        var time = LocalTimeResolver.Resolve(Local("2026-03-29 02:30"), Copenhagen);

        Assert.Equal(LocalTimeKind.Skipped, time.Kind);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), time.Instant.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), time.Instant);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), Bundled.ToLocal(time.Instant));
    }

    [Fact]
    public void The_repeated_0230_on_25_October_has_two_instants_an_hour_apart()
    {
        var time = LocalTimeResolver.Resolve(Local("2026-10-25 02:30"), Copenhagen);

        Assert.Equal(LocalTimeKind.Ambiguous, time.Kind);
        Assert.Equal(TimeSpan.FromHours(2), time.Instant.Offset);
        Assert.Equal(TimeSpan.FromHours(1), time.LaterInstant!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(1), time.LaterInstant.Value - time.Instant);
    }

    [Fact]
    public void Both_occurrences_of_0230_on_25_October_route_as_Sunday_night()
    {
        var time = LocalTimeResolver.Resolve(Local("2026-10-25 02:30"), Copenhagen);

        foreach (var instant in new[] { time.Instant, time.LaterInstant!.Value })
        {
            var decision = Bundled.Route(MainNumber, instant, PolicyState.Staffed);
            Assert.Equal(DecisionKind.Menu, decision.Kind);
            Assert.Equal(RuleKind.ClosedWeekday, decision.Rule.Kind);
            Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), decision.LocalTime);
        }
    }

    [Fact]
    public void Routing_uses_the_summer_offset_in_summer_and_the_winter_offset_in_winter()
    {
        // 13:30 UTC is 14:30 in January (open) and 15:30 in July (closed).
        var winter = Bundled.Route(MainNumber, new DateTimeOffset(2026, 1, 13, 13, 30, 0, TimeSpan.Zero), PolicyState.Staffed);
        var summer = Bundled.Route(MainNumber, new DateTimeOffset(2026, 7, 14, 13, 30, 0, TimeSpan.Zero), PolicyState.Staffed);

        Assert.Equal(DecisionKind.Queue, winter.Kind);
        Assert.Equal(DecisionKind.Menu, summer.Kind);
    }

    [Fact]
    public void A_unique_time_resolves_to_its_offset()
    {
        var time = LocalTimeResolver.Resolve(Local("2026-01-13 10:00"), Copenhagen);

        Assert.Equal(LocalTimeKind.Unique, time.Kind);
        Assert.Equal(TimeSpan.FromHours(1), time.Instant.Offset);
    }
}
