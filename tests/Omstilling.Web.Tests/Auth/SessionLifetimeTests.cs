using System.Security.Claims;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Tests.Auth;

public sealed class SessionLifetimeTests
{
    private static readonly DateTimeOffset LoggedIn = new(2026, 12, 1, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_login_lasts_twelve_hours_from_the_password_however_busy()
    {
        var user = Principal(SessionLifetime.SignedInAt(LoggedIn));

        Assert.True(SessionLifetime.IsCurrent(user, LoggedIn));
        Assert.True(SessionLifetime.IsCurrent(user, LoggedIn + TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1)));
        Assert.False(SessionLifetime.IsCurrent(user, LoggedIn + TimeSpan.FromHours(12)));
    }

    [Fact]
    public void A_login_without_its_time_or_from_the_future_is_not_accepted()
    {
        Assert.False(SessionLifetime.IsCurrent(Principal(), LoggedIn));
        Assert.False(SessionLifetime.IsCurrent(Principal(new Claim(SessionLifetime.SignedInClaim, "i går")), LoggedIn));
        Assert.False(SessionLifetime.IsCurrent(Principal(SessionLifetime.SignedInAt(LoggedIn + TimeSpan.FromMinutes(5))), LoggedIn));
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "2001"), .. claims], "test"));
}
