namespace Omstilling.Media.Audio;

/// <summary>
/// A piece of audio ready to play: 8 kHz mono 16-bit PCM, the telephone format every G.711 stream
/// decodes to. Immutable and thread-safe, so one clip (a prompt) is shared by every call playing it.
/// </summary>
public sealed class AudioClip
{
    public const int SampleRate = 8000;

    /// <summary>Samples in one 20 ms packet.</summary>
    public const int SamplesPerFrame = 160;

    private readonly short[] _samples;

    public AudioClip(string name, short[] samples)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(samples);
        Name = name;
        _samples = samples;
    }

    public string Name { get; }

    public ReadOnlySpan<short> Samples => _samples;

    public int Length => _samples.Length;

    public TimeSpan Duration => TimeSpan.FromSeconds(_samples.Length / (double)SampleRate);

    /// <summary>Silence of the given length.</summary>
    public static AudioClip Silence(TimeSpan duration) =>
        new("silence", new short[(int)(duration.TotalSeconds * SampleRate)]);

    /// <summary>Clips one after another, as one clip.</summary>
    public static AudioClip Concat(string name, IEnumerable<AudioClip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var all = new List<short>();
        foreach (var clip in clips)
        {
            all.AddRange(clip._samples);
        }

        return new AudioClip(name, [.. all]);
    }

    public override string ToString() => $"{Name} ({Duration.TotalSeconds:F2} s)";
}
