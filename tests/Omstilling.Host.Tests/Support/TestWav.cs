using System.Buffers.Binary;

namespace Omstilling.Host.Tests.Support;

/// <summary>WAV files made in a test: a 440 Hz tone as 16-bit PCM at any rate and channel count (what a browser upload may be).</summary>
public static class TestWav
{
    public static byte[] Tone(int rate, int channels, TimeSpan length)
    {
        var frames = (int)(rate * length.TotalSeconds);
        var data = frames * channels * 2;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), data);
        for (var i = 0; i < frames; i++)
        {
            var sample = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
            for (var c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (((i * channels) + c) * 2)), sample);
            }
        }

        return wav;
    }
}
