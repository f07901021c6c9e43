using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Runtime;
using Omstilling.Sip.Security;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Tests.Security;

public sealed class SourceGuardTests : IDisposable
{
    private static readonly IPAddress Attacker = IPAddress.Parse("192.0.2.7");
    private static readonly IPAddress Phone = IPAddress.Parse("192.0.2.20");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
    private readonly SipScheduler _scheduler;
    private readonly LogLines<SourceGuard> _log = new();

    public SourceGuardTests() => _scheduler = new SipScheduler(_time, new FaultMonitor(NullLoggerFactory.Instance, _time));

    public void Dispose() => _scheduler.Dispose();

    private SourceGuard Guard(AbuseLimits? limits = null) =>
        new(limits ?? AbuseLimits.Default with { Allowed = [] }, _scheduler, _log);

    private void Fail(SourceGuard guard, IPAddress address, int times, TimeSpan apart)
    {
        for (var i = 0; i < times; i++)
        {
            if (i > 0)
            {
                _time.Advance(apart);
            }

            guard.OnAuthenticationFailed(address);
        }
    }

    [Fact]
    public void Twenty_failed_authentications_within_a_minute_block_the_address_for_ten_minutes_and_log_one_line_each_way()
    {
        var guard = Guard();

        Fail(guard, Attacker, 19, TimeSpan.FromSeconds(3));
        Assert.Equal(SourceVerdict.Admit, guard.Screen(Attacker));
        guard.OnAuthenticationFailed(Attacker);

        Assert.Equal(SourceVerdict.Drop, guard.Screen(Attacker));
        Assert.True(guard.IsBlocked(Attacker));
        Assert.Equal(["SECURITY blocked 192.0.2.7 for 600 s: 20 failed authentications in 60 s"], _log.Messages);

        _time.Advance(TimeSpan.FromSeconds(599));
        Assert.Equal(SourceVerdict.Drop, guard.Screen(Attacker));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SourceVerdict.Admit, guard.Screen(Attacker));
        Assert.Equal(["SECURITY blocked 192.0.2.7 for 600 s: 20 failed authentications in 60 s", "SECURITY unblocked 192.0.2.7"], _log.Messages);
        Assert.Equal(0, guard.BlockedCount);
    }

    [Fact]
    public void Failures_spread_over_more_than_the_window_never_block()
    {
        var guard = Guard();

        // 40 failures, one every 3.2 s: never 20 within 60 s of each other.
        Fail(guard, Attacker, 40, TimeSpan.FromMilliseconds(3200));

        Assert.Equal(SourceVerdict.Admit, guard.Screen(Attacker));
        Assert.Empty(_log.Messages);
    }

    [Fact]
    public void The_window_slides_so_failures_straddling_its_start_still_block()
    {
        var guard = Guard();
        Fail(guard, Attacker, 10, TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(45));

        // The first 10 were 54-45 s ago; 10 more now make 20 within 60 s.
        Fail(guard, Attacker, 10, TimeSpan.FromMilliseconds(100));

        Assert.True(guard.IsBlocked(Attacker));
    }

    [Fact]
    public void A_blocked_address_does_not_hold_up_another_address()
    {
        var guard = Guard();
        Fail(guard, Attacker, 20, TimeSpan.Zero);

        Assert.Equal(SourceVerdict.Drop, guard.Screen(Attacker));
        Assert.Equal(SourceVerdict.Admit, guard.Screen(Phone));
        Assert.False(guard.IsBlocked(Phone));
    }

    [Fact]
    public void An_allowed_network_is_never_blocked()
    {
        var guard = Guard(AbuseLimits.Default with { Allowed = [IPNetwork.Parse("192.0.2.0/24")], MessageRateLimit = 5 });

        Fail(guard, Attacker, 100, TimeSpan.Zero);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(SourceVerdict.Admit, guard.Screen(Attacker));
        }

        Assert.Empty(_log.Messages);
        Assert.Equal(SourceVerdict.Admit, guard.Screen(IPAddress.Parse("198.51.100.1")));
    }

    [Fact]
    public void With_403_as_the_answer_a_blocked_address_is_refused_instead_of_dropped()
    {
        var guard = Guard(AbuseLimits.Default with { Allowed = [], BlockedAnswer = BlockedAnswer.Forbidden });
        Fail(guard, Attacker, 20, TimeSpan.Zero);

        Assert.Equal(SourceVerdict.Refuse, guard.Screen(Attacker));
    }

    [Fact]
    public void More_messages_in_one_second_than_the_rate_limit_block_the_address()
    {
        var guard = Guard(AbuseLimits.Default with { Allowed = [], MessageRateLimit = 50 });
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(SourceVerdict.Admit, guard.Screen(Attacker));
        }

        Assert.Equal(SourceVerdict.Drop, guard.Screen(Attacker));
        Assert.Equal(["SECURITY blocked 192.0.2.7 for 600 s: more than 50 messages in 1 s"], _log.Messages);
    }

    [Fact]
    public void The_rate_is_counted_per_second_so_a_steady_phone_is_never_blocked()
    {
        var guard = Guard(AbuseLimits.Default with { Allowed = [], MessageRateLimit = 50 });
        for (var second = 0; second < 10; second++)
        {
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal(SourceVerdict.Admit, guard.Screen(Phone));
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void An_IPv4_peer_on_a_dual_mode_socket_is_the_same_address()
    {
        var guard = Guard();
        Fail(guard, Attacker.MapToIPv6(), 20, TimeSpan.Zero);

        Assert.Equal(SourceVerdict.Drop, guard.Screen(Attacker));
    }

    [Fact]
    public void The_table_of_addresses_stops_at_its_cap_and_idle_addresses_are_swept()
    {
        var guard = Guard(AbuseLimits.Default with { Allowed = [], MaxTrackedAddresses = 100 });
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(SourceVerdict.Admit, guard.Screen(new IPAddress([10, 0, (byte)(i >> 8), (byte)i])));
        }

        Assert.Equal(100, guard.TrackedCount);
        Assert.Contains(_log.Messages, m => m.StartsWith("SECURITY tracking 100 addresses, the most allowed", StringComparison.Ordinal));

        Fail(guard, Attacker, 20, TimeSpan.Zero);  // the table is full: not tracked
        Assert.False(guard.IsBlocked(Attacker));

        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(0, guard.TrackedCount);
        Fail(guard, Attacker, 20, TimeSpan.Zero);
        Assert.True(guard.IsBlocked(Attacker));
    }

    [Fact]
    public void A_blocked_address_is_kept_by_the_sweep_until_it_is_unblocked()
    {
        var guard = Guard();
        Fail(guard, Attacker, 20, TimeSpan.Zero);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, guard.TrackedCount);
        Assert.True(guard.IsBlocked(Attacker));
    }

    [Fact]
    public void A_limit_of_zero_turns_that_limit_off()
    {
        var guard = Guard(AbuseLimits.Default with { Allowed = [], AuthFailureLimit = 0, MessageRateLimit = 0 });
        Fail(guard, Attacker, 1000, TimeSpan.Zero);
        for (var i = 0; i < 1000; i++)
        {
            guard.Screen(Attacker);
        }

        Assert.False(guard.IsBlocked(Attacker));
    }
}
