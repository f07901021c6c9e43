using Omstilling.Host.Cli;

namespace Omstilling.Host.Server.Services;

/// <summary>
/// The start-up warm-up (Cli/Warmup.cs): after every port is bound and before SIP answers, so the
/// first calls meet compiled code and no port chosen for this server can be taken meanwhile.
/// </summary>
internal sealed class WarmupService(ServerParts parts, ILogger logger) : ServerService
{
    public override async Task StartedAsync(CancellationToken cancellationToken) =>
        await Warmup.RunAsync(parts.Options, parts.PbxOptions, parts.Prompts, parts.Policy, () => parts.Directory.Holder.Current, parts.Time, logger, cancellationToken);
}
