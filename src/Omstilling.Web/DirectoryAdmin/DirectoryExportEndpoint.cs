using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Omstilling.Web.Auth;

namespace Omstilling.Web.DirectoryAdmin;

/// <summary>
/// <c>GET /vidensdatabase/eksport.yaml</c> (administrators): the directory kept in the database as
/// a YAML directory file, to edit and import again or to keep as a copy. Not cached (it holds
/// staff's mobiles and e-mail addresses).
/// </summary>
internal static class DirectoryExportEndpoint
{
    public const string Pattern = "/vidensdatabase/eksport.yaml";

    public static void Map(WebApplication app) =>
        app.MapGet(Pattern, async (HttpContext http, WebPlatform platform, CancellationToken cancellationToken) =>
        {
            if (platform.DirectoryAdmin is not { } admin || await admin.ExportAsync(cancellationToken) is not { } yaml)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(yaml, "application/yaml; charset=utf-8");
        }).RequireAuthorization(AccessPolicies.Admin);
}
