using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Omstilling.Media.Rtp;
using Omstilling.Media.Sdp;
using Omstilling.Media.Tests.Support;

namespace Omstilling.Media.Tests.Rtp;

/// <summary>
/// The receive threads that serve every stream: a stream's packets arrive in order and never on two
/// threads at once, and one stream stuck in its handler (a stalled core) does not stop the others.
/// </summary>
public sealed class ReceiveThreadTests
{
    private const int Streams = 24;
    private const int PacketsEach = 60;

    [Fact]
    public async Task Other_streams_keep_receiving_in_order_while_one_handler_is_stuck()
    {
        await using var f = new MediaFixture();
        using var phone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var streams = new List<RtpStream>();
        var listeners = new List<OrderListener>();
        using var release = new ManualResetEventSlim(false);
        try
        {
            for (var i = 0; i < Streams; i++)
            {
                var stream = f.Server.CreateStream();
                var listener = new OrderListener(i == 0 ? release : null);
                stream.Listener = listener;
                stream.Configure(new NegotiatedAudio(AudioCodec.Pcma, 8, 101, (IPEndPoint)phone.LocalEndPoint!, MediaDirection.SendReceive));
                streams.Add(stream);
                listeners.Add(listener);
            }

            for (var n = 0; n < PacketsEach; n++)
            {
                foreach (var stream in streams)
                {
                    phone.SendTo(Packet(n), stream.LocalEndPoint);
                }
            }

            // Stream 0's first packet holds its thread until every other stream has all its packets.
            var others = listeners.Skip(1).ToList();
            await Eventually.ReachedAsync(() => others.All(l => l.Count >= PacketsEach), TimeSpan.FromSeconds(10));

            Assert.All(others, l => Assert.Equal(Enumerable.Range(0, PacketsEach), l.Received));
            release.Set();
            await Eventually.ReachedAsync(() => listeners[0].Count >= PacketsEach, TimeSpan.FromSeconds(10));

            Assert.Equal(Enumerable.Range(0, PacketsEach), listeners[0].Received);
            Assert.All(listeners, l => Assert.False(l.Overlapped, "a stream's handler ran on two threads at once"));
        }
        finally
        {
            release.Set();
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Streams_opened_after_others_closed_receive_on_the_reused_sockets()
    {
        await using var f = new MediaFixture();
        using var phone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        for (var round = 0; round < 30; round++)
        {
            // Closing while packets are still queued, then opening again, reuses descriptor numbers.
            await using var stream = f.Server.CreateStream();
            var listener = new OrderListener(null);
            stream.Listener = listener;
            stream.Configure(new NegotiatedAudio(AudioCodec.Pcma, 8, 101, (IPEndPoint)phone.LocalEndPoint!, MediaDirection.SendReceive));
            for (var n = 0; n < 5; n++)
            {
                phone.SendTo(Packet(n), stream.LocalEndPoint);
            }

            await Eventually.ReachedAsync(() => listener.Count >= 5);

            Assert.Equal(Enumerable.Range(0, 5), listener.Received);
            phone.SendTo(Packet(99), stream.LocalEndPoint); // left unread when the stream closes
        }
    }

    private static byte[] Packet(int n)
    {
        var packet = new byte[12 + 160];
        packet[0] = 0x80;
        packet[1] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)n);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(n * 160));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x1234);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(12), (ushort)n);
        return packet;
    }

    /// <summary>Records the packet numbers a stream hears; optionally blocks on its first packet.</summary>
    private sealed class OrderListener(ManualResetEventSlim? holdFirst) : IRtpListener
    {
        private readonly ConcurrentQueue<int> _received = new();
        private int _inside;

        public bool Overlapped { get; private set; }

        public int Count => _received.Count;

        public int[] Received => [.. _received];

        public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker)
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                Overlapped = true;
            }

            var n = BinaryPrimitives.ReadUInt16BigEndian(payload);
            if (n == 0 && holdFirst is not null)
            {
                holdFirst.Wait(TimeSpan.FromSeconds(15));
            }

            _received.Enqueue(n);
            Interlocked.Decrement(ref _inside);
        }

        public void OnDigit(RtpStream stream, char digit)
        {
        }
    }
}
