using Microsoft.Extensions.Time.Testing;
using Omstilling.Runtime;

namespace Omstilling.Runtime.Tests;

public sealed class LogRateLimitTests
{
    [Fact]
    public void A_flood_is_logged_up_to_the_budget_and_the_rest_is_counted_for_the_next_window()
    {
        var time = new FakeTimeProvider();
        var limit = new LogRateLimit(time, perWindow: 3, TimeSpan.FromSeconds(10));

        var taken = Enumerable.Range(0, 100).Count(_ => limit.TryTake(out long _));
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(3, taken);
        Assert.True(limit.TryTake(out var heldBack));
        Assert.Equal(97, heldBack);
        Assert.True(limit.TryTake(out heldBack));
        Assert.Equal(0, heldBack);
    }
}
