using System.Buffers.Binary;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Media.Rtp;

namespace Omstilling.Fuzzing.Targets.Media;

/// <summary>Compound RTCP packets (RFC 3550 §6) as the receive threads validate and count them.</summary>
internal sealed class RtcpTarget : IFuzzTarget
{
    private readonly Mutator _mutator = new(2048, [SetLength], ByteMutations.All);

    public string Name => "rtcp";

    public string Oracle =>
        "RtcpPacket.TryReadTypes refuses, or accepts a packet whose version-2 parts' lengths add up to exactly its size, and lists one type per part";

    public IReadOnlyList<byte[]> Seeds => RtpSeeds.Rtcp;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, [0, 1, 2, 3, 28, 29, 30, 31, s.Length]))
            .Concat(Seeds.SelectMany(Mutation.Systematic.EveryTruncation));

    public string Execute(byte[] input)
    {
        var types = new List<byte>();
        if (!RtcpPacket.TryReadTypes(input, types))
        {
            return "refused";
        }

        var pos = 0;
        var parts = 0;
        while (pos < input.Length)
        {
            OracleViolationException.Check(pos + 4 <= input.Length && input[pos] >> 6 == 2, $"accepted, but the part at {pos} is not a version-2 header");
            OracleViolationException.Check(types[parts] == input[pos + 1], $"part {parts} listed as type {types[parts]}, is {input[pos + 1]}");
            pos += 4 * (BinaryPrimitives.ReadUInt16BigEndian(input.AsSpan(pos + 2)) + 1);
            parts++;
        }

        OracleViolationException.Check(pos == input.Length && parts == types.Count, $"accepted {types.Count} parts, the lengths say {parts} ending at {pos} of {input.Length}");
        return $"rtcp:{Math.Min(parts, 4)}:{types[0]}";
    }

    /// <summary>The length word of one part set to a limit.</summary>
    private static byte[]? SetLength(byte[] input, MutationContext c)
    {
        var starts = new List<int>();
        for (var pos = 0; pos + 4 <= input.Length; pos += 4 * (BinaryPrimitives.ReadUInt16BigEndian(input.AsSpan(pos + 2)) + 1))
        {
            starts.Add(pos);
        }

        if (starts.Count == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(c.Pick(starts) + 2), c.Pick(Interesting.Shorts));
        return copy;
    }
}
