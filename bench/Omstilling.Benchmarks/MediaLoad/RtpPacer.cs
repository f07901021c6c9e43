using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Omstilling.Media.Clock;

namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// Sends one 20 ms A-law packet to each target every 20 ms from one socket, on an absolute
/// schedule: the talking side of a bridged call, for all calls of a run.
/// </summary>
internal sealed class RtpPacer : IDisposable
{
    private readonly Socket _socket;
    private readonly Lock _lock = new();
    private readonly List<Target> _targets = [];
    private readonly Thread _thread;
    private volatile bool _stopping;

    public RtpPacer(Socket socket)
    {
        _socket = socket;
        _thread = new Thread(Run) { IsBackground = true, Priority = ThreadPriority.Highest, Name = "RTP pacer" };
        _thread.Start();
    }

    public long Sent { get; private set; }

    public void Add(IPEndPoint target)
    {
        lock (_lock)
        {
            _targets.Add(new Target(target, (uint)Random.Shared.Next()));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _targets.Clear();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(2));
    }

    private void Run()
    {
        RealTimePriority.TryRaiseCurrentThread(40);
        var packet = new byte[12 + 160];
        Array.Fill(packet, (byte)0xD5, 12, 160);
        var period = Stopwatch.Frequency / 50;
        var next = Stopwatch.GetTimestamp();
        while (!_stopping)
        {
            next += period;
            PreciseSleep.Until(next);
            Target[] targets;
            lock (_lock)
            {
                targets = [.. _targets];
            }

            foreach (var t in targets)
            {
                packet[0] = 0x80;
                packet[1] = 8;
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), t.Sequence++);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), t.Timestamp);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), t.Ssrc);
                t.Timestamp += 160;
                try
                {
                    _socket.SendTo(packet, t.EndPoint);
                    Sent++;
                }
                catch (SocketException)
                {
                    // A stream closed under us at the end of the run.
                }
            }
        }
    }

    private sealed class Target(IPEndPoint endPoint, uint ssrc)
    {
        public IPEndPoint EndPoint { get; } = endPoint;

        public uint Ssrc { get; } = ssrc;

        public ushort Sequence { get; set; }

        public uint Timestamp { get; set; }
    }
}
