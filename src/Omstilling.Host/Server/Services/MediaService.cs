namespace Omstilling.Host.Server.Services;

/// <summary>The media plane: its clock runs from the start (RTP ports are taken per call leg, from --rtp-ports).</summary>
internal sealed class MediaService(ServerParts parts) : ServerService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        parts.Clock.Start();
        return Task.CompletedTask;
    }
}
