using System.Buffers.Binary;

namespace Omstilling.Fuzzing.Seeds;

/// <summary>
/// WAV files: the three smallest bundled prompts (8 kHz A-law, as the server reads them at start)
/// and small made-up files in every format the reader supports, with extra chunks, odd sizes and
/// the data chunk before fmt.
/// </summary>
internal static class WavSeeds
{
    private static readonly Lazy<byte[][]> Loaded = new(Load);

    public static IReadOnlyList<byte[]> All => Loaded.Value;

    private static byte[][] Load()
    {
        var prompts = System.IO.Directory.GetFiles(Repository.PathOf("prompts", "da"), "*.wav")
            .Select(f => new FileInfo(f))
            .OrderBy(f => f.Length)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(f => System.IO.File.ReadAllBytes(f.FullName));
        byte[][] made =
        [
            Riff(Format(1, 1, 8000, 16), Data(160 * 2)),
            Riff(Format(1, 2, 11025, 8), Data(200 * 2)),
            Riff(Format(1, 1, 44100, 24), Data(300 * 3)),
            Riff(Format(1, 2, 48000, 32), Data(100 * 8)),
            Riff(Format(3, 1, 16000, 32), Data(100 * 4)),
            Riff(Format(7, 1, 8000, 8), Data(100)),
            Riff(Extensible(1, 1, 22050, 16), Data(120 * 2)),
            Riff(Chunk("LIST", [.. "INFOISFT"u8, 3, 0, 0, 0, (byte)'x', 0, 0]), Format(6, 1, 8000, 8), Data(101)),
            Riff(Data(64), Format(1, 1, 4000, 16)),
        ];
        return [.. prompts, .. made];
    }

    private static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var riff = new byte[12];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), (uint)(body.Length + 4));
        "WAVE"u8.CopyTo(riff.AsSpan(8));
        return [.. riff, .. body];
    }

    private static byte[] Format(ushort format, ushort channels, int rate, ushort bits)
    {
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, format);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), rate * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), bits);
        return Chunk("fmt ", fmt);
    }

    /// <summary>WAVE_FORMAT_EXTENSIBLE: the real format tag in the first two bytes of the sub-format GUID.</summary>
    private static byte[] Extensible(ushort format, ushort channels, int rate, ushort bits)
    {
        var fmt = Format(0xFFFE, channels, rate, bits)[8..];
        var extension = new byte[24];
        BinaryPrimitives.WriteUInt16LittleEndian(extension, 22);
        BinaryPrimitives.WriteUInt16LittleEndian(extension.AsSpan(2), bits);
        BinaryPrimitives.WriteUInt16LittleEndian(extension.AsSpan(8), format);
        return Chunk("fmt ", [.. fmt, .. extension]);
    }

    private static byte[] Data(int bytes)
    {
        var data = new byte[bytes];
        for (var i = 0; i < bytes; i++)
        {
            data[i] = (byte)((i * 37) ^ (i >> 3));
        }

        return Chunk("data", data);
    }

    /// <summary>A chunk with its size, and a pad byte after an odd-sized body (RIFF).</summary>
    private static byte[] Chunk(string id, byte[] body)
    {
        var header = new byte[8];
        System.Text.Encoding.ASCII.GetBytes(id, header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)body.Length);
        return body.Length % 2 == 1 ? [.. header, .. body, 0] : [.. header, .. body];
    }
}
