using System.Net;
using Omstilling.Calls.Events;
using Omstilling.Sip.Transport;

namespace Omstilling.Host.Server.Services;

/// <summary>
/// SIP on every bind address, UDP and TCP (and TLS with --tls-cert). Its ports are bound at the start (a port in use stops
/// the start with one line), but SIP answers only once every part listens and the warm-up is done.
/// At the stop it drains: new calls are refused 503 with Retry-After, the calls up may go on for
/// the drain time (--drain-seconds), and those still up then are ended with BYE.
/// </summary>
internal sealed partial class SipService(ServerParts parts, ILogger logger) : ServerService
{
    /// <summary>How long the BYEs of the calls ended at the stop may take to be answered.</summary>
    private static readonly TimeSpan ByeGrace = TimeSpan.FromSeconds(2);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var (stack, options) = (parts.Stack, parts.Options);
        try
        {
            foreach (var address in options.Bind)
            {
                var endPoint = new IPEndPoint(address, options.SipPort);
                stack.AddTransport(new UdpTransport(endPoint, stack.Options.Limits, parts.Faults, parts.Loggers.CreateLogger<UdpTransport>()));
                stack.AddTransport(new TcpTransport(endPoint, stack.Options.Limits, parts.Faults, parts.Loggers.CreateLogger<TcpTransport>()));
            }
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ServerStartException($"cannot listen on SIP port {options.SipPort}: {e.Message}", e);
        }

        parts.Tls.AddTransports(stack, parts.Time, parts.Faults, parts.Loggers);

        return Task.CompletedTask;
    }

    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        await parts.Stack.StartAsync(parts.Pbx.Server, cancellationToken);
        parts.Pbx.TrunkRegistration?.Start();
    }

    public override async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var calls = parts.Pbx.Calls;
        var drain = parts.Options.Drain;
        parts.Stack.Setup.Close();
        LogDraining(logger, calls.ActiveCalls, drain.TotalSeconds);
        using var ended = new SemaphoreSlim(0);
        using (parts.Pbx.Events.Subscribe("the drain", e => Wake(e, ended)))
        {
            var deadline = parts.Time.GetTimestamp() + (long)(drain.TotalSeconds * parts.Time.TimestampFrequency);
            while (calls.ActiveCalls > 0 && Remaining(deadline) is { } left && left > TimeSpan.Zero)
            {
                await ended.WaitAsync(left, cancellationToken);
            }
        }

        if (calls.ActiveCalls > 0)
        {
            LogEnded(logger, calls.EndAllCalls());
            await WaitForByesAsync(cancellationToken);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        parts.Pbx.TrunkRegistration?.Dispose();
        return Task.CompletedTask;
    }

    private static void Wake(CallEvent e, SemaphoreSlim ended)
    {
        if (e.Kind == CallEventKind.Ended)
        {
            ended.Release();
        }
    }

    private TimeSpan? Remaining(long deadline) => deadline > parts.Time.GetTimestamp() ? parts.Time.GetElapsedTime(parts.Time.GetTimestamp(), deadline) : null;

    /// <summary>The BYEs just sent are client transactions: their answers are waited for, briefly, before the sockets close.</summary>
    private async Task WaitForByesAsync(CancellationToken cancellationToken)
    {
        var deadline = parts.Time.GetTimestamp() + (long)(ByeGrace.TotalSeconds * parts.Time.TimestampFrequency);
        while (parts.Stack.ClientTransactionCount > 0 && Remaining(deadline) is not null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), parts.Time, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 9061, Level = LogLevel.Information, Message = "Stopping: new calls are refused (503); the {Calls} calls up may go on for up to {Seconds} s")]
    private static partial void LogDraining(ILogger logger, int calls, double seconds);

    [LoggerMessage(EventId = 9062, Level = LogLevel.Warning, Message = "Stopping: {Count} calls still up after the drain time were ended with BYE")]
    private static partial void LogEnded(ILogger logger, int count);
}
