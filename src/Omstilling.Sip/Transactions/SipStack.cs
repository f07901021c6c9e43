using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Metrics;
using Omstilling.Sip.Security;
using Omstilling.Sip.Timing;
using Omstilling.Runtime;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// The transport and transaction layers of RFC 3261 (§17, §18): receives messages from the
/// transports, matches them to transactions, creates server transactions for new requests and
/// hands them to the <see cref="ISipCore"/>, and sends requests in client transactions.
/// Thread-safe; all timers run on one <see cref="SipScheduler"/>.
/// </summary>
public sealed partial class SipStack : ISipTransportSink, IAsyncDisposable
{
    private readonly ConcurrentDictionary<TransactionKey, ServerTransaction> _serverTransactions = new();
    private readonly ConcurrentDictionary<TransactionKey, ClientTransaction> _clientTransactions = new();
    private readonly List<ISipTransport> _transports = [];
    private readonly ConcurrentDictionary<IPAddress, IPAddress> _localAddressFor = new();
    private readonly ILogger<SipStack> _logger;
    private ISipCore? _core;

    /// <param name="faults">The process's fault boundaries: the scheduler's timers (<c>sip.timer</c>) and sends nobody awaits (<c>sip.send</c>) are contained there.</param>
    /// <param name="meters">Where the stack's instruments go (<see cref="SipMetrics"/>); none without one (tests, benchmarks).</param>
    public SipStack(SipStackOptions options, TimeProvider time, ILoggerFactory loggerFactory, FaultMonitor faults, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(faults);
        Options = options;
        _logger = loggerFactory.CreateLogger<SipStack>();
        _sendFaults = faults.Boundary("sip.send");
        Scheduler = new SipScheduler(time, faults);
        _malformedLog = new LogRateLimit(time, perWindow: 20, TimeSpan.FromSeconds(10));
        _overloadLog = new LogRateLimit(time, perWindow: 1, TimeSpan.FromSeconds(10));
        Guard = options.Abuse is { } abuse ? new SourceGuard(abuse, Scheduler, loggerFactory.CreateLogger<SourceGuard>()) : null;
        Setup = new SetupGate(options.Abuse?.MaxCallsInSetup ?? 0);
        _metrics = meters is null ? null : new SipMetrics(meters, () => MalformedCount, () => (ServerTransactionCount, ClientTransactionCount));
    }

    public SipStackOptions Options { get; }

    public SipTimerSettings Timers => Options.Timers;

    public SipScheduler Scheduler { get; }

    /// <summary>The per-source limits (<see cref="SipStackOptions.Abuse"/>); null without them.</summary>
    public SourceGuard? Guard { get; }

    /// <summary>New INVITEs waiting for their final answer, and the overload limit on them.</summary>
    public SetupGate Setup { get; }

    public IReadOnlyList<ISipTransport> Transports => _transports;

    /// <summary>Live server transactions, for tests and metrics.</summary>
    public int ServerTransactionCount => _serverTransactions.Count;

    /// <summary>Live client transactions, for tests and metrics.</summary>
    public int ClientTransactionCount => _clientTransactions.Count;

    /// <summary>Messages that could not be parsed, since start.</summary>
    public long MalformedCount => Interlocked.Read(ref _malformed);

    private long _malformed;
    private readonly SipMetrics? _metrics;
    private readonly LogRateLimit _malformedLog;
    private readonly LogRateLimit _overloadLog;
    private readonly FaultBoundary _sendFaults;

    /// <summary>Adds a transport before <see cref="StartAsync"/>.</summary>
    public void AddTransport(ISipTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (_core is not null)
        {
            throw new InvalidOperationException("Add transports before the stack starts.");
        }

        _transports.Add(transport);
    }

    public async Task StartAsync(ISipCore core, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(core);
        _core = core;
        foreach (var transport in _transports)
        {
            await transport.StartAsync(this, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _transports)
        {
            await transport.DisposeAsync();
        }

        Scheduler.Dispose();
    }

    /// <summary>
    /// Sends a request in a new client transaction. Adds the top Via (our sent-by, a fresh branch,
    /// rport) and a Max-Forwards of 70 when absent.
    /// </summary>
    public ClientTransaction SendRequest(SipRequest request, SipEndPoint destination, IClientTransactionOwner owner, object? tag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(owner);
        if (request.Method == SipMethod.Ack)
        {
            throw new ArgumentException("ACK has no transaction; use SendAck.", nameof(request));
        }

        var transport = TransportFor(destination);
        PrepareOutgoing(request, transport, destination);
        return StartClientTransaction(request, destination, transport, owner, tag);
    }

    /// <summary>Sends an ACK for a 2xx (§13.2.2.4): its own branch, no transaction, sent once per call.</summary>
    public void SendAck(SipRequest ack, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(ack);
        var transport = TransportFor(destination);
        PrepareOutgoing(ack, transport, destination);
        Send(transport, destination.EndPoint, Serialization.SipMessageWriter.ToBytes(ack), ack);
    }

    /// <summary>Sends a response outside any transaction (a 2xx retransmission answered again, or an error to a bad request).</summary>
    public void SendStateless(SipResponse response, IncomingMessage request)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(request);
        var target = ResponseRouting.TargetFor(response.TopVia, request.Source);
        Send(request.Transport, target, Serialization.SipMessageWriter.ToBytes(response), response);
    }

