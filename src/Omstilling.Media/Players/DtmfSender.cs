using Omstilling.Media.Clock;
using Omstilling.Media.Dtmf;
using Omstilling.Media.Rtp;

namespace Omstilling.Media.Players;

/// <summary>Sends digits as RFC 4733 events, one packet per tick, with a 60 ms gap between key presses.</summary>
public sealed class DtmfSender : IMediaTicker
{
    private readonly RtpStream _stream;
    private readonly IMediaClock _clock;
    private readonly Queue<(byte[] Payload, bool Marker, bool First)> _packets = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private uint _eventTimestamp;

    private DtmfSender(RtpStream stream, IMediaClock clock, string digits, TimeSpan keyDuration)
    {
        _stream = stream;
        _clock = clock;
        foreach (var digit in digits)
        {
            var first = true;
            foreach (var (payload, marker) in Rfc4733Sender.Packets(digit, keyDuration))
            {
                _packets.Enqueue((payload, marker, first));
                first = false;
            }

            for (var pause = 0; pause < 3; pause++)
            {
                _packets.Enqueue(([], false, false));
            }
        }
    }

    public Task Completion => _done.Task;

    public static DtmfSender Start(RtpStream stream, IMediaClock clock, string digits, TimeSpan? keyDuration = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(digits);
        var sender = new DtmfSender(stream, clock, digits, keyDuration ?? TimeSpan.FromMilliseconds(100));
        clock.Add(sender);
        return sender;
    }

    public void OnTick()
    {
        if (!_packets.TryDequeue(out var packet))
        {
            _clock.Remove(this);
            _done.TrySetResult();
            return;
        }

        if (packet.First)
        {
            _eventTimestamp = _stream.CurrentTimestamp;
        }

        if (packet.Payload.Length > 0)
        {
            _stream.SendEvent(packet.Payload, packet.Marker, _eventTimestamp);
        }
    }
}
