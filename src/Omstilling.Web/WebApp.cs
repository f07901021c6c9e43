using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Omstilling.Storage.Users;
using Omstilling.Web.Auth;
using Omstilling.Web.Cards;
using Omstilling.Web.Components;
using Omstilling.Web.Console;
using Omstilling.Web.Contact;
using Omstilling.Web.Live;
using Omstilling.Web.Messages;
using Omstilling.Web.Reports;
using Omstilling.Web.Security;

namespace Omstilling.Web;

/// <summary>
/// The web app: the operator console, the staff inbox and department notices as Blazor pages
/// rendered on the server (interactive over a WebSocket), behind a cookie login with roles
/// (docs/security.md).
/// </summary>
public static class WebApp
{
    /// <summary>
    /// Registers the web app. <paramref name="platform"/> is asked for on first use (the first
    /// request), so the host may build the platform after the web host is built.
    /// </summary>
    /// <param name="keysFolder">Where the keys that sign login cookies are kept, so logins outlive a restart.</param>
    /// <param name="management">The management listener, where health and status answer without a login; <see cref="ManagementListener.None"/> without one.</param>
    public static void AddOmstillingWeb(this IServiceCollection services, Func<WebPlatform> platform, string keysFolder, ManagementListener management)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(management);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysFolder)).SetApplicationName("omstilling");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(management);
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton(sp => new ActiveLogins(sp.GetRequiredService<UserStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ActiveLogins>>()));
        services.AddSingleton(_ => platform());

        // Circuits that fail are counted and logged at the web.circuit boundary (the host makes the platform, and with it the boundary, before any circuit can exist).
        var platformReady = platform;
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(new CircuitFailureLog(() =>
        {
            try
            {
                return platformReady().CircuitFaults;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }));
        services.AddSingleton(sp => sp.GetRequiredService<WebPlatform>().Switchboard);
        services.AddSingleton(sp => sp.GetRequiredService<WebPlatform>().Queues);
        services.AddSingleton(sp => sp.GetRequiredService<WebPlatform>().Directory);
        services.AddSingleton(sp => sp.GetRequiredService<WebPlatform>().Absences);
        services.AddSingleton(sp => sp.GetRequiredService<WebPlatform>().Availability);
        services.AddSingleton(sp => sp.GetRequiredService<WebPlatform>().Users);
        services.AddSingleton(sp => sp.GetRequiredService<WebPlatform>().Messages);
        services.AddSingleton(sp => new PhoneMessages(sp.GetRequiredService<WebPlatform>().Messages, sp.GetRequiredService<WebPlatform>().Outbox));
        services.AddSingleton(sp =>
        {
            var p = sp.GetRequiredService<WebPlatform>();
            return new PersonCards(p.Directory, p.Presence, p.Absences, p.Availability, p.Time, p.Forwardings);
        });
        services.AddSingleton(sp =>
        {
            var p = sp.GetRequiredService<WebPlatform>();
            return new ConsoleServices(p.Switchboard, p.Queues, p.Presence, p.Directory, sp.GetRequiredService<PersonCards>(), p.Absences, sp.GetRequiredService<PhoneMessages>(), p.Policy, p.Time, p.Zone);
        });
        services.AddSingleton(sp =>
        {
            var p = sp.GetRequiredService<WebPlatform>();
            return new SwitchboardBoard(p.Switchboard, p.Queues, p.CallEvents, p.Policy, p.Absences, p.Time, p.Faults) { Forwardings = p.Forwardings };
        });
        services.AddSingleton(sp =>
        {
            var p = sp.GetRequiredService<WebPlatform>();
            return new WallboardGoals(p.Reports, p.Policy, p.CallEvents, p.Time, p.Faults);
        });
        services.AddSingleton(sp =>
        {
            var p = sp.GetRequiredService<WebPlatform>();
            return new SwitchboardHistory(p.SwitchboardCalls, p.Policy, p.CallEvents, p.Time, p.Faults);
        });

        services.AddSingleton<ReportPages>();
        services.AddAuthentication(AccountEndpoints.Scheme).AddCookie(AccountEndpoints.Scheme, LoginCookie.Configure);
        services.AddAuthorization(options => AccessPolicies.Add(options, management));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddAntiforgery();
        services.AddRazorComponents().AddInteractiveServerComponents(circuit => circuit.DetailedErrors = false);
    }

    public static void MapOmstillingWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<SwitchboardBoard>().Start();
        app.Services.GetRequiredService<WallboardGoals>().Start();
        app.Services.GetRequiredService<SwitchboardHistory>().Start();
        app.UseMiddleware<SecurityHeaders>();
        ErrorAnswers.Use(app);
        app.UseMiddleware<ManagementOnly>();
        NotFoundAnswers.Use(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        AccountEndpoints.Map(app);
        ReportEndpoints.Map(app);
        ContactEndpoints.Map(app);
        Voicemail.VoicemailEndpoints.Map(app);
        DirectoryAdmin.DirectoryExportEndpoint.Map(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
