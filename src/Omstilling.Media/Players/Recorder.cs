using Omstilling.Media.Audio;
using Omstilling.Media.Codecs;
using Omstilling.Media.Rtp;
using Omstilling.Media.Sdp;

namespace Omstilling.Media.Players;

/// <summary>
/// Records what a stream receives to a WAV file (8 kHz PCM), ending at a maximum length or after a
/// stretch of silence once the caller has spoken (how a voicemail ends when the caller stops
/// talking). Digits end it too, and are reported. Thread-safe for one stream's receive loop plus
/// any thread calling <see cref="Stop"/>.
/// </summary>
public sealed class Recorder : IRtpListener, IDisposable
{
    private const int SamplesPerSecond = AudioClip.SampleRate;

    private readonly WavWriter _writer;
    private readonly Lock _lock = new();
    private readonly long _maxSamples;
    private readonly long _silenceSamples;
    private readonly double _silenceLevel;
    private readonly TaskCompletionSource<RecordingEnd> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _written;
    private long _quietRun;
    private bool _heardSpeech;
    private bool _closed;

    public Recorder(Stream output, TimeSpan maxLength, TimeSpan? endAfterSilence = null, double silenceLevel = 300)
    {
        _writer = new WavWriter(output);
        _maxSamples = (long)(maxLength.TotalSeconds * SamplesPerSecond);
        _silenceSamples = endAfterSilence is { } s ? (long)(s.TotalSeconds * SamplesPerSecond) : long.MaxValue;
        _silenceLevel = silenceLevel;
    }

    public Task<RecordingEnd> Completion => _done.Task;

    public TimeSpan Recorded => TimeSpan.FromSeconds(Interlocked.Read(ref _written) / (double)SamplesPerSecond);

    public char? EndedByDigit { get; private set; }

    public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<short> pcm = stackalloc short[payload.Length];
        if (stream.Codec == AudioCodec.Pcma)
        {
            G711.DecodeALaw(payload, pcm);
        }
        else
        {
            G711.DecodeMuLaw(payload, pcm);
        }

        Append(pcm);
    }

    public void Append(ReadOnlySpan<short> pcm)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            var room = (int)Math.Min(pcm.Length, _maxSamples - _written);
            _writer.Append(pcm[..room]);
            Interlocked.Add(ref _written, room);
            if (Rms(pcm) < _silenceLevel)
            {
                _quietRun += pcm.Length;
            }
            else
            {
                _quietRun = 0;
                _heardSpeech = true;
            }

            if (_written >= _maxSamples)
            {
                Close(RecordingEnd.MaxLength);
            }
            else if (_heardSpeech && _quietRun >= _silenceSamples)
            {
                Close(RecordingEnd.Silence);
            }
        }
    }

    public void OnDigit(RtpStream stream, char digit)
    {
        lock (_lock)
        {
            EndedByDigit ??= digit;
            Close(RecordingEnd.Digit);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            Close(RecordingEnd.Stopped);
        }
    }

    public void Dispose() => Stop();

    private void Close(RecordingEnd reason)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _writer.Dispose();
        _done.TrySetResult(reason);
    }

    private static double Rms(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (var s in pcm)
        {
            sum += (double)s * s;
        }

        return pcm.IsEmpty ? 0 : Math.Sqrt(sum / pcm.Length);
    }
}

/// <summary>Why a recording ended.</summary>
public enum RecordingEnd
{
    MaxLength,
    Silence,
    Digit,
    Stopped,
}
