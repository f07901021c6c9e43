using System.Net;
using Omstilling.Host.Cli;
using Omstilling.Sip.Security;

namespace Omstilling.Host.Tests.Cli;

public sealed class AbuseArgumentsTests
{
    [Fact]
    public void Without_options_the_documented_defaults_hold_and_the_host_itself_is_allowed()
    {
        var limits = AbuseArguments.For(RunOptions.Parse([]));

        Assert.Equal(20, limits.AuthFailureLimit);
        Assert.Equal(TimeSpan.FromSeconds(60), limits.AuthFailureWindow);
        Assert.Equal(TimeSpan.FromMinutes(10), limits.BlockDuration);
        Assert.Equal(BlockedAnswer.None, limits.BlockedAnswer);
        Assert.True(limits.IsAllowed(IPAddress.Parse("127.0.0.2")));
        Assert.True(limits.IsAllowed(IPAddress.IPv6Loopback));
        Assert.False(limits.IsAllowed(IPAddress.Parse("192.0.2.7")));
    }

    [Fact]
    public void Every_limit_is_set_by_its_option()
    {
        var limits = RunOptions.Parse([
            "--auth-fail-limit", "5", "--auth-fail-window", "30", "--block-seconds", "3600", "--rate-limit", "0", "--blocked-answer", "403",
            "--max-calls-per-account", "4", "--max-calls-per-address", "6", "--max-registrations-per-account", "3", "--max-registrations-per-address", "7",
            "--max-calls-in-setup", "8", "--retry-after", "20"]).Abuse;

        Assert.Equal(
            AbuseLimits.Default with
            {
                AuthFailureLimit = 5, AuthFailureWindow = TimeSpan.FromSeconds(30), BlockDuration = TimeSpan.FromHours(1), MessageRateLimit = 0,
                BlockedAnswer = BlockedAnswer.Forbidden, MaxCallsPerAccount = 4, MaxCallsPerAddress = 6, MaxRegistrationsPerAccount = 3,
                MaxRegistrationsPerAddress = 7, MaxCallsInSetup = 8, RetryAfter = TimeSpan.FromSeconds(20),
            },
            limits);
    }

    [Fact]
    public void The_first_allow_replaces_the_default_and_more_add_to_it()
    {
        var limits = RunOptions.Parse(["--allow", "10.20.0.0/16", "--allow", "192.0.2.9", "--allow", "2001:db8::/32"]).Abuse;

        Assert.False(limits.IsAllowed(IPAddress.Loopback));
        Assert.True(limits.IsAllowed(IPAddress.Parse("10.20.30.40")));
        Assert.True(limits.IsAllowed(IPAddress.Parse("192.0.2.9")));
        Assert.False(limits.IsAllowed(IPAddress.Parse("192.0.2.10")));
        Assert.True(limits.IsAllowed(IPAddress.Parse("2001:db8::5")));
    }

    [Fact]
    public void Allow_none_allows_nobody_but_the_trunk()
    {
        var options = RunOptions.Parse(["--allow", "none", "--trunk", "192.0.2.50:5060"]);

        var limits = AbuseArguments.For(options);

        Assert.False(limits.IsAllowed(IPAddress.Loopback));
        Assert.True(limits.IsAllowed(IPAddress.Parse("192.0.2.50")));
        Assert.False(limits.IsAllowed(IPAddress.Parse("192.0.2.51")));
    }

    [Theory]
    [InlineData("--auth-fail-limit", "-1")]
    [InlineData("--auth-fail-limit", "many")]
    [InlineData("--auth-fail-limit", "101")]
    [InlineData("--block-seconds", "0")]
    [InlineData("--auth-fail-window", "1.5")]
    [InlineData("--blocked-answer", "503")]
    [InlineData("--allow", "10.0.0.1/8")]
    [InlineData("--allow", "example.org")]
    [InlineData("--max-registrations-per-account", "0")]
    [InlineData("--retry-after", "-5")]
    public void A_bad_value_is_a_usage_error_naming_the_option(string option, string value)
    {
        var error = Assert.Throws<UsageException>(() => RunOptions.Parse([option, value]));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }
}
