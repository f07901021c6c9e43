using Omstilling.Media.Dtmf;

namespace Omstilling.Media.Tests.Dtmf;

public sealed class DtmfTests
{
    [Fact]
    public void A_key_press_with_redundant_end_packets_is_one_digit()
    {
        var receiver = new Rfc4733Receiver();
        var digits = new List<char>();
        uint timestamp = 8000;
        foreach (var digit in "15#")
        {
            foreach (var (payload, _) in Rfc4733Sender.Packets(digit, TimeSpan.FromMilliseconds(100)))
            {
                if (receiver.Receive(timestamp, payload) is { } d)
                {
                    digits.Add(d);
                }
            }

            timestamp += 1600;
        }

        Assert.Equal("15#", new string([.. digits]));
    }

    /// <summary>
    /// Found by fuzzing (rfc4733): an end packet of one key arriving after the next key's first
    /// packet (reordered on the way) was taken for a new press of the first key.
    /// </summary>
    [Fact]
    public void A_late_end_packet_of_the_previous_key_is_not_a_second_press()
    {
        var receiver = new Rfc4733Receiver();
        var one = Rfc4733Sender.Packets('1', TimeSpan.FromMilliseconds(60));
        var two = Rfc4733Sender.Packets('2', TimeSpan.FromMilliseconds(60));

        var digits = new[]
        {
            receiver.Receive(8000, one[0].Payload), receiver.Receive(8000, one[^2].Payload), receiver.Receive(9600, two[0].Payload),
            receiver.Receive(8000, one[^1].Payload), receiver.Receive(9600, two[^1].Payload),
        };

        Assert.Equal("12", new string([.. digits.OfType<char>()]));
    }

    [Fact]
    public void Sender_marks_the_first_packet_and_ends_with_three_end_packets()
    {
        var packets = Rfc4733Sender.Packets('7', TimeSpan.FromMilliseconds(100));

        Assert.True(packets[0].Marker);
        Assert.All(packets.Skip(1), p => Assert.False(p.Marker));
        var ends = packets.Select(p => Rfc4733Receiver.Read(p.Payload)).Where(p => p.End).ToList();
        Assert.Equal(3, ends.Count);
        Assert.All(ends, e => Assert.Equal((7, true, (ushort)800), e));
    }

    [Fact]
    public void A_lost_first_packet_still_yields_the_digit_from_the_end_packet()
    {
        var receiver = new Rfc4733Receiver();
        var packets = Rfc4733Sender.Packets('9', TimeSpan.FromMilliseconds(60));

        var digits = packets.Skip(2).Select(p => receiver.Receive(1234, p.Payload)).Where(d => d is not null).ToList();

        Assert.Equal(['9'], digits);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5')]
    [InlineData("application/dtmf-relay", "Signal= #\r\nDuration= 250\r\n", '#')]
    [InlineData("application/dtmf-relay", "Signal=11\r\n", '#')]
    [InlineData("application/dtmf", "*", '*')]
    public void Info_bodies_carry_digits(string type, string body, char digit)
    {
        Assert.Equal(digit, SipInfoDtmf.Parse(type, body));
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Duration=160")]
    [InlineData("application/dtmf", "X")]
    [InlineData("text/plain", "5")]
    public void Info_bodies_without_a_digit_give_none(string type, string body)
    {
        Assert.Null(SipInfoDtmf.Parse(type, body));
    }
}
