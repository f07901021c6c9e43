using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Security;

/// <summary>
/// What a browser gets at an address that is no page: the app's own "Siden findes ikke" with the
/// way back, with status 404, instead of the browser's empty error page. Only logged-in users get
/// that far (an outsider is sent to the login first, so the server does not tell which addresses
/// exist). Every other answer without a body keeps it: the API's 404 for programs, a 401, 403 or
/// 400, a form post, and the management listener's plain 404s.
/// </summary>
internal static class NotFoundAnswers
{
    public const string Path = "/ikke-fundet";

    public static void Use(WebApplication app)
    {
        var management = app.Services.GetRequiredService<ManagementListener>();
        // The page is made by running the request again for Path (through routing and the login);
        // the middleware after it turns that off for every answer a browser's page is not for.
        app.UseStatusCodePagesWithReExecute(Path, createScopeForStatusCodePages: true);
        app.Use(async (http, next) =>
        {
            await next(http);
            if (!IsPageNotFound(http, management) && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
        });
    }

    private static bool IsPageNotFound(HttpContext http, ManagementListener management) =>
        http.Response.StatusCode == StatusCodes.Status404NotFound
        && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !management.Serves(http);
}
