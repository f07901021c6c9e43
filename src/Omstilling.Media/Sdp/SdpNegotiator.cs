using System.Globalization;
using System.Net;

namespace Omstilling.Media.Sdp;

/// <summary>
/// Offer/answer (RFC 3264) for one audio stream: G.711 A-law preferred, µ-law, and RFC 4733
/// telephone-event, 20 ms packets. Other m= sections are answered with port 0. An offer with no
/// audio we can serve is refused (the SIP layer answers 488). SRTP with SDES keys (RFC 4568) as
/// the leg's <see cref="MediaSecurity"/> allows: an RTP/SAVP offer, or an RTP/AVP offer with
/// <c>a=crypto</c> lines (the "best effort" SRTP of baresip's <c>mediaenc=srtp</c>), is answered
/// in the same profile with our own key under the tag of the first usable line. Stateless and thread-safe.
/// </summary>
public static class SdpNegotiator
{
    public const int DefaultTelephoneEventPayloadType = 101;
    public const int PacketTimeMs = 20;

    /// <summary>The tag of the crypto line we offer.</summary>
    public const int OfferedCryptoTag = 1;

    /// <summary>
    /// Our offer for a new stream on <paramref name="local"/>. With a <paramref name="security"/>
    /// that allows SRTP: RTP/SAVP and our key when plain RTP is not allowed, otherwise RTP/AVP with
    /// our key as well, which a phone that knows SDES may take up and any other ignores.
    /// </summary>
    public static SessionDescription CreateOffer(IPEndPoint local, ulong sessionId, MediaDirection direction = MediaDirection.SendReceive, ulong version = 1, MediaSecurity? security = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        var srtp = security is { AllowsSrtp: true };
        return new SessionDescription
        {
            OriginUser = "omstilling", SessionId = sessionId, SessionVersion = version, OriginAddress = local.Address, SessionName = "Omstilling",
            Connection = local.Address,
            Media =
            [
                new MediaDescription
                {
                    Media = "audio", Port = local.Port, Protocol = srtp && !security!.AllowsPlain ? "RTP/SAVP" : "RTP/AVP",
                    Formats = [8, 0, DefaultTelephoneEventPayloadType],
                    RtpMaps = new Dictionary<int, string>
                    {
                        [8] = "PCMA/8000", [0] = "PCMU/8000", [DefaultTelephoneEventPayloadType] = "telephone-event/8000",
                    },
                    Fmtps = new Dictionary<int, string> { [DefaultTelephoneEventPayloadType] = "0-16" },
                    PacketTime = PacketTimeMs, Direction = direction,
                    OtherAttributes = srtp ? [new SdesCrypto(OfferedCryptoTag, SdesCrypto.SupportedSuite, security!.LocalKey).ToAttribute()] : [],
                },
            ],
        };
    }

    /// <summary>
    /// Answers an offer from the peer with our address <paramref name="local"/>; null when no audio
    /// stream of the offer can be served (answer 488 Not Acceptable Here).
    /// </summary>
    /// <remarks>
    /// Without <paramref name="security"/>, plain RTP only. An audio stream is unusable when it is
    /// RTP/SAVP and SRTP is not allowed or none of its crypto lines is usable, or when it would be
    /// plain and the policy requires SRTP.
    /// </remarks>
    public static (SessionDescription Answer, NegotiatedAudio Audio)? Answer(SessionDescription offer, IPEndPoint local, ulong sessionId, ulong version = 1, MediaSecurity? security = null)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        security ??= MediaSecurity.Plain;
        NegotiatedAudio? chosen = null;
        var answered = new List<MediaDescription>();
        foreach (var m in offer.Media)
        {
            var usable = chosen is null && m.Media == "audio" && m.Port != 0 && m.Protocol is "RTP/AVP" or "RTP/AVPF" or "RTP/SAVP" or "RTP/SAVPF" &&
                         offer.ConnectionOf(m) is not null;
            var crypto = usable && security.AllowsSrtp ? m.Crypto.FirstOrDefault(c => c.IsUsable) : null;
            if (crypto is null && (m.IsSecureProfile || !security.AllowsPlain))
            {
                usable = false;
            }

            var pick = usable ? PickCodec(m) : null;
            if (pick is null)
            {
                // Rejected with one of its own formats (RFC 3264 §6): a payload type, else a token such as BFCP's "*".
                answered.Add(m with
                {
                    Port = 0, Formats = m.Formats.Take(1).ToList(), OtherFormats = m.Formats.Count > 0 ? [] : m.OtherFormats.Take(1).ToList(),
                    OtherAttributes = [], Direction = null,
                });
                continue;
            }

            var (codec, pt) = pick.Value;
            var dtmf = m.Formats.FirstOrDefault(f => m.EncodingOf(f) == "TELEPHONE-EVENT" && m.ClockRateOf(f) == 8000, -1);
            var direction = offer.DirectionOf(m).Answering();
            var address = offer.ConnectionOf(m)!;
            chosen = new NegotiatedAudio(codec, pt, dtmf >= 0 ? dtmf : null, new IPEndPoint(address, m.Port), direction)
            {
                Srtp = crypto is null ? null : new SdesKeys(security.LocalKey, crypto.Key!),
            };
            var formats = dtmf >= 0 ? new List<int> { pt, dtmf } : [pt];
            var maps = new Dictionary<int, string> { [pt] = codec == AudioCodec.Pcma ? "PCMA/8000" : "PCMU/8000" };
            var fmtps = new Dictionary<int, string>();
            if (dtmf >= 0)
            {
                maps[dtmf] = "telephone-event/8000";
                fmtps[dtmf] = "0-16";
            }

            answered.Add(new MediaDescription
            {
                Media = "audio", Port = local.Port, Protocol = m.Protocol, Formats = formats, RtpMaps = maps, Fmtps = fmtps,
                PacketTime = PacketTimeMs, Direction = direction,
                OtherAttributes = crypto is null ? [] : [new SdesCrypto(crypto.Tag, SdesCrypto.SupportedSuite, security.LocalKey).ToAttribute()],
            });
        }

