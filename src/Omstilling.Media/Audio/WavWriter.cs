using System.Buffers.Binary;

namespace Omstilling.Media.Audio;

/// <summary>
/// Writes 8 kHz mono 16-bit PCM WAV files, streaming: the header's sizes are filled in on
/// <see cref="Dispose"/>, so a recording can grow while a call goes on. Not thread-safe: one
/// recorder owns it.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private readonly Stream _stream;
    private long _dataBytes;

    public WavWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _stream.Write(Header(0));
    }

    public TimeSpan Duration => TimeSpan.FromSeconds(_dataBytes / 2 / (double)AudioClip.SampleRate);

    /// <summary>Writes a whole file at once, atomically (<see cref="Omstilling.Runtime.AtomicFile"/>).</summary>
    public static void Write(string path, ReadOnlySpan<short> samples)
    {
        var temporary = Omstilling.Runtime.AtomicFile.TemporaryFor(path);
        using (var writer = new WavWriter(File.Create(temporary)))
        {
            writer.Append(samples);
        }

        Omstilling.Runtime.AtomicFile.Commit(temporary, path, overwrite: true);
    }

    public void Append(ReadOnlySpan<short> samples)
    {
        Span<byte> buffer = stackalloc byte[2 * 320];
        while (!samples.IsEmpty)
        {
            var n = Math.Min(samples.Length, 320);
            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(buffer[(2 * i)..], samples[i]);
            }

            _stream.Write(buffer[..(2 * n)]);
            _dataBytes += 2 * n;
            samples = samples[n..];
        }
    }

    public void Dispose()
    {
        if (_stream.CanSeek)
        {
            _stream.Position = 0;
            _stream.Write(Header(_dataBytes));
        }

        _stream.Dispose();
    }

    private static byte[] Header(long dataBytes)
    {
        var h = new byte[44];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), (uint)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(h.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(22), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(24), AudioClip.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(28), AudioClip.SampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(34), 16);
        "data"u8.CopyTo(h.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(40), (uint)dataBytes);
        return h;
    }
}
