using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calls;
using Omstilling.Directory;
using Omstilling.Media;
using Omstilling.Media.Clock;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Runtime;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Simulator.Phones;

namespace Omstilling.Host.Cli;

/// <summary>
/// Runs the hot paths before the server takes its first call, so the first second after a start
/// is served by compiled code (issue 15: 1,000 calls/s from the moment the server answers). A
/// private server of its own (SIP stack on a loopback UDP port, registrar, digest authentication,
/// the call engine routing through the real policy, a media server) takes registrations and
/// calls from simulated phones on another loopback port until the JIT has gone quiet, and its
/// calls' events are written to a call history of its own (<see cref="WarmupHistory"/>). Nothing of
/// it is visible afterwards: its accounts, registrations, calls, events and history are its own, it has no
/// meters and logs nothing but a line as it starts and one with how long it took, and it is gone before the real SIP
/// stack starts. Bounded: <see cref="WarmupTraffic.MaxDuration"/> at most, and never a reason not
/// to start (a warm-up that fails is reported in that line and the server starts anyway).
/// </summary>
internal static partial class Warmup
{
    /// <summary>
    /// The environment variable that turns the warm-up off (<c>OMSTILLING_WARMUP=off</c>): for the
    /// benchmark's A/B of a cold start with and without it, not for production.
    /// </summary>
    public const string Variable = "OMSTILLING_WARMUP";

    /// <summary>Whether the warm-up is to run: always, unless <see cref="Variable"/> says <c>off</c>.</summary>
    public static bool Enabled(string? setting) => !string.Equals(setting?.Trim(), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Warms up (unless <see cref="Variable"/> is <c>off</c>) and logs that it starts and how it went.
    /// Returns the outcome; only <paramref name="cancellationToken"/> (the server stopping) ends it with an exception.
    /// </summary>
    public static async Task<WarmupOutcome?> RunAsync(RunOptions options, PbxOptions pbxOptions, PromptLibrary prompts, PolicyProvider policy, Func<StaffDirectory> directory, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (!Enabled(Environment.GetEnvironmentVariable(Variable)))
        {
            LogSkipped(logger, Variable);
            return null;
        }

        LogWarming(logger);
        var outcome = await WarmAsync(options, pbxOptions, prompts, policy, directory, time, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            LogIncomplete(logger, outcome.Elapsed.TotalMilliseconds, outcome.Calls, outcome.Registrations, problem);
        }
        else
        {
            LogWarmed(logger, outcome.Elapsed.TotalMilliseconds, outcome.Calls, outcome.Registrations, outcome.HistoryEvents, outcome.MethodsCompiled);
        }

        return outcome;
    }

    /// <summary>
    /// The private server and its phones, the traffic, and everything torn down again; its history's
    /// database in a folder made in <paramref name="temporaryFolder"/> (the system's when null) and removed.
    /// </summary>
    internal static async Task<WarmupOutcome> WarmAsync(RunOptions options, PbxOptions pbxOptions, PromptLibrary prompts, PolicyProvider policy, Func<StaffDirectory> directory, TimeProvider time, CancellationToken cancellationToken, string? temporaryFolder = null)
    {
        var started = time.GetTimestamp();
        var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
        var quiet = NullLoggerFactory.Instance;
        var faults = new FaultMonitor(quiet, time);
        var accounts = new InMemoryAccountStore();
        var credentials = WarmupTraffic.Accounts(number => policy.Current.TryFindNumber(number, out _));
        foreach (var account in credentials.AccountsIn(pbxOptions.Realm))
        {
            accounts.Add(account);
        }

        var loopback = new IPEndPoint(IPAddress.Loopback, 0);
        var mediaOptions = new MediaOptions { Address = IPAddress.Loopback, FirstPort = options.FirstRtpPort, LastPort = options.LastRtpPort, Threads = 1 };
        try
        {
            await using var stack = new SipStack(new SipStackOptions { UserAgent = "Omstilling" }, time, quiet, faults);
            stack.AddTransport(new UdpTransport(loopback, stack.Options.Limits, faults, NullLogger<UdpTransport>.Instance));
            using var clock = new MediaClock(NullLogger<MediaClock>.Instance, faults);
            await using var media = new MediaServer(mediaOptions, clock, time, quiet, faults);
            var pbx = new Pbx(stack, media, prompts, accounts, pbxOptions, quiet, faults, policy);
            clock.Start();
            await using var history = await WarmupHistory.StartAsync(pbx.Events, directory, faults, time, temporaryFolder, cancellationToken);
            pbx.Events.Start();
            await using var events = pbx.Events;
            await stack.StartAsync(pbx.Server, cancellationToken);
            var server = new IPEndPoint(IPAddress.Loopback, stack.Transports[0].LocalEndPoint.Port);
            await using var phones = await PhoneNetwork.StartAsync(
                new PhoneNetworkOptions(server, IPAddress.Loopback, 0, options.FirstRtpPort, options.LastRtpPort), time, quiet, cancellationToken);
            var traffic = await WarmupTraffic.RunAsync(phones, credentials, WarmupTraffic.CallsPerRound(options.LastRtpPort - options.FirstRtpPort + 1), time, started, cancellationToken);
            await events.DisposeAsync(); // the last events to the history, which writes them as it goes
            await history.DisposeAsync();
            return new WarmupOutcome(time.GetElapsedTime(started), traffic.Calls, traffic.Registrations, history.Written,
                System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - methodsBefore, traffic.Problem);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            // A warm-up is an optimisation: whatever stopped it (a port, a socket, a bug) is said
            // in the one line, and the server starts cold.
            return new WarmupOutcome(time.GetElapsedTime(started), 0, 0, 0,
                System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - methodsBefore, $"{e.GetType().Name}: {e.Message}");
        }
    }

    [LoggerMessage(EventId = 9050, Level = LogLevel.Information, Message = "Warmed up in {Milliseconds:F0} ms ({Calls} calls, {Registrations} registrations, {HistoryEvents} history events, {Methods} methods compiled)")]
    private static partial void LogWarmed(ILogger logger, double milliseconds, int calls, int registrations, long historyEvents, long methods);

    [LoggerMessage(EventId = 9051, Level = LogLevel.Warning, Message = "The warm-up stopped after {Milliseconds:F0} ms ({Calls} calls, {Registrations} registrations): {Problem}; the server starts without it")]
    private static partial void LogIncomplete(ILogger logger, double milliseconds, int calls, int registrations, string problem);

    [LoggerMessage(EventId = 9053, Level = LogLevel.Information, Message = "Warming up before SIP answers: a private server on loopback takes calls until the code is compiled (at most 15 s)")]
    private static partial void LogWarming(ILogger logger);

    [LoggerMessage(EventId = 9052, Level = LogLevel.Information, Message = "No warm-up ({Variable}=off): the first calls meet code not yet compiled")]
    private static partial void LogSkipped(ILogger logger, string variable);
}
