using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Omstilling.Web.Security;

/// <summary>
/// Headers on every answer, errors and redirects included (added as the answer starts, after
/// whatever cleared the headers before): a Content-Security-Policy that lets the pages load only
/// our own scripts, styles and connections (Blazor's WebSocket to the same address among them) and
/// be framed by nobody; no content-type sniffing; no Referer to other sites; and no caching of
/// anything that did not say how it may be cached (pages and API answers hold personal data).
/// An endpoint marked <see cref="EmbeddableAnywhere"/> (the public contact page) may be framed by any site.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    // 'self' covers ws: and wss: to the same host in CSP level 3; the WebSocket is also named
    // outright for browsers that do not. No 'unsafe-inline' and no 'unsafe-eval': Blazor Server
    // needs neither (its default reconnect dialog brings its own <style>, so App.razor brings ours).
    // connect-src stays last: the WebSocket's address is added to it.
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    private const string EmbeddablePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *; connect-src 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            var host = http.Request.Host;
            var embeddable = http.GetEndpoint()?.Metadata.GetMetadata<EmbeddableAnywhere>() is not null;
            var policy = embeddable ? EmbeddablePolicy : Policy;
            headers.ContentSecurityPolicy = host.HasValue
                ? $"{policy} ws://{host.ToUriComponent()} wss://{host.ToUriComponent()}"
                : policy;
            headers.XContentTypeOptions = "nosniff";
            if (!embeddable)
            {
                headers.XFrameOptions = "DENY";
            }

            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
