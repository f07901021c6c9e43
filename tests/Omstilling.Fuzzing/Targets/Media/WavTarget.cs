using System.Buffers.Binary;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Media.Audio;

namespace Omstilling.Fuzzing.Targets.Media;

/// <summary>The WAV reader as it loads prompts and recordings (RIFF chunks, every supported format, resampling, mixing down).</summary>
internal sealed class WavTarget : IFuzzTarget
{
    private static readonly ushort[] Formats = [0, 1, 2, 3, 6, 7, 0xFFFE];
    private static readonly ushort[] Channels = [0, 1, 2, 3, 255, 65535];
    private static readonly uint[] Rates = [0, 1, 3999, 4000, 8000, 11025, 44100, 192000, 192001, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];
    private static readonly ushort[] Bits = [0, 1, 4, 7, 8, 12, 16, 24, 32, 64, 65535];

    private readonly Mutator _mutator = new(256 * 1024, [ChunkSize, FormatField, DropChunk, DuplicateChunk], ByteMutations.All);

    public string Name => "wav";

    public string Oracle =>
        "WavReader.Read gives an 8 kHz clip no longer than the file can hold, or throws AudioFormatException naming the file";

    public IReadOnlyList<byte[]> Seeds => WavSeeds.All;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, Enumerable.Range(0, Math.Min(s.Length, 48))))
            .Concat(Seeds.Skip(3).SelectMany(Mutation.Systematic.EveryTruncation));

    public string Execute(byte[] input)
    {
        AudioClip clip;
        try
        {
            clip = WavReader.Read(input, "fuzz.wav", "fuzz");
        }
        catch (AudioFormatException e)
        {
            OracleViolationException.Check(e.Message.StartsWith("fuzz.wav: ", StringComparison.Ordinal), $"the refusal does not name the file: {e.Message}");
            var kind = e.Message["fuzz.wav: ".Length..];
            return kind.Length > 24 ? kind[..24] : kind;
        }

        // At worst one byte per sample at 4 kHz, doubled when brought to 8 kHz.
        OracleViolationException.Check(clip.Length <= (2 * input.Length) + 2, $"a {input.Length}-byte file gave {clip.Length} samples");
        OracleViolationException.Check(clip.Name == "fuzz", $"the clip is called {clip.Name}");
        return $"clip:{Math.Min(clip.Length, 1000) / 100}";
    }

    private static List<(int Start, int Size)> Chunks(byte[] input)
    {
        var chunks = new List<(int Start, int Size)>();
        for (var pos = 12; pos + 8 <= input.Length;)
        {
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(pos + 4)), (uint)(input.Length - pos - 8));
            chunks.Add((pos, size));
            pos += 8 + size + (size & 1);
        }

        return chunks;
    }

    private static byte[]? ChunkSize(byte[] input, MutationContext c)
    {
        var chunks = Chunks(input);
        if (chunks.Count == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(c.Pick(chunks).Start + 4), c.Pick(Interesting.Ints));
        return copy;
    }

    /// <summary>The format tag, channel count, sample rate or bits per sample of a fmt chunk set to a limit.</summary>
    private static byte[]? FormatField(byte[] input, MutationContext c)
    {
        var fmt = Chunks(input).FirstOrDefault(ch => input.AsSpan(ch.Start, 4).SequenceEqual("fmt "u8), (Start: -1, Size: 0));
        if (fmt.Start < 0 || fmt.Start + 24 > input.Length)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        var body = copy.AsSpan(fmt.Start + 8);
        switch (c.Random.Next(4))
        {
            case 0:
                BinaryPrimitives.WriteUInt16LittleEndian(body, c.Pick(Formats));
                break;
            case 1:
                BinaryPrimitives.WriteUInt16LittleEndian(body[2..], c.Pick(Channels));
                break;
            case 2:
                BinaryPrimitives.WriteUInt32LittleEndian(body[4..], c.Pick(Rates));
                break;
            default:
                BinaryPrimitives.WriteUInt16LittleEndian(body[14..], c.Pick(Bits));
                break;
        }

        return copy;
    }

    private static byte[]? DropChunk(byte[] input, MutationContext c)
    {
        var chunks = Chunks(input);
        if (chunks.Count == 0)
        {
            return null;
        }

        var (start, size) = c.Pick(chunks);
        return Edit.Replace(input, start, Math.Min(8 + size + (size & 1), input.Length - start), []);
    }

    private static byte[]? DuplicateChunk(byte[] input, MutationContext c)
    {
        var chunks = Chunks(input);
        if (chunks.Count == 0)
        {
            return null;
        }

        var (start, size) = c.Pick(chunks);
        var length = Math.Min(8 + size + (size & 1), input.Length - start);
        return Edit.Insert(input, c.Pick(chunks).Start, input.AsSpan(start, length));
    }
}
