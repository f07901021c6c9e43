using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Serialization;
using Omstilling.Sip.Tests.Support;

namespace Omstilling.Sip.Tests.Parsing;

/// <summary>
/// Hostile input: mutated real messages must either parse or be rejected with a
/// <see cref="SipParseException"/>, never another exception; whatever parses must serialize to
/// something that parses again with the same headers, and every typed view of it must be readable.
/// </summary>
public sealed class ParserRobustnessTests
{
    private static readonly byte[] Interesting = "\r\n\t :;,<>\"\\%@=?&[]/0-9aZ\0\u007f"u8.ToArray();

    [Fact]
    public void Mutated_messages_parse_or_are_rejected_and_what_parses_round_trips()
    {
        var seeds = new[] { SampleMessages.Invite, SampleMessages.Register }
            .Select(SampleMessages.Bytes)
            .Concat(TestData.Rfc4475Files().Select(TestData.Rfc4475))
            .ToArray();
        var random = new Random(3261);
        var parsed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = Mutate(seeds[random.Next(seeds.Length)], random);
            SipMessage? message;
            try
            {
                if (SipParser.TryParseDatagram(bytes, SipParserLimits.Default, out message) != ParseStatus.Complete)
                {
                    continue;
                }
            }
            catch (SipParseException e)
            {
                Assert.InRange(e.Offset, 0, bytes.Length);
                continue;
            }

            parsed++;
            ReadEverything(message!);
            Assert.Equal(ParseStatus.Complete, SipParser.TryParseDatagram(SipMessageWriter.ToBytes(message!), SipParserLimits.Default, out var again));
            Assert.Equal(message!.Headers.Count + (message.Headers.Contains(HeaderName.ContentLength) ? 0 : 1), again!.Headers.Count);
        }

        Assert.True(parsed > 1000, $"only {parsed} mutations parsed: the mutations are too destructive to test much");
    }

    [Fact]
    public void Every_truncation_of_a_datagram_is_rejected_or_parsed_never_thrown_otherwise()
    {
        var bytes = SampleMessages.Bytes(SampleMessages.Invite);
        for (var length = 0; length <= bytes.Length; length++)
        {
            try
            {
                SipParser.TryParseDatagram(bytes.AsMemory(0, length), SipParserLimits.Default, out _);
            }
            catch (SipParseException)
            {
                // Expected for most truncations.
            }
        }
    }

    private static void ReadEverything(SipMessage message)
    {
        _ = message.TopVia;
        _ = message.Vias;
        _ = message.From;
        _ = message.To;
        _ = message.CallId;
        _ = message.CSeq;
        _ = message.Contacts;
        _ = message.Routes;
        _ = message.RecordRoutes;
        _ = message.MaxForwards;
        _ = message.Expires;
        if (message is SipRequest request)
        {
            _ = request.RequestUri.ToString();
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
