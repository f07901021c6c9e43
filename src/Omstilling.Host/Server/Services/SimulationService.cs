using System.Net;
using Omstilling.Host.Demo;

namespace Omstilling.Host.Server.Services;

/// <summary><c>run --demo --simulate</c>: synthetic citizens and operators call this server once it answers SIP.</summary>
internal sealed class SimulationService(ServerParts parts) : ServerService
{
    private DemoSimulation? _simulation;

    public override Task StartedAsync(CancellationToken cancellationToken)
    {
        if (parts.Options.Simulate)
        {
            _simulation = DemoSimulation.Start(OwnSipAddress(parts.Options), parts.Policy.Current, parts.Pbx.Switchboard, parts.Time, parts.Loggers, parts.Faults);
        }

        return Task.CompletedTask;
    }

    public override async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_simulation is { } simulation)
        {
            await simulation.DisposeAsync(); // its phones stop calling before the drain
        }
    }

    /// <summary>Where this server's SIP is reached from this machine: loopback when it listens on every address.</summary>
    private static IPEndPoint OwnSipAddress(Omstilling.Host.Cli.RunOptions options) =>
        new(options.Bind.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !a.Equals(IPAddress.Any)) ?? IPAddress.Loopback, options.SipPort);
}
