using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Media.Clock;
using Omstilling.Media.Codecs;
using Omstilling.Media.Rtp;
using Omstilling.Media.Sdp;
using Omstilling.Runtime;

namespace Omstilling.Media.Tests.Support;

/// <summary>A media server on loopback with a manual clock, and helpers to wire streams to each other.</summary>
internal sealed class MediaFixture : IAsyncDisposable
{
    private static int _nextRange = 21000 + (Environment.ProcessId % 50) * 400;

    /// <param name="reportInterval">How often streams send RTCP; the default's 5 s is 250 ticks.</param>
    public MediaFixture(TimeSpan? reportInterval = null)
    {
        var first = Interlocked.Add(ref _nextRange, 200);
        var options = new MediaOptions { Address = IPAddress.Loopback, FirstPort = first, LastPort = first + 198 };
        Server = new MediaServer(reportInterval is { } interval ? options with { ReportInterval = interval } : options, Clock, TimeProvider.System, NullLoggerFactory.Instance, Faults);
    }

    public ManualMediaClock Clock { get; } = new();

    /// <summary>Failures the media plane contained (a throwing listener, say).</summary>
    public FaultMonitor Faults { get; } = new(NullLoggerFactory.Instance, TimeProvider.System);

    public MediaServer Server { get; }

    /// <summary>Points two streams at each other with the given codecs (as offer/answer would).</summary>
    public static void Connect(RtpStream a, RtpStream b, AudioCodec codecA = AudioCodec.Pcma, AudioCodec codecB = AudioCodec.Pcma)
    {
        a.Configure(new NegotiatedAudio(codecA, codecA == AudioCodec.Pcma ? 8 : 0, 101, b.LocalEndPoint, MediaDirection.SendReceive));
        b.Configure(new NegotiatedAudio(codecB, codecB == AudioCodec.Pcma ? 8 : 0, 101, a.LocalEndPoint, MediaDirection.SendReceive));
    }

    /// <summary>A bare UDP socket on loopback standing in for a phone, with <paramref name="stream"/> pointed at it (PCMA, telephone-event 101).</summary>
    public static System.Net.Sockets.Socket PhoneFor(RtpStream stream)
    {
        var phone = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        stream.Configure(new NegotiatedAudio(AudioCodec.Pcma, 8, 101, (IPEndPoint)phone.LocalEndPoint!, MediaDirection.SendReceive));
        return phone;
    }

    /// <summary>Ticks the clock until the condition holds (each tick lets 20 ms of media out); false after 5 s.</summary>
    public async Task<bool> TickUntilAsync(Func<bool> condition, int maxTicks = 250)
    {
        for (var i = 0; i < maxTicks; i++)
        {
            if (condition())
            {
                return true;
            }

            Clock.Tick();
            await Task.Delay(20);
        }

        return condition();
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Keeps what a stream receives: decoded audio and digits.</summary>
internal sealed class Collector : IRtpListener
{
    private readonly ConcurrentQueue<short[]> _frames = new();

    public ConcurrentQueue<char> Digits { get; } = new();

    public int Packets => _frames.Count;

    public short[] Audio => [.. _frames.SelectMany(f => f)];

    public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker)
    {
        var pcm = new short[payload.Length];
        if (stream.Codec == AudioCodec.Pcma)
        {
            G711.DecodeALaw(payload, pcm);
        }
        else
        {
            G711.DecodeMuLaw(payload, pcm);
        }

        _frames.Enqueue(pcm);
    }

    public void OnDigit(RtpStream stream, char digit) => Digits.Enqueue(digit);
}
