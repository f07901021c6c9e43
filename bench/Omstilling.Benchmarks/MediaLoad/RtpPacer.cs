using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Omstilling.Media.Clock;

namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// The talking side of every bridged call of a run: sends one 20 ms A-law packet to each target
/// every 20 ms from one socket, on an absolute schedule. Phones are independent, so their packets
/// are not sent in one burst: targets are spread over ten 2 ms phases, as phones that started at
/// different moments would be (one 1,000-packet burst would only measure the kernel's softirq
/// budget). The first payload bytes carry the send time (<see cref="SendClock"/>), so the meter can
/// tell the server's delay variation from the pacer's own. Allocates nothing while it runs.
/// Not the server's <see cref="MediaClock"/>, which resynchronises after a long stall: phones on
/// other machines would not have stalled, so the pacer always sends what they would have sent by then.
/// </summary>
internal sealed class RtpPacer : IDisposable
{
    private const int Phases = 10;
    private readonly Socket _socket;
    private readonly Lock _lock = new();
    private readonly Target[][] _phases = [.. Enumerable.Range(0, Phases).Select(_ => Array.Empty<Target>())];
    private readonly TimingHistogram _sendDeviation = new();
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _added;

    public RtpPacer(Socket socket)
    {
        _socket = socket;
        _thread = new Thread(Run) { IsBackground = true, Priority = ThreadPriority.Highest, Name = "RTP pacer" };
        _thread.Start();
    }

    public void Add(IPEndPoint target)
    {
        lock (_lock)
        {
            var phase = _added++ % Phases;
            _phases[phase] = [.. _phases[phase], new Target(target.Serialize(), (uint)Random.Shared.Next())];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            for (var i = 0; i < Phases; i++)
            {
                _phases[i] = [];
            }
        }
    }

    /// <summary>Forgets the send timing measured so far.</summary>
    public void Reset()
    {
        lock (_sendDeviation)
        {
            _sendDeviation.Clear();
        }
    }

    /// <summary>|interval − 20 ms| between two sends to one target, p99 and max in milliseconds: the pacer's own jitter.</summary>
    public (double P99, double Max, long Over5Ms) SendJitter()
    {
        lock (_sendDeviation)
        {
            return (_sendDeviation.Percentile(0.99), _sendDeviation.Max(), _sendDeviation.CountAbove(5));
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(2));
    }

    private void Run()
    {
        // Above the server's receive threads (39), so the phones keep their own timing and the
        // receiving side's intervals show the server's. Below them (38) the server's |D| p99 fell
        // to 0.04 ms, but its threads pre-empted the pacer at every packet: twice the server's
        // CPU and a sender p99 of 3.5 ms. At 39, in between.
        RealTimePriority.TryRaiseCurrentThread(40);
        var packet = new byte[12 + 160];
        Array.Fill(packet, (byte)0xD5, 12, 160);
        var phaseTicks = Stopwatch.Frequency / 50 / Phases;
        var next = Stopwatch.GetTimestamp();
        for (long n = 0; !_stopping; n++)
        {
            next += phaseTicks;
            PreciseSleep.Until(next);
            lock (_sendDeviation)
            {
                SendPhase(Volatile.Read(ref _phases[n % Phases]), packet);
            }
        }
    }

    /// <summary>One packet to each target of a phase; under the send-timing lock, taken once per phase.</summary>
    private void SendPhase(Target[] targets, byte[] packet)
    {
        foreach (var t in targets)
        {
            packet[0] = 0x80;
            packet[1] = 8;
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), t.Sequence++);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), t.Timestamp);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), t.Ssrc);
            t.Timestamp += 160;
            var sent = SendClock.Now();
            BinaryPrimitives.WriteInt64BigEndian(packet.AsSpan(12), sent);
            try
            {
                _socket.SendTo(packet, SocketFlags.None, t.Address);
            }
            catch (SocketException)
            {
                // A stream closed under us at the end of the run.
            }

            if (t.LastSent != 0)
            {
                _sendDeviation.Add(Math.Abs(sent - t.LastSent - 20_000_000));
            }

            t.LastSent = sent;
        }
    }

    private sealed class Target(SocketAddress address, uint ssrc)
    {
        public SocketAddress Address { get; } = address;

        public uint Ssrc { get; } = ssrc;

        public ushort Sequence { get; set; }

        public uint Timestamp { get; set; }

        public long LastSent { get; set; }
    }
}
