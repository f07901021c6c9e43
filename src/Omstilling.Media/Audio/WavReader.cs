using System.Buffers.Binary;
using Omstilling.Media.Codecs;

namespace Omstilling.Media.Audio;

/// <summary>
/// Reads WAV files into 8 kHz mono clips: PCM (8, 16, 24 and 32 bit), IEEE float, A-law and µ-law,
/// any sample rate (resampled at load) and any channel count (mixed down). Anything else is an
/// <see cref="AudioFormatException"/> naming the file and the format found.
/// </summary>
public static class WavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatALaw = 6;
    private const ushort FormatMuLaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    public static AudioClip Read(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioFormatException($"{path}: cannot be read ({e.Message})", e);
        }

        return Read(bytes, path, name ?? Path.GetFileNameWithoutExtension(path));
    }

    public static AudioClip Read(ReadOnlySpan<byte> file, string source, string name)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new AudioFormatException($"{source}: not a WAV file (no RIFF/WAVE header)");
        }

        ushort format = 0, channels = 0, bits = 0;
        var rate = 0;
        ReadOnlySpan<byte> data = default;
        var haveData = false;
        var pos = 12;
        while (pos + 8 <= file.Length)
        {
            var id = file.Slice(pos, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(file[(pos + 4)..]), (uint)(file.Length - pos - 8));
            var body = file.Slice(pos + 8, size);
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16)
                {
                    throw new AudioFormatException($"{source}: the fmt chunk is too short");
                }

                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format == FormatExtensible && size >= 26)
                {
                    format = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]); // first two bytes of the sub-format GUID
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                data = body;
                haveData = true;
            }

            pos += 8 + size + (size & 1);
        }

        if (format == 0 || !haveData)
        {
            throw new AudioFormatException($"{source}: missing fmt or data chunk");
        }

        if (channels == 0 || rate < 4000 || rate > 192_000)
        {
            throw new AudioFormatException($"{source}: {channels} channels at {rate} Hz is not usable audio");
        }

        var mono = DecodeToMono(data, format, bits, channels, source);
        var samples = rate == AudioClip.SampleRate ? mono : Resampler.Resample(mono, rate, AudioClip.SampleRate);
        return new AudioClip(name, samples);
    }

    private static short[] DecodeToMono(ReadOnlySpan<byte> data, ushort format, ushort bits, ushort channels, string source)
    {
        int bytesPerSample = (format, bits) switch
        {
            (FormatPcm, 8) => 1,
            (FormatPcm, 16) => 2,
            (FormatPcm, 24) => 3,
            (FormatPcm, 32) => 4,
            (FormatFloat, 32) => 4,
            (FormatALaw or FormatMuLaw, 8) => 1,
            _ => throw new AudioFormatException(
                $"{source}: unsupported WAV format {format} with {bits} bits per sample; use PCM (8/16/24/32 bit), 32-bit float, A-law or µ-law"),
        };
        var frames = data.Length / (bytesPerSample * channels);
        var mono = new short[frames];
        for (var f = 0; f < frames; f++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++)
            {
                var at = ((f * channels) + c) * bytesPerSample;
                sum += Sample(data.Slice(at, bytesPerSample), format, bits);
            }

            mono[f] = (short)(sum / channels);
        }

        return mono;
    }

    private static short Sample(ReadOnlySpan<byte> s, ushort format, ushort bits) => (format, bits) switch
    {
        (FormatPcm, 8) => (short)((s[0] - 128) << 8),
        (FormatPcm, 16) => BinaryPrimitives.ReadInt16LittleEndian(s),
        (FormatPcm, 24) => (short)(BinaryPrimitives.ReadInt16LittleEndian(s[1..])),
        (FormatPcm, 32) => (short)(BinaryPrimitives.ReadInt32LittleEndian(s) >> 16),
        (FormatFloat, _) => (short)Math.Clamp(BinaryPrimitives.ReadSingleLittleEndian(s) * 32767f, short.MinValue, short.MaxValue),
        (FormatALaw, _) => G711.DecodeALaw(s[0]),
        _ => G711.DecodeMuLaw(s[0]),
    };

}
