using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// Times every RTP packet arriving at one socket (all streams of a run share it), on a dedicated
/// thread blocked in ReceiveFrom so the timestamps are taken the moment the kernel hands the
/// packet over. Per stream (SSRC): the interval since its previous packet and sequence gaps.
/// </summary>
internal sealed class RtpMeter : IDisposable
{
    /// <summary>Interval histogram in 0.1 ms buckets up to 1 s.</summary>
    private readonly long[] _histogram = new long[10_001];

    /// <summary>|interval - 20 ms| in 0.1 ms buckets.</summary>
    private readonly long[] _deviation = new long[10_001];
    private readonly Dictionary<uint, (long Arrival, ushort Sequence)> _last = [];
    private readonly Lock _lock = new();
    private readonly Thread _thread;
    private readonly bool _wantKernel;
    private volatile bool _stopping;
    private long _packets;
    private long _lost;
    private long _malformed;

    public RtpMeter(IPEndPoint bind, bool kernelTimestamps = true)
    {
        _wantKernel = kernelTimestamps;
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
            Array.Clear(_histogram);
            Array.Clear(_deviation);
            _packets = 0;
            _lost = 0;
            _malformed = 0;
        }
    }

    public Report Snapshot()
    {
        lock (_lock)
        {
            return new Report(KernelTimestamped, _last.Count, _packets, _lost, _malformed, Percentile(_histogram, 0.5), Percentile(_histogram, 0.99), Max(_histogram),
                Percentile(_deviation, 0.99), Max(_deviation));
        }
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
                n = KernelTimestamps.Receive(Socket, buffer, out var nanoseconds);
                if (n < 0 || nanoseconds == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    continue;
                }

                now = Stopwatch.Frequency == 1_000_000_000 ? nanoseconds : (long)(nanoseconds / 1e9 * Stopwatch.Frequency);
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

                now = Stopwatch.GetTimestamp();
            }
            lock (_lock)
            {
                if (n < 12 || (buffer[0] >> 6) != 2)
                {
                    _malformed++;
                    continue;
                }

                var sequence = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2));
                var ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(8));
                _packets++;
                if (_last.TryGetValue(ssrc, out var last))
                {
                    var gap = (ushort)(sequence - last.Sequence);
                    if (gap is > 1 and < 1000)
                    {
                        _lost += gap - 1;
                    }

                    var tenths = Math.Max(0, (now - last.Arrival) * 10_000 / Stopwatch.Frequency);
                    _histogram[Math.Min(tenths, _histogram.Length - 1)]++;
                    _deviation[Math.Min(Math.Abs(tenths - 200), _deviation.Length - 1)]++;
                }

                _last[ssrc] = (now, sequence);
            }
        }
    }

    private static double Percentile(long[] histogram, double p)
    {
        var total = histogram.Sum();
        var target = (long)Math.Ceiling(total * p);
        long seen = 0;
        for (var i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (seen >= target && total > 0)
            {
                return i / 10.0;
            }
        }

        return 0;
    }

    private static double Max(long[] histogram)
    {
        for (var i = histogram.Length - 1; i >= 0; i--)
        {
            if (histogram[i] > 0)
            {
                return i / 10.0;
            }
        }

        return 0;
    }

    /// <summary>Intervals in milliseconds between consecutive packets of one stream.</summary>
    public sealed record Report(bool KernelTimestamps, int Streams, long Packets, long Lost, long Malformed, double IntervalP50, double IntervalP99, double IntervalMax,
        double DeviationP99, double DeviationMax)
    {
        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(KernelTimestamps ? "kernel-timestamped: " : "")}{Streams} streams, {Packets} packets, lost {Lost}, malformed {Malformed}; interval p50 {IntervalP50:F1} ms, p99 {IntervalP99:F1} ms, max {IntervalMax:F1} ms; |interval - 20 ms| p99 {DeviationP99:F1} ms, max {DeviationMax:F1} ms");
    }
}
