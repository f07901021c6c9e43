namespace Omstilling.Host.Server.Services;

/// <summary>The outbox that e-mails telefonbeskeder and voicemails (with --smtp): woken by each voicemail kept, and emptied of what it is sending at the stop.</summary>
internal sealed class MailService(ServerParts parts) : ServerService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (parts.Outbox is { } outbox)
        {
            outbox.Start();
            parts.Voicemail.Kept += outbox.Notify;
        }

        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (parts.Outbox is { } outbox)
        {
            parts.Voicemail.Kept -= outbox.Notify;
            await outbox.DisposeAsync();
        }
    }
}
