using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;

namespace Omstilling.Web.Auth;

/// <summary>
/// An open page's connection (a Blazor circuit) outlives the request that opened it, so the login's
/// absolute lifetime, and that its user is still enabled (<see cref="ActiveLogins"/>), are checked on
/// it every minute: when either is over, the page loses its user and
/// sends the browser to the login (Routes.razor). One per circuit.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggerFactory, TimeProvider time, ActiveLogins active)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return SessionLifetime.IsCurrent(authenticationState.User, time.GetUtcNow())
            && authenticationState.User.Identity?.Name is { } name
            && await active.IsActiveAsync(name, cancellationToken);
    }
}
