using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Rtp;

namespace Omstilling.Media.Players;

/// <summary>
/// Plays clips into a stream on the media clock: a sequence (greeting, then "du er nummer", "tre",
/// "i køen"), optionally looped (music on hold). <see cref="Stop"/> interrupts it at once, which is
/// how a key press cuts a menu short. <see cref="Completion"/> tells whether it played to the end.
/// Thread-safe: the clock ticks it; any thread may stop it.
/// </summary>
public sealed class PromptPlayer : IMediaTicker
{
    private readonly RtpStream _stream;
    private readonly IMediaClock _clock;
    private readonly IReadOnlyList<AudioClip> _clips;
    private readonly bool _loop;
    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly short[] _frame = new short[AudioClip.SamplesPerFrame];
    private int _clip;
    private int _position;

    private PromptPlayer(RtpStream stream, IMediaClock clock, IReadOnlyList<AudioClip> clips, bool loop)
    {
        _stream = stream;
        _clock = clock;
        _clips = clips;
        _loop = loop;
    }

    /// <summary>True when it played to the end, false when it was stopped.</summary>
    public Task<bool> Completion => _done.Task;

    /// <summary>Starts playing at the next tick.</summary>
    public static PromptPlayer Start(RtpStream stream, IMediaClock clock, IReadOnlyList<AudioClip> clips, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(clips);
        var player = new PromptPlayer(stream, clock, clips, loop);
        if (clips.Sum(c => c.Length) == 0)
        {
            player._done.TrySetResult(true);
            return player;
        }

        clock.Add(player);
        return player;
    }

    public void Stop()
    {
        _clock.Remove(this);
        _done.TrySetResult(false);
    }

    public void OnTick()
    {
        var filled = 0;
        while (filled < _frame.Length && _clip < _clips.Count)
        {
            var samples = _clips[_clip].Samples;
            var take = Math.Min(_frame.Length - filled, samples.Length - _position);
            samples.Slice(_position, take).CopyTo(_frame.AsSpan(filled));
            filled += take;
            _position += take;
            if (_position >= samples.Length)
            {
                _clip++;
                _position = 0;
                if (_clip == _clips.Count && _loop)
                {
                    _clip = 0;
                }
            }
        }

        _frame.AsSpan(filled).Clear();
        _stream.SendAudio(_frame);
        if (_clip >= _clips.Count)
        {
            _clock.Remove(this);
            _done.TrySetResult(true);
        }
    }
}
