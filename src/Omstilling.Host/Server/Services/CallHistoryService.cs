namespace Omstilling.Host.Server.Services;

/// <summary>
/// The calls' events to their consumers and the call history: started before SIP answers, and
/// stopped after SIP, so the last calls' events (ended by the stop included) are delivered and
/// written before the process ends (docs/history.md).
/// </summary>
internal sealed class CallHistoryService(ServerParts parts) : ServerService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        parts.History.Start();
        parts.Retention.Start();
        parts.Voicemail.StartRetention(() => parts.Policy.Current.Retention.VoicemailDays);
        parts.Pbx.Events.Start();
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await parts.Pbx.Events.DisposeAsync(); // hands the history the last events
        await parts.History.DisposeAsync(); // writes what is left
    }
}
