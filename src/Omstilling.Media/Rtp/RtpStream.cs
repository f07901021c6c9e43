using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Omstilling.Media.Clock;
using Omstilling.Media.Codecs;
using Omstilling.Media.Dtmf;
using Omstilling.Media.Sdp;
using Omstilling.Runtime;

namespace Omstilling.Media.Rtp;

/// <summary>
/// One RTP session (RFC 3550) with a phone: our SSRC, sequence numbers and timestamps, which stay
/// continuous whoever feeds the stream (a prompt, the other party, music on hold), so a transfer or
/// a hold never makes the phone see a new source. Incoming packets go to the current
/// <see cref="Listener"/>; DTMF events are decoded here. Symmetric RTP: we send to the address the
/// phone's packets come from, which reaches phones behind NAT whatever their SDP said.
/// Thread-safe: sends are serialized by a lock; receiving runs on its own async loop.
/// </summary>
public sealed partial class RtpStream : IAsyncDisposable
{
    /// <summary>A gap longer than this in what we send starts a talkspurt: marker bit and a timestamp jump (RFC 3551 §4.1).</summary>
    private static readonly long GapTicks = Stopwatch.Frequency * 60 / 1000;

    /// <summary>
    /// The largest RTP packet read (a UDP datagram beyond it is cut). The send buffer is as large,
    /// so every payload received can be relayed: a bridge or echo sends what the phone sent.
    /// </summary>
    private const int MaxPacket = 2048;

    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly Action<RtpStream> _released;
    private readonly ILogger _logger;
    private readonly FaultBoundary _receiveFaults;
    private readonly Lock _sendLock = new();
    private readonly byte[] _sendBuffer = new byte[MaxPacket + Srtp.SrtpSession.MaxOverhead];
    private readonly CancellationTokenSource _stop = new();
    private readonly Rfc4733Receiver _dtmf = new();
    private readonly ReceptionStatistics _reception = new();

    // The receive thread updates the statistics and the clock thread reports them; the clock only
    // tries this lock (TrySendReport), so it never waits for a receive thread it pre-empted.
    private readonly Lock _receptionLock = new();
    private SocketAddress? _remote;
    private SocketAddress? _remoteRtcp;
    private bool _latched;
    private ushort _sequence;
    private uint _timestamp;
    private long _lastSend;
    private int _disposed;
    private readonly EpollReceiver? _receiver;
    private readonly byte[] _receiveBuffer = new byte[MaxPacket];
    private readonly SocketAddress _receiveFrom;

    // RTCP is read apart from RTP: its socket's events may be taken by another receive thread at the same time.
    private readonly byte[] _rtcpBuffer = new byte[1500];
    private readonly SocketAddress _rtcpFrom;
    private long _malformed;
    private long _reportsReceived;
    private long _reportsSent;
    private Task _receiving = Task.CompletedTask;
    private ulong _rtpRegistration;
    private ulong _rtcpRegistration;
    private bool _started;

    internal RtpStream(Socket rtp, Socket rtcp, string cname, Action<RtpStream> released, ILogger logger, EpollReceiver? receiver, FaultBoundary receiveFaults)
    {
        _receiveFaults = receiveFaults;
        _rtp = rtp;
        _rtcp = rtcp;
        _receiver = receiver;
        _released = released;
        _logger = logger;
        Cname = cname;
        LocalEndPoint = (IPEndPoint)rtp.LocalEndPoint!;
        _receiveFrom = new SocketAddress(LocalEndPoint.AddressFamily);
        _rtcpFrom = new SocketAddress(LocalEndPoint.AddressFamily);
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        Ssrc = BitConverter.ToUInt32(random);
        _sequence = BitConverter.ToUInt16(random[4..]);
        _timestamp = BitConverter.ToUInt32(random[6..]);
    }

    public IPEndPoint LocalEndPoint { get; }

    public uint Ssrc { get; }

    public string Cname { get; }

    public AudioCodec Codec { get; private set; } = AudioCodec.Pcma;

    public MediaDirection Direction { get; private set; } = MediaDirection.Inactive;

    /// <summary>Where we send: the phone's SDP address until its first packet shows where it really is.</summary>
    public IPEndPoint? Remote { get; private set; }

    public IRtpListener? Listener { get; set; }

    public long PacketsSent { get; private set; }

    public long PacketsReceived { get; private set; }

    /// <summary>Packets that were not valid RTP (counted and dropped).</summary>
    public long MalformedPackets => Interlocked.Read(ref _malformed);

    public ReceptionStatistics Reception => _reception;

    /// <summary>Valid RTCP packets the phone sent us.</summary>
    public long ReportsReceived => Interlocked.Read(ref _reportsReceived);

