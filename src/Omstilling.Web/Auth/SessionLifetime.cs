using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Omstilling.Web.Auth;

/// <summary>
/// How long a login lasts: it ends after <see cref="Idle"/> without a request (the cookie's sliding
/// expiry), and in any case <see cref="Absolute"/> after the password was given, however busy the
/// user (the time of the login is a claim in the cookie; a cookie without it is not accepted).
/// A login also ends when its user is disabled or removed (<see cref="ActiveLogins"/>). An open
/// console keeps its connection, so both are checked there too (<see cref="SessionRevalidation"/>).
/// </summary>
internal static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromHours(2);

    /// <summary>A working day and then some: an operator's shift never needs a second login.</summary>
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    public const string SignedInClaim = "omstilling:signed-in";

    public static Claim SignedInAt(DateTimeOffset at) =>
        new(SignedInClaim, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>Whether a login of <paramref name="principal"/> is still within its absolute lifetime at <paramref name="now"/>.</summary>
    public static bool IsCurrent(ClaimsPrincipal principal, DateTimeOffset now) =>
        principal.FindFirstValue(SignedInClaim) is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) is var age
        && age >= TimeSpan.Zero && age < Absolute;

    /// <summary>
    /// The cookie handler's check of every request's cookie: one past its absolute lifetime, or of a
    /// user disabled or removed since (<see cref="ActiveLogins"/>), is dropped, and the user must log in again.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        if (context.Principal is not { Identity.Name: { } name } principal || !IsCurrent(principal, now)
            || !await context.HttpContext.RequestServices.GetRequiredService<ActiveLogins>().IsActiveAsync(name, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
