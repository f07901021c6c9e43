namespace Omstilling.Host.Server.Services;

/// <summary>
/// Registered last: its <see cref="StartedAsync"/> comes after every other part listens and SIP
/// answers, so "ready" is logged (and /api/health answers 200) only then; its <see cref="StoppingAsync"/>
/// comes first at the stop, so the health probe says "stopping" before the drain begins.
/// </summary>
internal sealed partial class ReadinessService(ServerParts parts, ServerReadiness readiness, Action<WebApplication>? started, WebApplication app, ILogger logger) : ServerService
{
    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        await parts.DemoUsers.WaitAsync(cancellationToken);
        readiness.Ready();
        LogReady(logger, parts.Accounts.Count, parts.Options.SipPort, parts.Options.WebPort);
        LogMedia(logger, parts.MediaAddress, parts.Options.FirstRtpPort, parts.Options.LastRtpPort);
        started?.Invoke(app);
    }

    public override Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.Stopping();
        return Task.CompletedTask;
    }

    public override Task StoppedAsync(CancellationToken cancellationToken)
    {
        LogStopped(logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Omstilling is ready with {Accounts} accounts: SIP port {SipPort} (UDP and TCP), web port {WebPort}")]
    private static partial void LogReady(ILogger logger, int accounts, int sipPort, int webPort);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Media on {Address}, RTP ports {First}-{Last}")]
    private static partial void LogMedia(ILogger logger, System.Net.IPAddress address, int first, int last);

    [LoggerMessage(EventId = 9063, Level = LogLevel.Information, Message = "Omstilling has stopped")]
    private static partial void LogStopped(ILogger logger);
}
