using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// Times every RTP packet arriving at one socket (all streams of a run share it), on a dedicated
/// thread blocked in recvmsg so the timestamps are the kernel's (or taken the moment the kernel
/// hands the packet over). Per stream (SSRC): the interval since its previous packet and sequence
/// gaps. With <c>sendStamps</c> the payload starts with the pacer's send time
/// (<see cref="SendClock"/>), and the meter also counts RFC 3550's transit difference
/// D = (R_j − R_i) − (S_j − S_i) between consecutive packets: the delay variation added between
/// sending and arrival (the server, its queues and the kernel), without the sender's own jitter.
/// </summary>
internal sealed class RtpMeter : IDisposable
{
    private const long Period = 20_000_000;

    /// <summary>A packet this late (|D| with send stamps, else |interval − 20 ms|) is kept with its time, to be found in a trace.</summary>
    private const long LateNs = 8_000_000;

    /// <summary>Late packets kept; the list is made this size at once, so the meter never allocates while it counts.</summary>
    private const int LateKept = 10_000;
    private readonly TimingHistogram _intervals = new();
    private readonly TimingHistogram _deviation = new();
    private readonly TimingHistogram _transit = new();
    private readonly Dictionary<uint, Last> _last = [];
    private readonly List<LatePacket> _late = new(LateKept);
    private readonly Lock _lock = new();
    private readonly Thread _thread;
    private readonly bool _wantKernel;
    private readonly bool _sendStamps;
    private volatile bool _stopping;
    private long _packets;
    private long _lost;
    private long _malformed;