    /// <summary>RTCP reports sent to the phone.</summary>
    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    private int PayloadType { get; set; } = 8;

    private int? TelephoneEventPayloadType { get; set; }

    /// <summary>Applies what offer/answer settled (again after a re-INVITE); starts receiving on first use.</summary>
    public void Configure(NegotiatedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        lock (_sendLock)
        {
            Codec = audio.Codec;
            PayloadType = audio.PayloadType;
            TelephoneEventPayloadType = audio.TelephoneEventPayloadType;
            Direction = audio.LocalDirection;
            ApplySrtp(audio.Srtp);
            if (Remote is null || !Remote.Address.Equals(audio.Remote.Address) || Remote.Port != audio.Remote.Port)
            {
                PointAt(audio.Remote);
                _latched = false;
            }
        }

        lock (_sendLock)
        {
            if (_started || Volatile.Read(ref _disposed) != 0)
            {
                return;
            }

            _started = true;
            if (_receiver is not null)
            {
                _rtpRegistration = _receiver.Register(_rtp, new Readable(ReadRtp, this));
                _rtcpRegistration = _receiver.Register(_rtcp, new Readable(ReadRtcp, this));
                return;
            }
        }

        // Without epoll: async receives, started inline, each costing nothing until a packet comes.
        _receiving = ReceiveLoopAsync(_stop.Token);
        _receiveFaults.Observe(ReceiveRtcpAsync(_stop.Token), this, "RTCP reception of the stream");
    }

    /// <summary>Sends 20 ms of audio (160 samples), encoded with the negotiated codec.</summary>
    public void SendAudio(ReadOnlySpan<short> pcm)
    {
        Span<byte> payload = stackalloc byte[pcm.Length];
        if (Codec == AudioCodec.Pcma)
        {
            G711.EncodeALaw(pcm, payload);
        }
        else
        {
            G711.EncodeMuLaw(pcm, payload);
        }

        SendPayload(payload, marker: false);
    }

    /// <summary>
    /// Sends an audio payload received from another stream, transcoding when the two phones chose
    /// different G.711 laws. Relayed packets are sent at once, keeping the sender's timing.
    /// </summary>
    public void Relay(ReadOnlySpan<byte> payload, AudioCodec codec, bool marker)
    {
        if (codec == Codec)
        {
            SendPayload(payload, marker);
            return;
        }

        Span<short> pcm = stackalloc short[payload.Length];
        if (codec == AudioCodec.Pcma)
        {
            G711.DecodeALaw(payload, pcm);
        }
        else
        {
            G711.DecodeMuLaw(payload, pcm);
        }

        SendAudio(pcm);
    }

    /// <summary>Sends one RFC 4733 event packet (the DTMF sender paces them on the media clock).</summary>
    internal void SendEvent(ReadOnlySpan<byte> payload, bool marker, uint eventTimestamp)
    {
        if (TelephoneEventPayloadType is not { } pt)
        {
            return;
        }

        lock (_sendLock)
        {
            if (!Direction.Sends() || _remote is null)
            {
                return;
            }

            new RtpHeader(marker, (byte)pt, _sequence++, eventTimestamp, Ssrc).Write(_sendBuffer);
            payload.CopyTo(_sendBuffer.AsSpan(RtpHeader.Size));
            Transmit(RtpHeader.Size + payload.Length);
        }
    }

    /// <summary>
    /// The timestamp a DTMF event starting now carries: the media timestamp projected to this moment
    /// on the wall clock, so events sent while no audio flows still get distinct, advancing times.
    /// </summary>
    internal uint CurrentTimestamp
    {
        get
        {
            lock (_sendLock)
            {
                if (_lastSend == 0)
                {
                    _lastSend = Stopwatch.GetTimestamp();
                    return _timestamp;
                }

                var elapsed = (Stopwatch.GetTimestamp() - _lastSend) * 8000 / Stopwatch.Frequency;
                var projected = _timestamp - 160 + (uint)elapsed;
                return (int)(projected - _timestamp) > 0 ? projected : _timestamp;
            }
        }
    }

    /// <summary>Whether the peer can receive RFC 4733 events (it offered telephone-event).</summary>
    public bool CanSendDigits => TelephoneEventPayloadType is not null;

    /// <summary>Closes the sockets and gives the ports back at once; the receive loop ends by itself.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        if (_receiver is not null && _started)
        {
            _receiver.Unregister(_rtpRegistration);
            _receiver.Unregister(_rtcpRegistration);
        }

