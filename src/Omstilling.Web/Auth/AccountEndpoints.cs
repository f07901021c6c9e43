using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Omstilling.Storage.Users;

namespace Omstilling.Web.Auth;

/// <summary>
/// Logging in and out: the login page (a form) posts here; a wrong name or password sends the
/// browser back to the page with a message and costs as much time as a right one.
/// </summary>
internal static class AccountEndpoints
{
    public const string Scheme = "omstilling";
    public const string LoginPath = "/konto/login";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/konto/log-ind", async (HttpContext http, UserStore users, [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var user = await users.VerifyAsync(username ?? "", password ?? "", http.RequestAborted);
            var back = LocalOrNull(returnUrl);
            if (user is null)
            {
                return Results.LocalRedirect($"{LoginPath}?fejl=1{(back is null ? "" : "&returnUrl=" + Uri.EscapeDataString(back))}");
            }

            await http.SignInAsync(Scheme, SignedInUser.Principal(user, Scheme), new AuthenticationProperties { IsPersistent = false });
            return Results.LocalRedirect(back ?? Home(user.Roles));
        });

        app.MapPost("/konto/log-ud", async (HttpContext http) =>
        {
            await http.SignOutAsync(Scheme);
            return Results.LocalRedirect(LoginPath);
        });
    }

    /// <summary>Where a user starts: operators at the console, administrators at the notices, staff in their inbox.</summary>
    public static string Home(IReadOnlyList<UserRole> roles) =>
        roles.Contains(UserRole.Operator) ? "/omstilling" : roles.Contains(UserRole.Admin) ? "/afdelinger" : "/beskeder";

    /// <summary>Only paths on this site (no "//host" or "http:"), so a login link cannot send people elsewhere.</summary>
    private static string? LocalOrNull(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : null;
}
