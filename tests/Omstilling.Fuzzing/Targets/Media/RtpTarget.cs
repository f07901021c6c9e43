using System.Buffers.Binary;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Media.Dtmf;
using Omstilling.Media.Rtp;

namespace Omstilling.Fuzzing.Targets.Media;

/// <summary>The RTP header as a receive thread reads every packet (RFC 3550 §5.1: CSRC list, extension, padding), and the event decoder on the payload.</summary>
internal sealed class RtpTarget : IFuzzTarget
{
    private readonly Mutator _mutator = new(2048, [SetHeaderBits, SetExtensionLength, SetPadding], ByteMutations.All);

    public string Name => "rtp";

    public string Oracle =>
        "RtpHeader.TryParse refuses, or gives the header's fields as on the wire and a payload range inside the packet after the " +
        "CSRCs and extension and before the padding; the same header written again parses the same; DTMF decoding of the payload " +
        "gives a digit or nothing";

    public IReadOnlyList<byte[]> Seeds => RtpSeeds.Rtp;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, [0, 1, 2, 12, 13, 14, 15, s.Length - 1, s.Length]))
            .Concat(Seeds.SelectMany(Mutation.Systematic.EveryTruncation));

    public string Execute(byte[] input)
    {
        if (!RtpHeader.TryParse(input, out var header, out var range))
        {
            return input.Length < 1 ? "refused:empty" : $"refused:{input[0] >> 4}";
        }

        var (offset, length) = Payload(range, input.Length);
        var csrcs = input[0] & 0x0F;
        OracleViolationException.Check(offset >= RtpHeader.Size + (4 * csrcs), $"the payload starts at {offset}, inside the {csrcs} CSRCs");
        OracleViolationException.Check(
            header.Marker == ((input[1] & 0x80) != 0) && header.PayloadType == (input[1] & 0x7F) &&
            header.SequenceNumber == BinaryPrimitives.ReadUInt16BigEndian(input.AsSpan(2)) &&
            header.Timestamp == BinaryPrimitives.ReadUInt32BigEndian(input.AsSpan(4)) && header.Ssrc == BinaryPrimitives.ReadUInt32BigEndian(input.AsSpan(8)),
            $"the header read is not the one on the wire: {header}");

        var rewritten = new byte[RtpHeader.Size];
        header.Write(rewritten);
        OracleViolationException.Check(RtpHeader.TryParse(rewritten, out var again, out _) && again == header, $"{header} written does not read back");

        var digit = new Rfc4733Receiver().Receive(header.Timestamp, input.AsSpan(offset, length));
        OracleViolationException.Check(digit is null || "0123456789*#ABCD".Contains(digit.Value, StringComparison.Ordinal), $"the event decoder gave '{digit}'");
        return $"rtp:{csrcs}:{(input[0] & 0x10) != 0}:{(input[0] & 0x20) != 0}:{length == 0}:{digit is not null}";
    }

    private static (int Offset, int Length) Payload(Range range, int packetLength)
    {
        try
        {
            return range.GetOffsetAndLength(packetLength);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new OracleViolationException($"the payload range {range} is not inside the {packetLength}-byte packet", e);
        }
    }

    /// <summary>Version, padding, extension and CSRC count of the first byte.</summary>
    private static byte[]? SetHeaderBits(byte[] input, MutationContext c)
    {
        if (input.Length == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        copy[0] = (byte)((c.Random.Next(4) << 6) | (c.Random.Next(2) << 5) | (c.Random.Next(2) << 4) | c.Random.Next(16));
        return copy;
    }

    private static byte[]? SetExtensionLength(byte[] input, MutationContext c)
    {
        if (input.Length < 1)
        {
            return null;
        }

        var at = RtpHeader.Size + (4 * (input[0] & 0x0F)) + 2;
        if (input.Length < at + 2)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        copy[0] |= 0x10;
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at), c.Pick(Interesting.Shorts));
        return copy;
    }

    private static byte[]? SetPadding(byte[] input, MutationContext c)
    {
        if (input.Length == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        copy[0] |= 0x20;
        copy[^1] = c.Pick(Interesting.Bytes);
        return copy;
    }
}
