using System.Security.Cryptography;
using System.Text;
using Omstilling.Media;
using Omstilling.Media.Rtp;
using Omstilling.Media.Sdp;
using Omstilling.Media.Srtp;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Media;

/// <summary>
/// The media of one call leg: our RTP stream towards that phone and the offer/answer state (session
/// id and version, RFC 3264 §8) for its SDP. Every call is anchored: phones send media to us, never
/// to each other, so we can play prompts, hold music and swap parties on transfer. The leg's
/// <see cref="MediaSecurity"/> (the account's SRTP policy, whether its signalling came over TLS,
/// and our SRTP key, one per leg) decides whether SRTP is offered and accepted; the stream
/// encrypts and decrypts, so what the call bridges, plays and records is always plain audio.
/// Owned by one call and used under its lock.
/// </summary>
internal sealed class LegMedia
{
    /// <summary>
    /// The reason phrase of the 400 for SDP we cannot read: a fixed text, never the parser's own
    /// words (no exception text leaves the server in a response).
    /// </summary>
    public const string UnreadableSdp = "Unreadable SDP";

    /// <summary>The reason phrase of the 488 for an offer with no audio we may take: no G.711, or not the SRTP the account and the transport allow.</summary>
    public const string NotAcceptable = "No acceptable audio (PCMA or PCMU, SRTP as the account and transport allow)";

    private readonly MediaServer _server;
    private readonly ulong _sessionId = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 2;
    private ulong _version;

    private LegMedia(MediaServer server, RtpStream stream, MediaSecurity security)
    {
        _server = server;
        Stream = stream;
        Security = security;
    }

    /// <summary>What this leg allows of SRTP.</summary>
    public MediaSecurity Security { get; }

    /// <summary>Whether the leg's media is SRTP now.</summary>
    public bool IsSecure => Stream.IsSecure;

    public RtpStream Stream { get; }

    /// <summary>What the phone asked for in its latest offer or answer (hold shows here).</summary>
    public MediaDirection PeerDirection { get; private set; } = MediaDirection.SendReceive;

    /// <summary>A leg with plain RTP only: our INVITEs to phones and to the trunk (their signalling is not known to be TLS).</summary>
    public static LegMedia Create(MediaServer server) => Create(server, SrtpPolicy.Off, secureSignalling: false);

    /// <summary>A leg whose SRTP follows <paramref name="policy"/>, agreed only when <paramref name="secureSignalling"/> (TLS).</summary>
    public static LegMedia Create(MediaServer server, SrtpPolicy policy, bool secureSignalling)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new(server, server.CreateStream(), new MediaSecurity(policy, secureSignalling, SrtpMasterKey.Generate()));
    }

    /// <summary>
    /// Answers the phone's offer (INVITE or re-INVITE body): configures the stream and returns our
    /// SDP, or null when no audio in it can be served (answer 488 with <see cref="NotAcceptable"/>). Throws <see cref="SdpParseException"/> for a malformed body.
    /// </summary>
    public string? Answer(SipMessage offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var description = SessionDescription.Parse(offer.BodyText);
        var result = SdpNegotiator.Answer(description, _server.Advertised(Stream), _sessionId, ++_version, Security);
        if (result is not { } negotiated)
        {
            return null;
        }

        PeerDirection = negotiated.Audio.LocalDirection.Answering();
        Stream.Configure(negotiated.Audio);
        return negotiated.Answer.ToString();
    }

    /// <summary>Our offer for an INVITE to the phone.</summary>
    public string Offer(MediaDirection direction = MediaDirection.SendReceive) =>
        SdpNegotiator.CreateOffer(_server.Advertised(Stream), _sessionId, direction, ++_version, Security).ToString();

    /// <summary>Applies the phone's answer to our offer; false when it accepted no audio we offered.</summary>
    public bool ApplyAnswer(SipMessage answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var audio = SdpNegotiator.ReadAnswer(SessionDescription.Parse(answer.BodyText), Security);
        if (audio is null)
        {
            return false;
        }

        PeerDirection = audio.LocalDirection.Answering();
        Stream.Configure(audio);
        return true;
    }

    /// <summary>Puts an SDP body on a message.</summary>
    public static void Attach(SipMessage message, string sdp)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Headers.Set(HeaderName.ContentType, "application/sdp");
        message.Body = Encoding.ASCII.GetBytes(sdp);
    }

    /// <summary>Closes the stream and frees its ports (callable under the call's lock: nothing is awaited).</summary>
    public void Close() => Stream.Close();
}