        if (chosen is null)
        {
            return null;
        }

        var answer = new SessionDescription
        {
            OriginUser = "omstilling", SessionId = sessionId, SessionVersion = version, OriginAddress = local.Address, SessionName = "Omstilling",
            Connection = local.Address, Media = answered,
        };
        return (answer, chosen);
    }

    /// <summary>
    /// Reads the peer's answer to our offer (made with <paramref name="offered"/>); null when it
    /// accepted no audio we offered, or answered without a usable crypto line where plain RTP is not allowed.
    /// </summary>
    public static NegotiatedAudio? ReadAnswer(SessionDescription answer, MediaSecurity? offered = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        offered ??= MediaSecurity.Plain;
        foreach (var m in answer.Media)
        {
            if (m.Media != "audio" || m.Port == 0 || answer.ConnectionOf(m) is not { } address || PickCodec(m) is not { } pick)
            {
                continue;
            }

            var crypto = offered.AllowsSrtp ? m.Crypto.FirstOrDefault(c => c.Tag == OfferedCryptoTag && c.IsUsable) : null;
            if (crypto is null && (m.IsSecureProfile || !offered.AllowsPlain))
            {
                continue;
            }

            var dtmf = m.Formats.FirstOrDefault(f => m.EncodingOf(f) == "TELEPHONE-EVENT", -1);
            var remoteDirection = answer.DirectionOf(m);
            return new NegotiatedAudio(pick.Codec, pick.PayloadType, dtmf >= 0 ? dtmf : null, new IPEndPoint(address, m.Port), remoteDirection.Answering())
            {
                Srtp = crypto is null ? null : new SdesKeys(offered.LocalKey, crypto.Key!),
            };
        }

        return null;
    }

    /// <summary>A new version of our SDP for a re-INVITE (hold: sendonly; resume: sendrecv), same session id and key.</summary>
    public static SessionDescription Reoffer(IPEndPoint local, ulong sessionId, ulong version, MediaDirection direction, MediaSecurity? security = null) =>
        CreateOffer(local, sessionId, direction, version, security);

    private static (AudioCodec Codec, int PayloadType)? PickCodec(MediaDescription m)
    {
        // Our preference decides (A-law first), among what the offer lists.
        foreach (var wanted in new[] { ("PCMA", AudioCodec.Pcma), ("PCMU", AudioCodec.Pcmu) })
        {
            foreach (var pt in m.Formats)
            {
                if (m.EncodingOf(pt) == wanted.Item1 && m.ClockRateOf(pt) == 8000)
                {
                    return (wanted.Item2, pt);
                }
            }
        }

        return null;
    }

    internal static string Describe(NegotiatedAudio audio) =>
        string.Create(CultureInfo.InvariantCulture, $"{audio.Codec}/{audio.PayloadType} to {audio.Remote} ({audio.LocalDirection}{(audio.Srtp is null ? "" : ", SRTP")})");
}
