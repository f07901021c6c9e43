using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Runtime;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Tests.Timing;

public sealed class SchedulerContainmentTests
{
    [Fact]
    public void A_timer_callback_that_throws_is_contained_and_the_timers_after_it_still_fire()
    {
        var time = new FakeTimeProvider();
        var faults = new FaultMonitor(NullLoggerFactory.Instance, time);
        using var scheduler = new SipScheduler(time, faults);
        var fired = new List<string>();
        scheduler.Schedule(TimeSpan.FromMilliseconds(500), _ => throw new InvalidOperationException("a transaction's bug"));
        scheduler.Schedule(TimeSpan.FromMilliseconds(500), _ => fired.Add("same slot"));
        scheduler.Schedule(TimeSpan.FromSeconds(1), _ => fired.Add("later"));

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["same slot", "later"], fired);
        Assert.Equal(1, faults.Boundary("sip.timer").Count);
    }
}
