using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Omstilling.Calendars.Graph;

/// <summary>
/// Puts the bearer token on every Graph request. When Graph answers 401 with the error code
/// <c>InvalidAuthenticationToken</c> (the token expired or was revoked), it fetches a new token
/// and sends the request once more; a second 401 is returned as it is. Thread-safe.
/// </summary>
internal sealed class GraphAuthHandler(IGraphTokenSource tokens, ILogger logger) : DelegatingHandler
{
    public const string InvalidTokenCode = "InvalidAuthenticationToken";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Kept in memory so that the request can be sent again.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(false, cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!body.Contains(InvalidTokenCode, StringComparison.Ordinal))
        {
            return response;
        }

        response.Dispose();
        CalendarLog.GraphTokenRejected(logger, InvalidTokenCode);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(true, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
