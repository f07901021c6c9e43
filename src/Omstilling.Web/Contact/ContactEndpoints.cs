using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Omstilling.Web.Components.Contact;
using Omstilling.Web.Security;

namespace Omstilling.Web.Contact;

/// <summary>
/// The published contact page, open to everyone without a login: <c>GET /kontakt</c> (HTML, no
/// script, embeddable in the municipality's own pages) and <c>GET /kontakt.json</c> (the same
/// content for programs, readable from any site). Both are built per request from the policy in
/// force, so a reloaded policy shows at once; an ETag lets browsers and proxies keep a copy and
/// ask again cheaply (<c>no-cache</c>: always revalidated, never stale).
/// </summary>
internal static class ContactEndpoints
{
    public const string PagePath = "/kontakt";

    public const string FeedPath = "/kontakt.json";

    private const string CacheControl = "public, no-cache";

    /// <summary>A new build may render the same content differently: its pages get other ETags.</summary>
    private static readonly string Build = typeof(ContactEndpoints).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static void Map(WebApplication app)
    {
        app.MapGet(PagePath, (HttpContext http) =>
        {
            if (Current(http) is not { } page)
            {
                return Unavailable();
            }

            var tag = ETag(ContactJson.Bytes(page), "html");
            return NotModified(http, tag) ? Results.StatusCode(StatusCodes.Status304NotModified)
                : new RazorComponentResult<ContactPageView>(new Dictionary<string, object?> { [nameof(ContactPageView.Page)] = page });
        }).AllowAnonymous().WithMetadata(EmbeddableAnywhere.Instance);

        app.MapGet(FeedPath, (HttpContext http) =>
        {
            if (Current(http) is not { } page)
            {
                return Unavailable();
            }

            var json = ContactJson.Bytes(page);
            var tag = ETag(json, "json");
            http.Response.Headers.AccessControlAllowOrigin = "*";
            return NotModified(http, tag) ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(json, "application/json; charset=utf-8");
        }).AllowAnonymous().WithMetadata(EmbeddableAnywhere.Instance);
    }

    /// <summary>The page now, or null on a server without a policy.</summary>
    private static ContactPage? Current(HttpContext http)
    {
        var platform = http.RequestServices.GetRequiredService<WebPlatform>();
        return platform.Policy?.Current is { } policy
            ? ContactPageBuilder.Build(policy, platform.Directory.Current, platform.Time.GetUtcNow())
            : null;
    }

    private static IResult Unavailable() =>
        Results.Problem(title: "Kontaktoplysningerne er ikke tilgængelige lige nu.", statusCode: StatusCodes.Status503ServiceUnavailable);

    private static string ETag(byte[] content, string form)
    {
        var hash = SHA256.HashData([.. content, .. System.Text.Encoding.UTF8.GetBytes(form + Build)]);
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }

    /// <summary>Sets the caching headers; true when the client's copy (If-None-Match) is still the content.</summary>
    private static bool NotModified(HttpContext http, string tag)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ETag = tag;
        return http.Request.Headers.IfNoneMatch.Any(value => value is not null
            && value.Split(',').Any(t => t.Trim() is var one && (one == tag || one == "W/" + tag || one == "*")));
    }
}
