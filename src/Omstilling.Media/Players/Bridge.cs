using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Rtp;

namespace Omstilling.Media.Players;

/// <summary>
/// Connects two streams so each party hears the other. Packets are relayed the moment they arrive,
/// keeping the talker's timing, through the listening stream's own SSRC, sequence and timestamps,
/// so swapping one side for another party (a transfer) is seamless for the phone that stays.
/// While one side is held, the other hears music on hold instead. Digits from either side go to
/// <see cref="Digit"/>. Thread-safe.
/// </summary>
public sealed class Bridge : IDisposable
{
    private readonly IMediaClock _clock;
    private readonly AudioClip? _musicOnHold;
    private readonly Lock _lock = new();
    private Side _a;
    private Side _b;
    private bool _disposed;

    public Bridge(RtpStream a, RtpStream b, IMediaClock clock, AudioClip? musicOnHold)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _musicOnHold = musicOnHold;
        _a = new Side(this, a);
        _b = new Side(this, b);
        a.Listener = _a;
        b.Listener = _b;
    }

    /// <summary>A digit and the stream it came from.</summary>
    public event Action<RtpStream, char>? Digit;

    public RtpStream A => _a.Stream;

    public RtpStream B => _b.Stream;

    /// <summary>Puts one side's stream on hold (it stops hearing and being heard); the other side hears music.</summary>
    public void Hold(RtpStream held)
    {
        lock (_lock)
        {
            var (side, other) = Sides(held);
            if (side.Held)
            {
                return;
            }

            side.Held = true;
            if (_musicOnHold is not null && other.Music is null)
            {
                other.Music = PromptPlayer.Start(other.Stream, _clock, [_musicOnHold], loop: true);
            }
        }
    }

    public void Resume(RtpStream held)
    {
        lock (_lock)
        {
            var (side, other) = Sides(held);
            side.Held = false;
            other.Music?.Stop();
            other.Music = null;
        }
    }

    /// <summary>Replaces one side's stream with another party's (a completed transfer); the stream left out is returned to its owner untouched.</summary>
    public void Replace(RtpStream old, RtpStream replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        lock (_lock)
        {
            var (side, _) = Sides(old);
            side.Stream.Listener = null;
            var fresh = new Side(this, replacement);
            if (ReferenceEquals(side, _a))
            {
                _a = fresh;
            }
            else
            {
                _b = fresh;
            }

            replacement.Listener = fresh;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var side in new[] { _a, _b })
            {
                side.Music?.Stop();
                if (ReferenceEquals(side.Stream.Listener, side))
                {
                    side.Stream.Listener = null;
                }
            }
        }
    }

    private (Side Side, Side Other) Sides(RtpStream stream) =>
        ReferenceEquals(stream, _a.Stream) ? (_a, _b)
        : ReferenceEquals(stream, _b.Stream) ? (_b, _a)
        : throw new ArgumentException("The stream is not part of this bridge.", nameof(stream));

    private void Forward(Side from, ReadOnlySpan<byte> payload, bool marker)
    {
        // Read without the lock: a side swap or hold between two packets only decides which packet goes first.
        var to = ReferenceEquals(from, _a) ? _b : _a;
        if (from.Held || to.Held || to.Music is not null || _disposed)
        {
            return;
        }

        to.Stream.Relay(payload, from.Stream.Codec, marker);
    }

    private sealed class Side(Bridge bridge, RtpStream stream) : IRtpListener
    {
        public RtpStream Stream { get; } = stream;

        public bool Held { get; set; }

        public PromptPlayer? Music { get; set; }

        public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker) => bridge.Forward(this, payload, marker);

        public void OnDigit(RtpStream stream, char digit) => bridge.Digit?.Invoke(stream, digit);
    }
}