    /// <summary>
    /// The transport for a destination: same protocol and address family. With several bound
    /// addresses (--bind 127.0.0.1 --bind 10.0.0.5), the one the operating system routes the
    /// destination from; a socket bound to another address could not reach it (EINVAL from
    /// loopback to the network), else one bound to every address, else the first.
    /// </summary>
    public ISipTransport TransportFor(SipEndPoint destination)
    {
        ISipTransport? first = null;
        var candidates = 0;
        foreach (var t in _transports)
        {
            if (t.Kind == destination.Transport && t.LocalEndPoint.AddressFamily == destination.EndPoint.AddressFamily)
            {
                first ??= t;
                candidates++;
            }
        }

        if (first is null)
        {
            throw new InvalidOperationException($"No {destination.Transport} transport for {destination.EndPoint.AddressFamily}.");
        }

        return candidates == 1 ? first : RoutedTransport(destination, first);
    }

    private ISipTransport RoutedTransport(SipEndPoint destination, ISipTransport first)
    {
        var source = RouteSource(destination.EndPoint.Address);
        ISipTransport? wildcard = null;
        foreach (var t in _transports)
        {
            if (t.Kind != destination.Transport || t.LocalEndPoint.AddressFamily != destination.EndPoint.AddressFamily)
            {
                continue;
            }

            var bound = t.LocalEndPoint.Address;
            if (bound.Equals(source))
            {
                return t;
            }

            if (bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any))
            {
                wildcard ??= t;
            }
        }

        return wildcard ?? first;
    }

    /// <summary>Our address and port as a peer at <paramref name="destination"/> should see them (Via sent-by, Contact).</summary>
    public IPEndPoint LocalEndPointFor(SipEndPoint destination)
    {
        var transport = TransportFor(destination);
        return new IPEndPoint(LocalAddressFor(transport, destination.EndPoint.Address), transport.LocalEndPoint.Port);
    }

    internal ClientTransaction StartClientTransaction(SipRequest request, SipEndPoint destination, ISipTransport transport, IClientTransactionOwner owner, object? tag = null)
    {
        ClientTransaction transaction = request.Method == SipMethod.Invite
            ? new ClientInviteTransaction(this, request, destination, transport, owner) { Tag = tag }
            : new ClientNonInviteTransaction(this, request, destination, transport, owner) { Tag = tag };
        _clientTransactions[transaction.Key] = transaction;
        transaction.Start();
        return transaction;
    }

    internal void Forget(ServerTransaction transaction) =>
        _serverTransactions.TryRemove(new KeyValuePair<TransactionKey, ServerTransaction>(transaction.Key, transaction));

    internal void Forget(ClientTransaction transaction) =>
        _clientTransactions.TryRemove(new KeyValuePair<TransactionKey, ClientTransaction>(transaction.Key, transaction));

    /// <summary>Sends bytes; failures are logged and, for a client transaction, reported to it as a 503.</summary>
    internal void Send(ISipTransport transport, IPEndPoint target, byte[] bytes, SipMessage? message, ClientTransaction? transaction = null)
    {
        if (message is not null)
        {
            _metrics?.OnSent(message);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                LogSent(target, SipTrace.Format(message));
            }
        }

        ValueTask pending;
        try
        {
            pending = transport.SendAsync(target, bytes, CancellationToken.None);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // Reported from the scheduler, never from inside the caller's own Send (which may hold its locks).
            Scheduler.Schedule(TimeSpan.Zero, _ => SendFailed(e, target, transaction));
            return;
        }

        if (!pending.IsCompletedSuccessfully)
        {
            // The expected failures end in SendFailed; anything else is contained, not left unobserved.
            _sendFaults.Observe(ObserveAsync(pending, target, transaction), target, $"a send of {bytes.Length} bytes");
        }
    }

    private async Task ObserveAsync(ValueTask pending, IPEndPoint target, ClientTransaction? transaction)
    {
        try
        {
            await pending;
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            SendFailed(e, target, transaction);
        }
    }

    private void SendFailed(Exception e, IPEndPoint target, ClientTransaction? transaction)
    {
        LogSendFailed(e, target);
        transaction?.OnTransportError();
    }

    private void PrepareOutgoing(SipRequest request, ISipTransport transport, SipEndPoint destination)
    {
        var local = LocalAddressFor(transport, destination.EndPoint.Address);
        var via = new Via(transport.Kind.ViaToken(), FormatHost(local), transport.LocalEndPoint.Port,
            ParameterList.Of(new SipParameter("branch", SipIds.NewBranch()), new SipParameter("rport", null)));
        request.Headers.Prepend(new SipHeader(HeaderName.Via, via.ToString()));
        if (!request.Headers.Contains(HeaderName.MaxForwards))
        {
            request.Headers.Add(HeaderName.MaxForwards, "70");
        }
    }

    private IPAddress LocalAddressFor(ISipTransport transport, IPAddress remote)
    {
        var bound = transport.LocalEndPoint.Address;
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return bound;
        }

        if (Options.AdvertisedAddress is { } advertised && advertised.AddressFamily == bound.AddressFamily)
        {
            return advertised;
        }

        return RouteSource(remote);
    }

    /// <summary>The source address the operating system routes <paramref name="remote"/> from (remembered per address).</summary>
    private IPAddress RouteSource(IPAddress remote) =>
        _localAddressFor.GetOrAdd(remote, static r =>
        {
            // Connecting a UDP socket sends nothing; it only asks the OS which source address routes to r.
            using var probe = new Socket(r.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(new IPEndPoint(r, 9));
            return ((IPEndPoint)probe.LocalEndPoint!).Address;
        });

    /// <summary>IPv6 addresses are bracketed in Via and URIs.</summary>
    public static string FormatHost(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }
}
