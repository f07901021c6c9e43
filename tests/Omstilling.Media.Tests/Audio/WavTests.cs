using System.Buffers.Binary;
using Omstilling.Media.Audio;
using Omstilling.Media.Codecs;

namespace Omstilling.Media.Tests.Audio;

public sealed class WavTests
{
    [Fact]
    public void Written_pcm_reads_back_sample_for_sample()
    {
        var samples = Tone(440, 8000, 8000).Select(s => (short)s).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"omstilling-{Guid.NewGuid():N}.wav");
        WavWriter.Write(path, samples);
        var clip = WavReader.Read(path);
        File.Delete(path);

        Assert.Equal(samples, clip.Samples.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(1), clip.Duration);
    }

    [Theory]
    [InlineData(16000, 2)]
    [InlineData(22050, 1)]
    [InlineData(44100, 2)]
    [InlineData(48000, 1)]
    public void Other_rates_and_channels_are_resampled_to_8khz_mono_keeping_the_pitch(int rate, int channels)
    {
        var file = Wav(1, 16, rate, channels, Tone(440, rate, rate), v => BitConverter.GetBytes((short)v));

        var clip = WavReader.Read(file, "memory", "tone");

        Assert.InRange(clip.Length, 7990, 8000);
        Assert.InRange(Frequency(clip.Samples), 430, 450);
        Assert.InRange(Rms(clip.Samples[100..^100]), 0.6 * 10000 / Math.Sqrt(2), 1.05 * 10000 / Math.Sqrt(2));
    }

    [Fact]
    public void Frequencies_above_4khz_are_filtered_out_not_folded_back()
    {
        var file = Wav(1, 16, 48000, 1, Tone(6000, 48000, 48000), v => BitConverter.GetBytes((short)v));

        var clip = WavReader.Read(file, "memory", "tone");

        Assert.InRange(Rms(clip.Samples[100..^100]), 0, 200); // an alias at 2 kHz would be ~7,000
    }

    [Fact]
    public void Alaw_and_mulaw_files_are_decoded()
    {
        var tone = Tone(1000, 8000, 800);
        var alaw = WavReader.Read(Wav(6, 8, 8000, 1, tone, v => [G711.EncodeALaw((short)v)]), "a", "a");
        var mulaw = WavReader.Read(Wav(7, 8, 8000, 1, tone, v => [G711.EncodeMuLaw((short)v)]), "u", "u");

        Assert.InRange(Frequency(alaw.Samples), 990, 1010);
        Assert.InRange(Frequency(mulaw.Samples), 990, 1010);
    }

    [Fact]
    public void Unsupported_format_is_an_error_naming_the_file()
    {
        var adpcm = Wav(2, 4, 8000, 1, [0, 0, 0, 0], _ => [0]);

        var e = Assert.Throws<AudioFormatException>(() => WavReader.Read(adpcm, "prompts/velkommen.wav", "velkommen"));

        Assert.Contains("prompts/velkommen.wav", e.Message, StringComparison.Ordinal);
        Assert.Contains("unsupported WAV format 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_wav_file_is_an_error_naming_the_file()
    {
        var e = Assert.Throws<AudioFormatException>(() => WavReader.Read("hello"u8.ToArray(), "x.wav", "x"));

        Assert.StartsWith("x.wav: not a WAV file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_error_naming_the_file()
    {
        var e = Assert.Throws<AudioFormatException>(() => WavReader.Read("/nonexistent/prompt.wav"));

        Assert.StartsWith("/nonexistent/prompt.wav: cannot be read", e.Message, StringComparison.Ordinal);
    }

    internal static double[] Tone(double hz, int rate, int count) =>
        Enumerable.Range(0, count).Select(i => 10000 * Math.Sin(2 * Math.PI * hz * i / rate)).ToArray();

    internal static double Frequency(ReadOnlySpan<short> samples)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings / 2.0 / (samples.Length / 8000.0);
    }

    internal static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    private static byte[] Wav(ushort format, ushort bits, int rate, int channels, double[] mono, Func<double, byte[]> encode)
    {
        var data = new List<byte>();
        foreach (var v in mono)
        {
            for (var c = 0; c < channels; c++)
            {
                data.AddRange(encode(v));
            }
        }

        var h = new byte[44];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), (uint)(36 + data.Count));
        "WAVEfmt "u8.CopyTo(h.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(20), format);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(24), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(28), (uint)(rate * channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(32), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(34), bits);
        "data"u8.CopyTo(h.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(40), (uint)data.Count);
        return [.. h, .. data];
    }
}
