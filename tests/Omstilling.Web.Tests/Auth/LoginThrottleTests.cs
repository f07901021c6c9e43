using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Tests.Auth;

public sealed class LoginThrottleTests
{
    private static readonly IPAddress Office = IPAddress.Parse("192.0.2.10");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(_time, NullLogger<LoginThrottle>.Instance);

    [Fact]
    public void The_fifth_failure_for_a_name_makes_it_wait_a_minute_and_each_further_one_twice_as_long()
    {
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(TimeSpan.Zero, _throttle.Failed("2001", Office));
            Assert.Equal(TimeSpan.Zero, _throttle.WaitBeforeTrying("2001", Office));
        }

        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.Failed("2001", Office));
        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.WaitBeforeTrying(" 2001 ", Office));
        Assert.Equal(TimeSpan.Zero, _throttle.WaitBeforeTrying("2002", Office)); // another name from the same address

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.WaitBeforeTrying("2001", Office));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, _throttle.WaitBeforeTrying("2001", Office));
        Assert.Equal(TimeSpan.FromMinutes(2), _throttle.Failed("2001", Office));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.FromMinutes(4), _throttle.Failed("2001", Office));
    }

    [Fact]
    public void The_wait_stops_growing_at_an_hour()
    {
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 14; i++)
        {
            var wait = _throttle.Failed("admin", Office);
            waits.Add(wait);
            _time.Advance(wait);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60, 60], waits.Skip(4).Select(w => w.TotalMinutes));
    }

    [Fact]
    public void Failures_are_forgotten_a_quarter_of_an_hour_after_the_last_failure_or_wait()
    {
        for (var i = 0; i < 4; i++)
        {
            _throttle.Failed("2001", Office);
        }

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.Failed("2001", Office)); // still within the window: the fifth

        // After the wait, a quarter of an hour counts from its end, not from the failure.
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromMinutes(14));
        Assert.Equal(TimeSpan.FromMinutes(2), _throttle.Failed("2001", Office));
        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromMinutes(15));
        Assert.Equal(TimeSpan.Zero, _throttle.Failed("2001", Office));
    }

    [Fact]
    public void A_login_forgets_the_names_failures_but_not_the_addresss()
    {
        for (var i = 0; i < 4; i++)
        {
            _throttle.Failed("2001", Office);
        }

        _throttle.Succeeded("2001");
        Assert.Equal(TimeSpan.Zero, _throttle.Failed("2001", Office)); // the count started again

        // 5 of the address's 20 are used; 15 more at other names make the address wait.
        for (var i = 0; i < 14; i++)
        {
            Assert.Equal(TimeSpan.Zero, _throttle.Failed($"gæt{i}", Office));
        }

        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.Failed("gæt-20", Office));
        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.WaitBeforeTrying("2001", Office));
        Assert.Equal(TimeSpan.Zero, _throttle.WaitBeforeTrying("2001", IPAddress.Parse("192.0.2.11")));
    }

    [Fact]
    public void An_ipv6_client_counts_by_its_64_and_an_ipv4_mapped_one_as_ipv4()
    {
        for (var i = 0; i < 20; i++)
        {
            _throttle.Failed($"navn{i}", IPAddress.Parse($"2001:db8:1:2::{i + 1:x}"));
        }

        Assert.NotEqual(TimeSpan.Zero, _throttle.WaitBeforeTrying("en-anden", IPAddress.Parse("2001:db8:1:2:ffff::1")));
        Assert.Equal(TimeSpan.Zero, _throttle.WaitBeforeTrying("en-anden", IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal(LoginThrottle.Key(Office), LoginThrottle.Key(Office.MapToIPv6()));
    }
}