    public RtpMeter(IPEndPoint bind, bool kernelTimestamps = true, bool sendStamps = false)
    {
        _wantKernel = kernelTimestamps;
        _sendStamps = sendStamps;
        Socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 * 1024 * 1024 };
        Socket.Bind(bind);
        _thread = new Thread(Run) { IsBackground = true, Priority = ThreadPriority.Highest, Name = "RTP meter" };
        _thread.Start();
    }

    public Socket Socket { get; }

    /// <summary>True when arrival times come from the kernel (SO_TIMESTAMPNS).</summary>
    public bool KernelTimestamped { get; private set; }

    public IPEndPoint EndPoint => (IPEndPoint)Socket.LocalEndPoint!;

    /// <summary>Forgets what was measured so far (streams keep their last arrival, so no interval spans the reset).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _intervals.Clear();
            _deviation.Clear();
            _transit.Clear();
            _late.Clear();
            _packets = 0;
            _lost = 0;
            _malformed = 0;
        }
    }

    public Report Snapshot()
    {
        lock (_lock)
        {
            return new Report(KernelTimestamped, _last.Count, _packets, _lost, _malformed, _intervals.Percentile(0.5), _intervals.Percentile(0.99), _intervals.Max(),
                _deviation.Percentile(0.99), _deviation.Max(), _deviation.CountAbove(5), _transit.Count > 0 ? (_transit.Percentile(0.99), _transit.Max()) : null, Worst());
        }
    }

    /// <summary>The latest packet, and how many streams had one over 8 ms late within 50 ms of it: one stream held back, or all.</summary>
    private WorstPacket? Worst()
    {
        if (_late.Count == 0)
        {
            return null;
        }

        var worst = _late.MaxBy(l => l.Late);
        var streams = _late.Where(l => Math.Abs(l.Arrival - worst.Arrival) <= 50_000_000).Select(l => l.Ssrc).Distinct().Count();
        return new WorstPacket(DateTime.UnixEpoch.AddTicks(worst.Arrival / 100), worst.Late / 1e6, streams, _late.Count);
    }

    public void Dispose()
    {
        _stopping = true;
        Socket.Dispose();
        _thread.Join(TimeSpan.FromSeconds(2));
    }

    private void Run()
    {
        // The instrument must not be late itself: kernel timestamps where Linux gives them, and a
        // real-time thread that allocates nothing (no garbage collection pauses it) either way.
        Omstilling.Media.Clock.RealTimePriority.TryRaiseCurrentThread(30);
        var kernel = _wantKernel && OperatingSystem.IsLinux() && KernelTimestamps.Enable(Socket);
        KernelTimestamped = kernel;
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stopping)
        {
            int n;
            long now;
            if (kernel)
            {
                n = KernelTimestamps.Receive(Socket, buffer, out now);
                if (n < 0 || now == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    continue;
                }
            }
            else
            {
                try
                {
                    n = Socket.ReceiveFrom(buffer, SocketFlags.None, from);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    continue;
                }

                now = SendClock.Now();
            }

            lock (_lock)
            {
                Count(buffer.AsSpan(0, n), now);
            }
        }
    }

    private void Count(ReadOnlySpan<byte> packet, long now)
    {
        if (packet.Length < 12 || (packet[0] >> 6) != 2 || (_sendStamps && packet.Length < 20))
        {
            _malformed++;
            return;
        }

        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        var sent = _sendStamps ? BinaryPrimitives.ReadInt64BigEndian(packet[12..]) : 0;
        _packets++;
        if (_last.TryGetValue(ssrc, out var last))
        {
            var gap = (ushort)(sequence - last.Sequence);
            if (gap is > 1 and < 1000)
            {
                _lost += gap - 1;
            }

            var interval = now - last.Arrival;
            var deviation = Math.Abs(interval - Period);
            _intervals.Add(interval);
            _deviation.Add(deviation);
            // How late: the change in transit time with send stamps (across no gap), else the
            // deviation (the server's own timing, when it sends on its clock).
            long? late = !_sendStamps ? deviation : gap == 1 ? Math.Abs(interval - (sent - last.Sent)) : null;
            if (_sendStamps && late is { } d)
            {
                _transit.Add(d);
            }

            if (late > LateNs && _late.Count < LateKept)
            {
                _late.Add(new LatePacket(now, ssrc, late.Value));
            }
        }

        _last[ssrc] = new Last(now, sequence, sent);
    }

    private readonly record struct Last(long Arrival, ushort Sequence, long Sent);

    private readonly record struct LatePacket(long Arrival, uint Ssrc, long Late);

    /// <summary>When the latest packet arrived (UTC, the kernel's clock), how late (ms), the streams late around it, and all late packets.</summary>
    public sealed record WorstPacket(DateTime Arrival, double Late, int StreamsAround, int LatePackets);

    /// <summary>
    /// Intervals in milliseconds between consecutive packets of one stream, and (with send stamps)
    /// |D|, the change in transit time between them.
    /// </summary>
    public sealed record Report(bool KernelTimestamps, int Streams, long Packets, long Lost, long Malformed, double IntervalP50, double IntervalP99, double IntervalMax,
        double DeviationP99, double DeviationMax, long DeviationsOver5Ms, (double P99, double Max)? TransitDifference, WorstPacket? Worst)
    {
        public override string ToString()
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            var timing = string.Create(culture,
                $"{(KernelTimestamps ? "kernel-timestamped: " : "")}{Streams} streams, {Packets} packets, lost {Lost}, malformed {Malformed}; interval p50 {IntervalP50:F2} ms, p99 {IntervalP99:F2} ms, max {IntervalMax:F2} ms; |interval - 20 ms| p99 {DeviationP99:F2} ms, max {DeviationMax:F2} ms ({DeviationsOver5Ms} over 5 ms)");
            if (TransitDifference is { } d)
            {
                timing += string.Create(culture, $"; transit difference |D| p99 {d.P99:F2} ms, max {d.Max:F2} ms");
            }

            return Worst is { } w
                ? timing + string.Create(culture, $"\n    {w.LatePackets} packets over 8 ms late ({(TransitDifference is null ? "|interval - 20 ms|" : "|D|")}); the worst ({w.Late:F2} ms) arrived {w.Arrival:HH:mm:ss.ffffff} UTC (at {(w.Arrival - DateTime.UnixEpoch).TotalSeconds:F6}), with {w.StreamsAround} streams late within 50 ms of it")
                : timing;
        }
    }
}
