using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Omstilling.Calendars.Graph;

/// <summary>
/// The one way a Graph client is made here: the SDK gets a plain HttpClient whose handlers are
/// ours, the bearer token with one renewal on <c>InvalidAuthenticationToken</c>
/// (<see cref="GraphAuthHandler"/>) and throttling waited out on the injected clock
/// (<see cref="GraphRetryHandler"/>). Used by the calendar provider and the directory sync.
/// </summary>
internal static class GraphClients
{
    /// <param name="network">The handler that reaches the network; a default one when null.</param>
    public static (HttpClient Http, GraphServiceClient Client) Create(GraphOptions options, IGraphTokenSource tokens, TimeProvider time, ILogger logger, HttpMessageHandler? network)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var retry = new GraphRetryHandler(time, logger) { InnerHandler = network ?? new SocketsHttpHandler() };
        var http = new HttpClient(new GraphAuthHandler(tokens, logger) { InnerHandler = retry }) { Timeout = TimeSpan.FromSeconds(60) };
        return (http, new GraphServiceClient(http, new AnonymousAuthenticationProvider(), options.BaseUrl.ToString().TrimEnd('/')));
    }
}
