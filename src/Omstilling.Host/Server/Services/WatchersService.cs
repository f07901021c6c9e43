using Omstilling.Host.Cli;

namespace Omstilling.Host.Server.Services;

/// <summary>The policy file and the staff directory are followed while the server runs: a change is in force at once (or refused and logged).</summary>
internal sealed class WatchersService(ServerParts parts, ILogger logger) : ServerService, IDisposable
{
    private PolicyWatcher? _policy;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _policy = new PolicyWatcher(parts.PolicyFile, parts.Policy, async (reloaded, token) => await ServerComposition.EnsurePolicyPromptsAsync(parts.Prompts, reloaded, token), parts.Time, parts.Faults, logger);
        parts.Directory.Follow(parts.Time);
        return Task.CompletedTask;
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _policy?.Dispose();
}
