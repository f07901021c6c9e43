using Microsoft.AspNetCore.Http;

namespace Omstilling.Web.Auth;

/// <summary>
/// The management listener (<c>--management ip:port</c>): a separate address for monitoring, where
/// the endpoints marked <see cref="ManagementEndpoint"/> (health, status) answer without a login
/// and nothing else answers at all. A connection is on it when it arrived on its port (never the
/// web port), which the client cannot choose as it can a Host header. Immutable.
/// </summary>
/// <param name="Port">The listener's port; null without one.</param>
public sealed record ManagementListener(int? Port)
{
    public static ManagementListener None { get; } = new((int?)null);

    public bool Serves(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Port is { } port && http.Connection.LocalPort == port;
    }
}
