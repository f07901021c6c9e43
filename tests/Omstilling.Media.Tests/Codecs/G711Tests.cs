using Omstilling.Media.Codecs;

namespace Omstilling.Media.Tests.Codecs;

public sealed class G711Tests
{
    // Expected codes computed with CPython's audioop (an independent G.711 implementation).
    [Theory]
    [InlineData(0, 0xD5, 0xFF)]
    [InlineData(-1, 0x55, 0x7E)]
    [InlineData(1, 0xD5, 0xFF)]
    [InlineData(5, 0xD5, 0xFE)]
    [InlineData(-5, 0x55, 0x7E)]
    [InlineData(100, 0xD3, 0xF2)]
    [InlineData(-100, 0x53, 0x72)]
    [InlineData(1000, 0xFA, 0xCE)]
    [InlineData(-1000, 0x7A, 0x4E)]
    [InlineData(4095, 0x9A, 0xAF)]
    [InlineData(-4096, 0x1A, 0x2F)]
    [InlineData(12345, 0xBD, 0x97)]
    [InlineData(-12345, 0x3D, 0x17)]
    [InlineData(30000, 0xA8, 0x82)]
    [InlineData(-30000, 0x28, 0x02)]
    [InlineData(32767, 0xAA, 0x80)]
    [InlineData(-32768, 0x2A, 0x00)]
    public void Known_samples_encode_to_the_standard_codes(short sample, byte alaw, byte mulaw)
    {
        Assert.Equal(alaw, G711.EncodeALaw(sample));
        Assert.Equal(mulaw, G711.EncodeMuLaw(sample));
    }

    [Fact]
    public void Every_code_decodes_to_a_value_that_encodes_back_to_it()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, G711.EncodeALaw(G711.DecodeALaw((byte)code)));
            if (code != 0x7F) // µ-law has two codes for zero; 0xFF is the one the encoder picks
            {
                Assert.Equal((byte)code, G711.EncodeMuLaw(G711.DecodeMuLaw((byte)code)));
            }
        }
    }

    [Fact]
    public void Quantisation_error_stays_within_half_a_step_of_each_segment()
    {
        for (var s = short.MinValue; s < short.MaxValue; s += 7)
        {
            var a = G711.DecodeALaw(G711.EncodeALaw(s));
            var u = G711.DecodeMuLaw(G711.EncodeMuLaw(s));
            var magnitude = Math.Abs((int)s);

            // Steps double with each segment: the error stays below 1/16 of the magnitude plus the smallest steps.
            Assert.InRange(Math.Abs(a - s), 0, (magnitude / 16) + 16);
            Assert.InRange(Math.Abs(u - s), 0, (magnitude / 16) + 8);
        }
    }

    [Fact]
    public void Buffers_are_encoded_and_decoded_in_one_call()
    {
        short[] pcm = [0, 100, -100, 20000, -20000];
        var encoded = new byte[pcm.Length];
        var decoded = new short[pcm.Length];

        G711.EncodeALaw(pcm, encoded);
        G711.DecodeALaw(encoded, decoded);

        for (var i = 0; i < pcm.Length; i++)
        {
            Assert.Equal(G711.DecodeALaw(G711.EncodeALaw(pcm[i])), decoded[i]);
        }
    }
}
