using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Policy;
using Omstilling.Runtime;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Running;
using Omstilling.Simulator.Script;

namespace Omstilling.Host.Demo;

/// <summary>
/// <c>omstilling run --demo --simulate</c>: the simulator inside the server's process, calling the
/// server's own SIP port from loopback: synthetic citizens call the main number (a few the policy's
/// public direct numbers of people) from the server's present time of day on, synthetic operators
/// answer on 100-103 (the demo's phones) and put some through on the switchboard's control to
/// colleagues' phones (2001-2012), at 20 times
/// the day's speed, so the console, the wallboard and the reports come alive within a minute.
/// Ends with the day, or when the server stops.
/// </summary>
internal sealed partial class DemoSimulation : IAsyncDisposable
{
    /// <summary>
    /// 20 times: ringing and prompts stay in real time, so at 60 times four operators would face
    /// a morning's calls several times over and most callers would meet the busy overflow; at 20
    /// the queue fills and empties as on a busy morning, and the day lasts about 25 minutes.
    /// </summary>
    public const double Speed = 20;

    /// <summary>The simulated phones' RTP ports: above the server's default range.</summary>
    private const int FirstRtpPort = 40000;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private DemoSimulation(IPEndPoint server, TelephonePolicy policy, IOperatorConsole console, TimeProvider time, ILoggerFactory loggers, FaultMonitor faults)
    {
        var logger = loggers.CreateLogger<DemoSimulation>();
        _running = RunAsync(server, policy, console, time, loggers, logger, _stop.Token);
        faults.Boundary("host.simulation").Observe(_running, null, "the demo's simulation");
    }

    /// <summary>Where a simulating demo's clock starts: 09:00 today, or on the next weekday (the switchboard is open then).</summary>
    public static DateTime Morning(TelephonePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var day = policy.ToLocal(time.GetUtcNow()).Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day.AddHours(9);
    }

    /// <summary>Starts the simulation against the server's SIP port on <paramref name="server"/>.</summary>
    public static DemoSimulation Start(IPEndPoint server, TelephonePolicy policy, ISwitchboardControl switchboard, TimeProvider time, ILoggerFactory loggers, FaultMonitor faults) =>
        new(server, policy, new SwitchboardConsole(switchboard), time, loggers, faults);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (Exception e) when (e is OperationCanceledException or PhoneException)
        {
            // Stopped with the server, or already logged where it failed.
        }

        _stop.Dispose();
    }

    private static async Task RunAsync(IPEndPoint server, TelephonePolicy policy, IOperatorConsole console, TimeProvider time, ILoggerFactory loggers, ILogger logger, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the server's start goes on
        var now = policy.ToLocal(time.GetUtcNow());
        var seed = Random.Shared.Next();
        var profile = new SimulationProfile();
        var directLines = Cli.DirectLines.Of(policy);
        var script = ScriptWriter.Write(profile, DateOnly.FromDateTime(now), seed, policy.MainNumber, directLines);
        var operators = Cli.OperatorAccounts.Demo(policy.Operators);
        var staff = Cli.OperatorAccounts.Demo(profile.Staff);
        var directStaff = Cli.OperatorAccounts.Demo(directLines.Select(l => l.Extension).Distinct(StringComparer.Ordinal));
        try
        {
            await using var network = await PhoneNetwork.StartAsync(
                new PhoneNetworkOptions(server, server.Address, FirstRtpPort: FirstRtpPort, LastRtpPort: FirstRtpPort + 1998), time, loggers, cancellationToken);
            LogSimulating(logger, seed, now.TimeOfDay);
            var options = new SimulationOptions(operators, Speed, From: now.TimeOfDay) { Staff = staff, DirectStaff = directStaff };
            var simulation = new Simulation(network, options, console, time, loggers.CreateLogger<Simulation>());
            var summary = await simulation.RunAsync(script, cancellationToken);
            LogDone(logger, summary.ToString());
        }
        catch (PhoneException e)
        {
            LogFailed(logger, e.Message);
            throw;
        }
    }

    [LoggerMessage(EventId = 9030, Level = LogLevel.Information, Message = "Simulating the day's calls from {From} on (seed {Seed}): omstilling simulate --seed {Seed} makes the same day")]
    private static partial void LogSimulating(ILogger logger, int seed, TimeSpan from);

    [LoggerMessage(EventId = 9031, Level = LogLevel.Information, Message = "The simulated day is over: {Summary}")]
    private static partial void LogDone(ILogger logger, string summary);

    [LoggerMessage(EventId = 9032, Level = LogLevel.Warning, Message = "The simulation stopped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
