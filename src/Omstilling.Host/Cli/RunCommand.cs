using Omstilling.Host.Server;
using Omstilling.Host.Web;
using Omstilling.Web;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling run</c>: the server on the Generic Host (Server/ServerHost) until Ctrl+C or
/// SIGTERM. Composed first (Server/ServerComposition), then started in order: every port bound,
/// the warm-up, SIP answers, "ready". At the stop: new calls refused, the calls up drained, the
/// last events written. Exit 0 however it is stopped; 1 when it cannot start (one line, event 9002).
/// </summary>
internal static partial class RunCommand
{
    public static Task<int> RunAsync(RunOptions options, CancellationToken cancellationToken) => RunAsync(options, started: null, cancellationToken);

    /// <summary>
    /// Runs the server until <paramref name="cancellationToken"/> is cancelled (or Ctrl+C, SIGTERM);
    /// <paramref name="started"/> is given the web app once the server is ready (the tests read
    /// its endpoints from it).
    /// </summary>
    public static async Task<int> RunAsync(RunOptions options, Action<WebApplication>? started, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = StopSignals.Register(stop);
        ServerParts? parts = null;
        WebApplication? app = null;
        var builder = ServerHost.Create(
            options,
            () => parts ?? throw new InvalidOperationException("The server's parts are not made yet."),
            new ServerReadiness(),
            () => app ?? throw new InvalidOperationException("The host is not built yet."),
            started);
        app = builder.Build();
        await using var host = app;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Omstilling");
        try
        {
            parts = await ServerComposition.ComposeAsync(options, app.Services, stop.Token);
        }
        catch (ServerStartException e)
        {
            LogStartFailed(logger, e.Reason);
            return CliInvocation.Failure;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return CliInvocation.Ok;
        }

        await using (parts)
        {
            parts.Tls.UseHsts(app);
            StatusEndpoints.Map(app, parts, app.Services.GetRequiredService<ServerReadiness>());
            PolicyEndpoints.Map(app, parts.Policy, parts.Time);
            MetricsEndpoint.Map(app);
            app.MapOmstillingWeb();
            try
            {
                await app.StartAsync(stop.Token);
            }
            catch (Exception e) when (StartFailure(e, options) is { } reason)
            {
                LogStartFailed(logger, reason);
                await app.StopAsync(CancellationToken.None);
                return CliInvocation.Failure;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                await app.StopAsync(CancellationToken.None);
                return CliInvocation.Ok;
            }

            await app.WaitForShutdownAsync(stop.Token);
        }

        return CliInvocation.Ok;
    }

    /// <summary>Why the start failed, in one line an installer can act on; null when it was not a failure we know (the stop, or a bug).</summary>
    private static string? StartFailure(Exception e, RunOptions options) => e switch
    {
        ServerStartException start => start.Reason,
        IOException io => $"cannot listen on web port {options.WebPort}{(options.Management is { } m ? $" or the management address {m}" : "")}: {io.Message}",
        AggregateException { InnerExceptions: [var only] } => StartFailure(only, options),
        AggregateException many => string.Join("; ", many.InnerExceptions.Select(inner => StartFailure(inner, options)).OfType<string>()) is { Length: > 0 } all ? all : null,
        _ => null,
    };

    [LoggerMessage(EventId = 9002, Level = LogLevel.Critical, Message = "Omstilling cannot start: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string reason);
}
