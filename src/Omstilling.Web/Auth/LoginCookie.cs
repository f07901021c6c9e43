using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Omstilling.Web.Auth;

/// <summary>
/// The login cookie: HttpOnly, SameSite=Lax, for <see cref="SessionLifetime"/>. A page asked for
/// without a login sends the browser to the login form, and one outside the user's roles to "Ingen
/// adgang"; everything else (the API, Blazor's connection) answers 401 or 403, which a program
/// understands and a redirect to a form it cannot fill would hide.
/// </summary>
internal static class LoginCookie
{
    public const string Name = "omstilling";

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.LoginPath = AccountEndpoints.LoginPath;
        cookie.AccessDeniedPath = AccountEndpoints.NoAccessPath;
        cookie.Cookie.Name = Name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.SlidingExpiration = true;
        cookie.ExpireTimeSpan = SessionLifetime.Idle;
        cookie.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
        cookie.Events.OnRedirectToLogin = context => RedirectPagesOnly(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => RedirectPagesOnly(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectPagesOnly(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsPage(context.HttpContext))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }

    /// <summary>A page: a Razor component endpoint, or an address typed into the browser that is no endpoint (outside the API) and may be one after the login.</summary>
    private static bool IsPage(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? http.GetEndpoint() is { } endpoint
                ? endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                : !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            : false;
}
