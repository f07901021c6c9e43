using System.Net;
using Omstilling.Host.Cli;
using Omstilling.Host.Server.Services;
using Omstilling.Host.Web;
using Omstilling.Web;

namespace Omstilling.Host.Server;

/// <summary>
/// The Generic Host that <c>omstilling run</c> is: logging, the web's listeners, and the server's
/// hosted services in their order (see <see cref="ServerService"/>): media, the calls' events and
/// history, the watchers, the mail outbox, the warm-up (before SIP, so it runs before SIP
/// answers), SIP, the demo's simulation, and readiness last.
/// </summary>
internal static class ServerHost
{
    /// <summary>The host, its services made from <paramref name="parts"/> once they exist (when the host starts).</summary>
    public static WebApplicationBuilder Create(RunOptions options, Func<ServerParts> parts, ServerReadiness readiness, Func<WebApplication> app, Action<WebApplication>? started)
    {
        // The name finds the build's static web assets (omstilling.staticwebassets.*.json), also
        // when the server runs inside another program (the tests).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(RunCommand).Assembly.GetName().Name });
        ConfigureLogging(builder.Logging, options);
        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, options, () => parts().Tls));

        // The console's scripts and styles come from the build's static web assets (blazor.web.js
        // from the framework, ours from Omstilling.Web), also when not run as Development.
        builder.WebHost.UseStaticWebAssets();

        // Served from a build (not a publish), the static assets would also watch the web root for
        // files added after the build and serve any of them through a catch-all endpoint: a
        // server serves what it was built with, and nothing else.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
        builder.Services.AddOmstillingWeb(
            () => parts().Web,
            Path.Combine(options.DataDirectory, "keys"),
            new Omstilling.Web.Auth.ManagementListener(options.Management?.Port));
        builder.Services.AddOmstillingMetrics();

        // The stop waits for the drain, then for the last history to be written.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.Drain + TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton(readiness);
        ILogger Log(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger("Omstilling");
        builder.Services.AddHostedService(_ => new MediaService(parts()));
        builder.Services.AddHostedService(_ => new CallHistoryService(parts()));
        builder.Services.AddHostedService(s => new WatchersService(parts(), Log(s)));
        builder.Services.AddHostedService(_ => new MailService(parts()));
        builder.Services.AddHostedService(s => new WarmupService(parts(), Log(s)));
        builder.Services.AddHostedService(s => new SipService(parts(), Log(s)));
        builder.Services.AddHostedService(_ => new SimulationService(parts()));
        builder.Services.AddHostedService(s => new ReadinessService(parts(), readiness, started, app(), Log(s)));
        return builder;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, RunOptions options)
    {
        logging.SetMinimumLevel(options.LogLevel);
        logging.AddSimpleConsole(console => console.TimestampFormat = Omstilling.Runtime.IsoTime.LogTimestampFormat);
        logging.AddFilter("Microsoft.AspNetCore", options.LogLevel < LogLevel.Warning ? LogLevel.Warning : options.LogLevel);
        logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        // A port in use or a part that cannot start is reported in one line (event 9002); the host's own stack trace adds nothing.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        // A circuit's unhandled exception is counted and logged, within its budget, at the web.circuit boundary (CircuitFailureLog).
        logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(Omstilling.Web.Live.CircuitFailureLog.CircuitCategory, LogLevel.None);

        // The cookie keys are kept unencrypted in the data directory (protect it as the database):
        // a key vault or certificate is a deployment's choice, not a warning at every start.
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }

    /// <summary>The web port on every bind address (HTTPS with --tls-cert), and the management listener (always plain HTTP).</summary>
    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, RunOptions options, Func<TlsWiring> tls)
    {
        // Kestrel listens on :: in dual mode, which takes 0.0.0.0 too: the default (both)
        // is one dual-mode listener (IPv4 alone where the machine has no IPv6).
        var addresses = options.Bind.ToList();
        if (addresses.Contains(IPAddress.Any) && addresses.Contains(IPAddress.IPv6Any))
        {
            addresses.RemoveAll(a => a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any));
            kestrel.ListenAnyIP(options.WebPort, listen => TlsWiring.Https(listen, options, tls));
        }

        foreach (var address in addresses)
        {
            kestrel.Listen(address, options.WebPort, listen => TlsWiring.Https(listen, options, tls));
        }

        if (options.Management is { } management)
        {
            kestrel.Listen(management);
        }
    }
}
