using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Runtime;

namespace Omstilling.Sip.Tests.Support;

/// <summary>Two stacks, a "client" and a "server", on an in-memory network with one fake clock.</summary>
internal sealed class StackPair : IAsyncDisposable
{
    public static readonly IPEndPoint ClientAddress = new(IPAddress.Parse("192.0.2.1"), 5060);
    public static readonly IPEndPoint ServerAddress = new(IPAddress.Parse("192.0.2.2"), 5060);

    private StackPair(SipTransportKind kind, SipStackOptions? serverOptions)
    {
        Kind = kind;
        Faults = new FaultMonitor(NullLoggerFactory.Instance, Time);
        Client = new SipStack(new SipStackOptions(), Time, NullLoggerFactory.Instance, Faults);
        Server = new SipStack(serverOptions ?? new SipStackOptions(), Time, NullLoggerFactory.Instance, Faults);
        Client.AddTransport(Network.Attach(kind, ClientAddress));
        Server.AddTransport(Network.Attach(kind, ServerAddress));
    }

    public SipTransportKind Kind { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Failures either stack contained.</summary>
    public FaultMonitor Faults { get; }

    public InMemoryNetwork Network { get; } = new();

    public SipStack Client { get; }

    public SipStack Server { get; }

    public TestCore ClientCore { get; } = new();

    public TestCore ServerCore { get; } = new();

    public SipEndPoint ServerEndPoint => new(Kind, ServerAddress);

    /// <param name="serverOptions">The server stack's options (abuse limits, say); the defaults without them.</param>
    public static async Task<StackPair> StartAsync(SipTransportKind kind = SipTransportKind.Udp, SipStackOptions? serverOptions = null)
    {
        var pair = new StackPair(kind, serverOptions);
        await pair.Client.StartAsync(pair.ClientCore, CancellationToken.None);
        await pair.Server.StartAsync(pair.ServerCore, CancellationToken.None);
        return pair;
    }

    public static SipRequest NewRequest(SipMethod method, uint cseq = 1)
    {
        var headers = new SipHeaders();
        headers.Add(HeaderName.From, $"<sip:2001@{ClientAddress.Address}>;tag={SipIds.NewTag()}");
        headers.Add(HeaderName.To, $"<sip:2002@{ServerAddress.Address}>");
        headers.Add(HeaderName.CallId, SipIds.NewCallId("test"));
        headers.Add(HeaderName.CSeq, new CSeq(cseq, method).ToString());
        headers.Add(HeaderName.Contact, $"<sip:2001@{ClientAddress}>");
        return new SipRequest(method, SipUri.Sip("2002", ServerAddress.Address.ToString(), ServerAddress.Port), headers);
    }

    /// <summary>Moves the clock and delivers what the timers sent, in small steps so timer order is kept.</summary>
    public void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var t = TimeSpan.Zero; t < by; t += step)
        {
            Time.Advance(step < by - t ? step : by - t);
            Network.Deliver();
        }
    }

    public void Deliver() => Network.Deliver();

    public IEnumerable<string> SentTexts => Network.Sent.Select(p => p.Text);

    public int CountSent(Func<string, bool> predicate) => Network.Sent.Count(p => predicate(p.Text));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
