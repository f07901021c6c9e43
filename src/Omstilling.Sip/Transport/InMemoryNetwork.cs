using System.Collections.Concurrent;
using System.Net;

namespace Omstilling.Sip.Transport;

/// <summary>
/// A deterministic network for tests: in-memory transports attach to it by address, and sent
/// bytes wait in a queue until <see cref="Deliver"/> runs, so a test decides when packets arrive,
/// can drop them to simulate loss, and never races a real socket. Thread-safe.
/// </summary>
public sealed class InMemoryNetwork
{
    private readonly ConcurrentDictionary<(SipTransportKind, IPEndPoint), InMemoryTransport> _transports = new();
    private readonly ConcurrentQueue<Packet> _inFlight = new();

    /// <summary>Decides per packet whether it is lost; null delivers everything.</summary>
    public Func<Packet, bool>? Drop { get; set; }

    /// <summary>Every packet ever sent, in order: what a test inspects (unless <see cref="RecordSent"/> is off).</summary>
    public ConcurrentQueue<Packet> Sent { get; } = new();

    /// <summary>Keep every packet in <see cref="Sent"/>; off for load and memory measurements.</summary>
    public bool RecordSent { get; set; } = true;

    /// <param name="secure">Whether what the transport receives counts as secure signalling (as TLS will).</param>
    public InMemoryTransport Attach(SipTransportKind kind, IPEndPoint local, bool secure = false)
    {
        var transport = new InMemoryTransport(this, kind, local, secure);
        if (!_transports.TryAdd((kind, local), transport))
        {
            throw new InvalidOperationException($"{kind} {local} is already attached.");
        }

        return transport;
    }

    /// <summary>Delivers queued packets, including those sent while delivering, until none is left; returns how many.</summary>
    public int Deliver(int maxPackets = 10_000)
    {
        var delivered = 0;
        while (delivered < maxPackets && _inFlight.TryDequeue(out var packet))
        {
            delivered++;
            if (Drop?.Invoke(packet) == true)
            {
                continue;
            }

            if (_transports.TryGetValue((packet.Kind, packet.To), out var target))
            {
                target.Receive(packet);
            }
        }

        return delivered;
    }

    /// <summary>Called on the sending thread once a packet is queued: a test can act in the instant after a send (deliver it elsewhere at once, say).</summary>
    public Action<Packet>? AfterSend { get; set; }

    internal void Send(Packet packet)
    {
        if (RecordSent)
        {
            Sent.Enqueue(packet);
        }

        _inFlight.Enqueue(packet);
        AfterSend?.Invoke(packet);
    }

    internal void Detach(InMemoryTransport transport) => _transports.TryRemove((transport.Kind, transport.LocalEndPoint), out _);

    /// <summary>Bytes on their way from one transport to another.</summary>
    public sealed record Packet(SipTransportKind Kind, IPEndPoint From, IPEndPoint To, byte[] Bytes)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
    }
}
