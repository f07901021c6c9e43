using System.Buffers.Binary;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Media.Dtmf;

namespace Omstilling.Fuzzing.Targets.Media;

/// <summary>
/// RFC 4733 telephone-event payloads through one stream's receiver, in order. The input is a list of
/// records: a 4-byte RTP timestamp, a length byte, that many payload bytes (a short last record is cut).
/// </summary>
internal sealed class Rfc4733Target : IFuzzTarget
{
    private const string Digits = "0123456789*#ABCD";

    /// <summary>How many events the receiver promises to tell apart from a new press (its documented memory).</summary>
    private const int Remembered = 4;

    private readonly Mutator _mutator = new(4096, [SetEventCode], ByteMutations.All);

    public string Name => "rfc4733";

    public string Oracle =>
        "Rfc4733Receiver reports exactly the digits a model of RFC 4733 §2.5.1.2 does: a packet of a new event (a timestamp not among " +
        "the last four) with code 0-15, as DtmfDigits maps it; the packets " +
        "Rfc4733Sender makes for that digit decode to it exactly once";

    public IReadOnlyList<byte[]> Seeds { get; } = RtpSeeds.EventRecords();

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, Enumerable.Range(0, Math.Min(s.Length, 18))))
            .Concat(Seeds.SelectMany(Mutation.Systematic.EveryTruncation));

    public string Execute(byte[] input)
    {
        var receiver = new Rfc4733Receiver();
        var events = new List<uint>();
        var digits = 0;
        for (var pos = 0; pos + 5 <= input.Length;)
        {
            var timestamp = BinaryPrimitives.ReadUInt32BigEndian(input.AsSpan(pos));
            var length = Math.Min(input[pos + 4], input.Length - pos - 5);
            var payload = input.AsSpan(pos + 5, length);
            pos += 5 + length;
            var digit = receiver.Receive(timestamp, payload);

            // The model: a packet of 4 bytes or more whose timestamp is not among the last events is a new
            // event (§2.5.1.2), and a new event with code 0-15 is a digit.
            var isNew = payload.Length >= 4 && !events.TakeLast(Remembered).Contains(timestamp);
            if (isNew)
            {
                events.Add(timestamp);
            }

            char? expected = isNew && payload[0] < 16 ? Digits[payload[0]] : null;
            OracleViolationException.Check(digit == expected, $"a packet of event {(payload.Length > 0 ? payload[0] : -1)} at timestamp {timestamp} gave '{digit}', expected '{expected}'");
            if (digit is { } d)
            {
                OracleViolationException.Check(Rfc4733Receiver.Read(payload).Event == payload[0], "Read disagrees with Receive");
                digits++;
                SenderRoundTrip(d, timestamp);
            }
        }

        return $"digits:{Math.Min(digits, 3)}";
    }

    /// <summary>The packets we send for a digit decode to it once, whatever the key's duration.</summary>
    private static void SenderRoundTrip(char digit, uint timestamp)
    {
        var receiver = new Rfc4733Receiver();
        var decoded = Rfc4733Sender.Packets(digit, TimeSpan.FromMilliseconds(timestamp % 10_000))
            .Select(p => receiver.Receive(timestamp + 1, p.Payload))
            .Where(d => d is not null)
            .ToList();
        OracleViolationException.Check(decoded.Count == 1 && decoded[0] == digit, $"'{digit}' sent decodes as [{string.Join(", ", decoded)}]");
    }

    /// <summary>The event code of one record set to any byte value.</summary>
    private static byte[]? SetEventCode(byte[] input, MutationContext c)
    {
        var starts = new List<int>();
        for (var pos = 0; pos + 5 < input.Length; pos += 5 + input[pos + 4])
        {
            starts.Add(pos + 5);
        }

        if (starts.Count == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        copy[c.Pick(starts)] = (byte)c.Random.Next(256);
        return copy;
    }
}
