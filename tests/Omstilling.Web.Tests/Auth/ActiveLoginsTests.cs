using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Tests.Auth;

/// <summary>The check that a login's user is still enabled, made on every request and every minute on an open page.</summary>
public sealed class ActiveLoginsTests
{
    [Fact]
    public async Task A_user_disabled_since_the_last_answer_loses_the_login_once_that_answer_is_stale()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var enabled = true;
        var asked = 0;
        var logins = new ActiveLogins((_, _) => { asked++; return Task.FromResult(enabled); }, time, NullLogger<ActiveLogins>.Instance);

        Assert.True(await logins.IsActiveAsync("jette", default));
        enabled = false;
        time.Advance(ActiveLogins.CacheFor - TimeSpan.FromSeconds(1));
        Assert.True(await logins.IsActiveAsync("JETTE", default));
        Assert.Equal(1, asked);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await logins.IsActiveAsync("jette", default));
        Assert.Equal(2, asked);

        enabled = true;
        logins.Forget("jette");
        Assert.True(await logins.IsActiveAsync("jette", default));
        Assert.Equal(3, asked);
    }

    [Fact]
    public async Task When_the_database_cannot_answer_the_last_answer_stands_or_the_login_goes_on()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var answer = false;
        var down = false;
        var logins = new ActiveLogins(
            (_, _) => down ? throw new TimeoutException("no database") : Task.FromResult(answer), time, NullLogger<ActiveLogins>.Instance);

        Assert.False(await logins.IsActiveAsync("ib", default));
        down = true;
        time.Advance(ActiveLogins.CacheFor);
        Assert.False(await logins.IsActiveAsync("ib", default));
        Assert.True(await logins.IsActiveAsync("jette", default));
    }
}
