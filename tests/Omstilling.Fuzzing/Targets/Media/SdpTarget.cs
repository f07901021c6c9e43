using System.Net;
using System.Text;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;
using Omstilling.Media.Sdp;
using Omstilling.Media.Srtp;

namespace Omstilling.Fuzzing.Targets.Media;

/// <summary>
/// SDP as the call engine meets it: a body decoded as UTF-8, parsed, answered (RFC 3264) or read as
/// the answer to our offer, and our answer written out.
/// </summary>
internal sealed class SdpTarget : IFuzzTarget
{
    private static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.10"), 40000);

    /// <summary>A leg over TLS whose account allows SRTP: what an SDES offer is answered with.</summary>
    private static readonly MediaSecurity OverTls = new(SrtpPolicy.Optional, SecureSignalling: true, SrtpMasterKey.Generate());

    private readonly Mutator _mutator = new(64 * 1024, SdpMutations.All, LineMutations.All, ByteMutations.All);

    public string Name => "sdp";

    public string Oracle =>
        "SessionDescription.Parse returns or throws SdpParseException; what it returns writes out to SDP that parses again to the same " +
        "text; our answer parses, has one m= line per offered one (RFC 3264 §6) and its chosen stream's RTP and RTCP addresses are usable; " +
        "answered over TLS, an SRTP stream's answer carries our key under an offered crypto tag and a plain one none";

    public IReadOnlyList<byte[]> Seeds => SdpSeeds.All;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic()
    {
        foreach (var seed in Seeds)
        {
            var lines = TextLines.Of(seed);
            foreach (var input in Mutation.Systematic.EveryByteAt(seed, lines.SelectMany(l => new[] { l.Start, l.Start + 2 })))
            {
                yield return input;
            }

            foreach (var (at, length) in Mutation.Systematic.DigitRuns(seed, 0, seed.Length))
            {
                foreach (var input in Mutation.Systematic.EveryNumberInstead(seed, at, length))
                {
                    yield return input;
                }
            }
        }

        foreach (var input in Seeds.SelectMany(Mutation.Systematic.EveryTruncation))
        {
            yield return input;
        }
    }

    public string Execute(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        SessionDescription offer;
        try
        {
            offer = SessionDescription.Parse(text);
        }
        catch (SdpParseException e)
        {
            OracleViolationException.Check(e.Message.StartsWith("SDP ", StringComparison.Ordinal), $"an SDP refusal that does not say where: {e.Message}");
            return Kind(e.Message);
        }

        var written = offer.ToString();
        var again = Reparse(written, "the parsed SDP");
        OracleViolationException.Check(again.ToString() == written, $"written SDP reads back differently:\n{written}\n---\n{again}");
        foreach (var m in offer.Media)
        {
            foreach (var pt in m.Formats)
            {
                _ = (m.EncodingOf(pt), m.ClockRateOf(pt));
            }

            _ = (offer.DirectionOf(m), offer.ConnectionOf(m));
        }

        var outcome = "parsed";
        if (SdpNegotiator.Answer(offer, Local, 7) is { } answered)
        {
            var answer = Reparse(answered.Answer.ToString(), "our answer");
            OracleViolationException.Check(answer.Media.Count == offer.Media.Count, $"our answer has {answer.Media.Count} m= lines for {offer.Media.Count} offered");
            Usable(answered.Audio);
            outcome = $"answered:{answered.Audio.Codec}:{answered.Audio.TelephoneEventPayloadType is not null}:{answered.Audio.LocalDirection}";
        }

        if (SdpNegotiator.Answer(offer, Local, 7, security: OverTls) is { } secured)
        {
            var answer = Reparse(secured.Answer.ToString(), "our SRTP answer");
            var chosen = answer.Media.Single(m => m.Port != 0);
            if (secured.Audio.Srtp is { } keys)
            {
                var line = Assert(chosen.Crypto.SingleOrDefault(), "our SRTP answer has one crypto line");
                OracleViolationException.Check(OverTls.LocalKey.Equals(line.Key) && OverTls.LocalKey.Equals(keys.Local), "our SRTP answer carries our own key");
                OracleViolationException.Check(offer.Media.Any(m => m.Crypto.Any(c => c.Tag == line.Tag && c.IsUsable && keys.Remote.Equals(c.Key))), "the answered crypto tag and key are an offered usable line");
            }
            else
            {
                OracleViolationException.Check(chosen.Crypto.Count == 0 && !chosen.IsSecureProfile, "a plain answer has no crypto line and no SAVP");
            }

            outcome += $":srtp={secured.Audio.Srtp is not null}";
        }

        foreach (var m in offer.Media)
        {
            _ = m.Crypto.Select(c => (c.IsUsable, c.ToString())).ToList();
        }

        if (SdpNegotiator.ReadAnswer(offer) is { } read)
        {
            Usable(read);
        }

        return outcome;
    }

    private static T Assert<T>(T? value, string what) where T : class =>
        value ?? throw new OracleViolationException($"violated: {what}");

    private static SessionDescription Reparse(string text, string what)
    {
        try
        {
            return SessionDescription.Parse(text);
        }
        catch (SdpParseException e)
        {
            throw new OracleViolationException($"{what} does not parse ({e.Message}):\n{text}", e);
        }
    }

    /// <summary>What RtpStream.Configure does with a negotiated stream: RTP to the address, RTCP to the port above.</summary>
    private static void Usable(NegotiatedAudio audio)
    {
        _ = audio.Remote.Serialize();
        _ = audio.RemoteRtcp;
        _ = SdpNegotiator.Describe(audio);
    }

    /// <summary>The refusal without its line number and quoted values, so that similar refusals count as one outcome.</summary>
    private static string Kind(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var kind = colon < 0 ? message : message[(colon + 2)..];
        var quote = kind.IndexOf('\'', StringComparison.Ordinal);
        return quote < 0 ? kind : kind[..quote];
    }
}
