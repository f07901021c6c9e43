using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Media;
using Omstilling.Media.Clock;
using Omstilling.Runtime;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// One SIP stack (one UDP port) and one media server shared by all simulated phones: our own
/// <see cref="SipStack"/> with a <see cref="UdpTransport"/>, a <see cref="MediaClock"/> and a
/// <see cref="MediaServer"/>. Requests are handed to the phone they are for (<see cref="PhoneCore"/>);
/// in-dialog ones to their call. Thread-safe.
/// </summary>
public sealed class PhoneNetwork : IAsyncDisposable
{
    /// <summary>The methods a simulated phone takes (Allow).</summary>
    internal const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, NOTIFY";

    private readonly ConcurrentDictionary<string, SimulatedPhone> _phones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DialogId, SimulatedCall> _dialogs = new();
    private readonly ConcurrentDictionary<SimulatedCall, byte> _calls = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource _stopping = new();
    private readonly MediaClock _clock;
    private readonly IPEndPoint _local;

    private PhoneNetwork(PhoneNetworkOptions options, SipStack stack, MediaClock clock, MediaServer media, FaultMonitor faults, ILoggerFactory loggers)
    {
        Options = options;
        Stack = stack;
        _clock = clock;
        MediaServer = media;
        Faults = faults;
        Logger = loggers.CreateLogger<PhoneNetwork>();
        Background = faults.Boundary("simulator.phones");
        Server = new SipEndPoint(SipTransportKind.Udp, options.Server);
        ServerHost = SipStack.FormatHost(options.Server.Address);
        var transport = stack.Transports[0];
        _local = new IPEndPoint(options.LocalAddress, transport.LocalEndPoint.Port);
        Host = SipStack.FormatHost(options.LocalAddress);
    }

    public PhoneNetworkOptions Options { get; }

    /// <summary>Where the phones receive SIP.</summary>
    public IPEndPoint SipEndPoint => _local;

    /// <summary>The fault boundaries of the phones' stack and media (each boundary's count stays 0 on a healthy run).</summary>
    public FaultMonitor Faults { get; }

    /// <summary>Calls not yet ended, of all the phones.</summary>
    public int ActiveCalls => _calls.Count;

    internal SipStack Stack { get; }

    internal MediaServer MediaServer { get; }

    internal ILogger Logger { get; }

    /// <summary>The clock the phones wait on (the stack's).</summary>
    internal TimeProvider Time => Stack.Scheduler.Time;

    /// <summary>Where the phones' own background work (handlers, refreshes) is contained.</summary>
    internal FaultBoundary Background { get; }

    /// <summary>Cancelled when the network stops.</summary>
    internal CancellationToken Stopping => _stopping.Token;

    internal SipEndPoint Server { get; }

    /// <summary>The server's host as written in URIs.</summary>
    internal string ServerHost { get; }

    /// <summary>Our host as written in URIs.</summary>
    internal string Host { get; }

    public static async Task<PhoneNetwork> StartAsync(PhoneNetworkOptions options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        var faults = new FaultMonitor(loggers, time);
        var stack = new SipStack(new SipStackOptions { UserAgent = "Omstilling-Simulator" }, time, loggers, faults);
        stack.AddTransport(new UdpTransport(new IPEndPoint(options.LocalAddress, options.SipPort), stack.Options.Limits, faults, loggers.CreateLogger<UdpTransport>()));
        var clock = new MediaClock(loggers.CreateLogger<MediaClock>(), faults);
        var mediaOptions = new MediaOptions { Address = options.LocalAddress, FirstPort = options.FirstRtpPort, LastPort = options.LastRtpPort, Threads = 1 };
        var media = new MediaServer(mediaOptions, clock, time, loggers, faults);
        var network = new PhoneNetwork(options, stack, clock, media, faults, loggers);
        clock.Start();
        await stack.StartAsync(new PhoneCore(network), cancellationToken);
        PhoneLog.Started(network.Logger, network.SipEndPoint, options.Server);
        return network;
    }

    /// <summary>
    /// The phone of <paramref name="user"/> (made on first use); <paramref name="password"/> null
    /// means no credentials (a citizen on the trunk side). Asking again for the same user with other
    /// credentials throws.
    /// </summary>
    public SimulatedPhone Phone(string user, string? password = null, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        var phone = _phones.GetOrAdd(user, u => new SimulatedPhone(this, u, password, displayName));
        if (phone.Password != password)
        {
            throw new InvalidOperationException($"Phone {user} exists with other credentials.");
        }

        return phone;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var phone in _phones.Values)
        {
            phone.Stop();
        }

        foreach (var call in _calls.Keys)
        {
            call.Abandon();
        }

        await Stack.DisposeAsync();
        await MediaServer.DisposeAsync();
        _clock.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The phone a new request is for, by the user of its Request-URI; null when there is none.</summary>
    internal SimulatedPhone? Find(string user) => _phones.GetValueOrDefault(user);

    /// <summary>The call a request in a dialog (or an ACK, or a stray 2xx) belongs to.</summary>
    internal SimulatedCall? Find(DialogId id) => _dialogs.GetValueOrDefault(id);

    /// <summary>Our Contact for a phone: its user at the shared port.</summary>
    internal NameAddress ContactOf(string user) => new(SipUri.Sip(user, Host, _local.Port));

    internal void Index(DialogId id, SimulatedCall call) => _dialogs[id] = call;

    internal void Unindex(DialogId id, SimulatedCall call) => _dialogs.TryRemove(new KeyValuePair<DialogId, SimulatedCall>(id, call));

    internal void Track(SimulatedCall call) => _calls[call] = 0;

    internal void Forget(SimulatedCall call) => _calls.TryRemove(call, out _);
}