        _rtp.Dispose();
        _rtcp.Dispose();
        DisposeSrtp();
        _released(this);
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Expected.
        }
    }

    private void SendPayload(ReadOnlySpan<byte> payload, bool marker)
    {
        lock (_sendLock)
        {
            if (!Direction.Sends() || _remote is null)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            if (_lastSend != 0 && now - _lastSend > GapTicks)
            {
                // Keep the timestamp on the wall clock across a pause so the phone's jitter buffer is not confused.
                _timestamp += (uint)((now - _lastSend) * 8000 / Stopwatch.Frequency) - (uint)payload.Length;
                marker = true;
            }

            _lastSend = now;
            new RtpHeader(marker, (byte)PayloadType, _sequence++, _timestamp, Ssrc).Write(_sendBuffer);
            payload.CopyTo(_sendBuffer.AsSpan(RtpHeader.Size));
            _timestamp += (uint)payload.Length;
            Transmit(RtpHeader.Size + payload.Length);
        }
    }

    private void Transmit(int length)
    {
        length = ProtectRtp(length);
        try
        {
            _rtp.SendTo(_sendBuffer.AsSpan(0, length), SocketFlags.None, _remote!);
            PacketsSent++;
        }
        catch (SocketException)
        {
            // ICMP unreachable from an earlier packet, or the peer is gone: media is best effort.
        }
        catch (ObjectDisposedException)
        {
            // Closed while a sender was still ticking.
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxPacket];
        var from = new SocketAddress(LocalEndPoint.AddressFamily);
        while (!cancellationToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _rtp.ReceiveFromAsync(buffer, SocketFlags.None, from, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // ICMP errors surface here on Linux; the stream goes on.
            }

            try
            {
                OnPacket(buffer.AsSpan(0, received), from);
            }
#pragma warning disable CA1031 // The boundary: one packet must not end the stream's reception.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _receiveFaults.Contain(e, this, "a media packet");
            }
        }
    }

    private void OnPacket(Span<byte> packet, SocketAddress from)
    {
        if (!UnprotectRtp(ref packet))
        {
            return;
        }

        if (!RtpHeader.TryParse(packet, out var header, out var range))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        PacketsReceived++;
        Latch(from);
        var payload = packet[range];
        if (header.PayloadType == TelephoneEventPayloadType)
        {
            // An event is taken only by a listener: a key press whose first packets come before the
            // call has attached one (the phone may send right after its ACK, while we still set up)
            // is reported by the first of its later packets that finds one, not lost with the first.
            if (Listener is { } listener && _dtmf.Receive(header.Timestamp, payload) is { } digit)
            {
                listener.OnDigit(this, digit);
            }

            return;
        }

        if (header.PayloadType != PayloadType || !Direction.Receives())
        {
            return; // comfort noise, an unexpected codec, or media while we asked for none
        }

        lock (_receptionLock)
        {
            _reception.Update(header, Stopwatch.GetTimestamp() * 8000 / Stopwatch.Frequency);
        }

        Listener?.OnAudio(this, payload, header.Marker);
    }

    /// <summary>
    /// Sends RTP to <paramref name="endPoint"/> and RTCP to the port above it (RFC 3550 §11), or no
    /// RTCP when RTP comes from port 65535 (a NAT may pick it); under the send lock.
    /// </summary>
    private void PointAt(IPEndPoint endPoint)
    {
        Remote = endPoint;
        _remote = endPoint.Serialize();
        _remoteRtcp = RtcpPort.Above(endPoint)?.Serialize();
    }

    /// <summary>Symmetric RTP (RFC 4961): the first packets tell us where the phone really is.</summary>
    private void Latch(SocketAddress from)
    {
        if (_latched && from.Equals(_remote))
        {
            return;
        }

        lock (_sendLock)
        {
            if (_latched && from.Equals(_remote))
            {
                return;
            }

            if (!from.Equals(_remote))
            {
                var endPoint = (IPEndPoint)LocalEndPoint.Create(from);
                LogLatched(LocalEndPoint.Port, endPoint);
                PointAt(endPoint);
            }

            _latched = true;
        }
    }

    /// <summary>One packet from the RTP socket, on a receive thread (never two at once for one socket).</summary>
    private void ReadRtp()
    {
        int received;
        try
        {
            received = _rtp.ReceiveFrom(_receiveBuffer, SocketFlags.None, _receiveFrom);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return; // nothing there after all, an ICMP error, or closed meanwhile
        }

        OnPacket(_receiveBuffer.AsSpan(0, received), _receiveFrom);
    }

    /// <summary>Where a failure is logged: our port and the phone's address.</summary>
    public override string ToString() => $"RTP port {LocalEndPoint.Port} with {Remote?.ToString() ?? "no phone yet"}";

    private sealed class Readable(Action read, RtpStream stream) : EpollReceiver.IReadable
    {
        public void OnReadable() => read();

        public override string ToString() => stream.ToString();
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "RTP on port {Port} now goes to {Remote} (symmetric RTP)")]
    private partial void LogLatched(int port, IPEndPoint remote);
}
