using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Omstilling.Storage.Users;

namespace Omstilling.Web.Auth;

/// <summary>
/// Logging in and out. The login page (a form with an antiforgery token) posts here; a wrong name
/// or password sends the browser back to the form with a message and the name still filled in,
/// and costs as much time as a right one. <see cref="LoginThrottle"/> makes a name or address with
/// too many failures wait.
/// </summary>
internal static class AccountEndpoints
{
    public const string Scheme = LoginCookie.Name;
    public const string LoginPath = "/konto/login";
    public const string NoAccessPath = "/konto/ingen-adgang";

    /// <summary>Longer names are no one's: not looked up, nor kept by the throttle.</summary>
    private const int MaxUserName = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/konto/log-ind", async (HttpContext http, UserStore users, LoginThrottle throttle, ActiveLogins active, TimeProvider time,
            [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var name = (username ?? "").Trim();
            name = name.Length > MaxUserName ? name[..MaxUserName] : name;
            var back = LocalOrNull(returnUrl);
            var address = http.Connection.RemoteIpAddress;
            var wait = throttle.WaitBeforeTrying(name, address);
            if (wait > TimeSpan.Zero)
            {
                return BackToForm(name, back, wait);
            }

            var user = await users.VerifyAsync(name, password ?? "", http.RequestAborted);
            if (user is null)
            {
                var next = throttle.Failed(name, address);
                return BackToForm(name, back, next > TimeSpan.Zero ? next : null);
            }

            throttle.Succeeded(name);
            active.Forget(user.UserName); // disabled a moment ago perhaps, enabled since: the database has just said so
            var principal = SignedInUser.Principal(user, Scheme, SessionLifetime.SignedInAt(time.GetUtcNow()));
            await http.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = false });
            return Results.LocalRedirect(back ?? Home(user.Roles));
        }).AllowAnonymous();

        // Open, so that a login that has run out still leaves by the door; the token stops other
        // sites from logging our users out.
        app.MapPost("/konto/log-ud", async (HttpContext http) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.BadRequest();
            }

            await http.SignOutAsync(Scheme);
            return Results.LocalRedirect(LoginPath);
        }).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    /// <summary>Where a user starts: operators at the console, administrators at the notices, staff in their inbox.</summary>
    public static string Home(IReadOnlyList<UserRole> roles) =>
        roles.Contains(UserRole.Operator) ? "/omstilling" : roles.Contains(UserRole.Admin) ? "/afdelinger" : "/beskeder";

    /// <summary>The form again: "fejl=1" a wrong name or password, "fejl=vent" too many (with the minutes to wait).</summary>
    private static IResult BackToForm(string name, string? back, TimeSpan? wait)
    {
        var query = wait is { } w
            ? $"fejl=vent&minutter={(int)Math.Ceiling(w.TotalMinutes)}"
            : "fejl=1";
        if (name.Length > 0)
        {
            query += "&bruger=" + Uri.EscapeDataString(name);
        }

        if (back is not null)
        {
            query += "&returnUrl=" + Uri.EscapeDataString(back);
        }

        return Results.LocalRedirect($"{LoginPath}?{query}");
    }

    /// <summary>Only paths on this site (no "//host" or "http:"), so a login link cannot send people elsewhere.</summary>
    private static string? LocalOrNull(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : null;
}
