namespace Omstilling.Media.Codecs;

/// <summary>
/// G.711 companding (ITU-T G.711): A-law, which Danish trunks use, and µ-law. Both directions
/// are table lookups: 256 entries to decode, 65,536 to encode (one per 16-bit sample), built once.
/// A lookup per sample is faster than any arithmetic form and needs no branches, which is what
/// matters at thousands of streams. Thread-safe: the tables never change.
/// </summary>
public static class G711
{
    private static readonly short[] ALawToLinear = BuildDecode(ComputeALawDecode);
    private static readonly short[] MuLawToLinear = BuildDecode(ComputeMuLawDecode);
    private static readonly byte[] LinearToALaw = BuildEncode(ComputeALawEncode);
    private static readonly byte[] LinearToMuLaw = BuildEncode(ComputeMuLawEncode);

    /// <summary>The A-law and µ-law codes of silence.</summary>
    public const byte ALawSilence = 0xD5;

    public const byte MuLawSilence = 0xFF;

    public static void EncodeALaw(ReadOnlySpan<short> pcm, Span<byte> encoded) => Encode(pcm, encoded, LinearToALaw);

    public static void EncodeMuLaw(ReadOnlySpan<short> pcm, Span<byte> encoded) => Encode(pcm, encoded, LinearToMuLaw);

    public static void DecodeALaw(ReadOnlySpan<byte> encoded, Span<short> pcm) => Decode(encoded, pcm, ALawToLinear);

    public static void DecodeMuLaw(ReadOnlySpan<byte> encoded, Span<short> pcm) => Decode(encoded, pcm, MuLawToLinear);

    public static byte EncodeALaw(short sample) => LinearToALaw[(ushort)sample];

    public static byte EncodeMuLaw(short sample) => LinearToMuLaw[(ushort)sample];

    public static short DecodeALaw(byte code) => ALawToLinear[code];

    public static short DecodeMuLaw(byte code) => MuLawToLinear[code];

    private static void Encode(ReadOnlySpan<short> pcm, Span<byte> encoded, byte[] table)
    {
        if (encoded.Length < pcm.Length)
        {
            throw new ArgumentException("The output is shorter than the input.", nameof(encoded));
        }

        for (var i = 0; i < pcm.Length; i++)
        {
            encoded[i] = table[(ushort)pcm[i]];
        }
    }

    private static void Decode(ReadOnlySpan<byte> encoded, Span<short> pcm, short[] table)
    {
        if (pcm.Length < encoded.Length)
        {
            throw new ArgumentException("The output is shorter than the input.", nameof(pcm));
        }

        for (var i = 0; i < encoded.Length; i++)
        {
            pcm[i] = table[encoded[i]];
        }
    }

    private static short[] BuildDecode(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = decode((byte)i);
        }

        return table;
    }

    private static byte[] BuildEncode(Func<short, byte> encode)
    {
        var table = new byte[65536];
        for (var i = 0; i < 65536; i++)
        {
            table[i] = encode((short)(ushort)i);
        }

        return table;
    }

    /// <summary>
    /// A-law: 13-bit magnitude in 8 segments of 16 steps; the sign bit is 1 for positive values and
    /// even bits are inverted (XOR 0x55) on the line.
    /// </summary>
    private static byte ComputeALawEncode(short sample)
    {
        int value = sample >> 3;
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }

        var segment = 0;
        while (segment < 8 && value > (0x20 << segment) - 1)
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(code ^ mask);
    }

    private static short ComputeALawDecode(byte code)
    {
        var a = code ^ 0x55;
        var magnitude = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        magnitude = segment switch
        {
            0 => magnitude + 8,
            1 => magnitude + 0x108,
            _ => (magnitude + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }

    /// <summary>µ-law: 14-bit magnitude plus a bias of 33 (0x84 >> 2), 8 segments of 16 steps, all bits inverted on the line.</summary>
    private static byte ComputeMuLawEncode(short sample)
    {
        const int Clip = 8159;
        const int Bias = 0x84 >> 2;
        int value = sample >> 2;
        int mask;
        if (value < 0)
        {
            value = -value;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        value = Math.Min(value, Clip) + Bias;
        var segment = 0;
        while (segment < 8 && value > (0x40 << segment) - 1)
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = (segment << 4) | ((value >> (segment + 1)) & 0x0F);
        return (byte)(code ^ mask);
    }

    private static short ComputeMuLawDecode(byte code)
    {
        const int Bias = 0x84;
        var u = ~code & 0xFF;
        var magnitude = ((u & 0x0F) << 3) + Bias;
        magnitude <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? Bias - magnitude : magnitude - Bias);
    }
}
