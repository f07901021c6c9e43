using System.Security.Cryptography;
using System.Text;
using Omstilling.Media;
using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Players;
using Omstilling.Media.Rtp;
using Omstilling.Media.Sdp;
using Omstilling.Sip.Messages;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// The audio of one simulated call: its RTP stream from the network's media server, the SDP
/// offer/answer for it (the Media project's <see cref="SdpNegotiator"/>: PCMA, PCMU and
/// telephone-event/8000 on 101), a quiet tone looped on the media clock while the call talks, the
/// digits the other side sends (RFC 4733 through the stream, or SIP INFO), and digits to send.
/// Offer/answer and the tone are driven under the call's lock; digits arrive on a receive thread
/// and are kept under a lock of their own.
/// </summary>
internal sealed class CallMedia : IRtpListener
{
    /// <summary>One second of a 400 Hz tone at about -36 dBm0: whole periods, so it loops without a click.</summary>
    private static readonly AudioClip QuietTone = new("quiet tone",
        [.. Enumerable.Range(0, AudioClip.SampleRate).Select(i => (short)(400 * Math.Sin(2 * Math.PI * 400 * i / AudioClip.SampleRate)))]);

    private readonly MediaServer _server;
    private readonly ulong _sessionId = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 2;
    private readonly Lock _digitsLock = new();
    private readonly List<char> _digits = [];
    private ulong _version;
    private PromptPlayer? _tone;
    private bool _closed;

    public CallMedia(MediaServer server)
    {
        _server = server;
        Stream = server.CreateStream();
        Stream.Listener = this;
    }

    public RtpStream Stream { get; }

    /// <summary>What offer/answer settled last; null before.</summary>
    public NegotiatedAudio? Audio { get; private set; }

    public IReadOnlyList<char> Digits
    {
        get
        {
            lock (_digitsLock)
            {
                return [.. _digits];
            }
        }
    }

    /// <summary>Our offer for an INVITE (or for a 200 to an INVITE that came without one).</summary>
    public string Offer() => SdpNegotiator.CreateOffer(_server.Advertised(Stream), _sessionId, MediaDirection.SendReceive, ++_version).ToString();

    /// <summary>
    /// Answers the SDP offer of an INVITE or re-INVITE and points the stream at the peer: the
    /// status to answer with, and our SDP for a 200. An INVITE without an offer gets 200 and no
    /// answer (our offer goes in the 200, the peer's answer comes in the ACK, RFC 3261 §13.2.1); an
    /// unreadable offer 400; one with no audio we share 488.
    /// </summary>
    public int AnswerOffer(SipRequest invite, out string? answer)
    {
        answer = null;
        if (invite.Body.IsEmpty)
        {
            return SipStatus.Ok;
        }

        if (Read(invite) is not { } offer)
        {
            return SipStatus.BadRequest;
        }

        if (SdpNegotiator.Answer(offer, _server.Advertised(Stream), _sessionId, ++_version) is not { } negotiated)
        {
            return SipStatus.NotAcceptableHere;
        }

        Use(negotiated.Audio);
        answer = negotiated.Answer.ToString();
        return SipStatus.Ok;
    }

    /// <summary>Takes the peer's answer to our offer; false when it is unreadable or accepts no audio we offered.</summary>
    public bool Accept(SipMessage answer)
    {
        if (Read(answer) is not { } description || SdpNegotiator.ReadAnswer(description) is not { } audio)
        {
            return false;
        }

        Use(audio);
        return true;
    }

    /// <summary>Puts an SDP body on a message.</summary>
    public static void Attach(SipMessage message, string sdp)
    {
        message.Headers.Set(HeaderName.ContentType, "application/sdp");
        message.Body = Encoding.ASCII.GetBytes(sdp);
    }

    /// <summary>Starts the tone: one packet per 20 ms on the media clock, while the direction lets us send.</summary>
    public void StartSending()
    {
        if (!_closed && _tone is null)
        {
            _tone = PromptPlayer.Start(Stream, _server.Clock, [QuietTone], loop: true);
        }
    }

    /// <summary>Sends digits as RFC 4733 events on the media clock; completes when the last end packet went.</summary>
    public async Task SendDigitsAsync(string digits, CancellationToken cancellationToken)
    {
        if (!Stream.CanSendDigits)
        {
            throw new InvalidOperationException("The other side did not accept telephone-event: no RFC 4733 digits can be sent.");
        }

        var sender = DtmfSender.Start(Stream, _server.Clock, digits);
        try
        {
            await sender.Completion.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _server.Clock.Remove(sender);
            throw;
        }
    }

    /// <summary>A digit by SIP INFO (some servers send keys that way).</summary>
    public void OnInfoDigit(char digit) => Heard(digit);

    public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker)
    {
        // Counted by the stream (PacketsReceived); nothing is played anywhere.
    }

    public void OnDigit(RtpStream stream, char digit) => Heard(digit);

    /// <summary>Stops the tone and closes the stream (its ports go back to the pool); the counts stay readable.</summary>
    public void Close()
    {
        _closed = true;
        _tone?.Stop();
        Stream.Close();
    }

    /// <summary>The SDP of a message; null when it cannot be read (what is wrong is the peer's business, not a log line here).</summary>
    private static SessionDescription? Read(SipMessage message)
    {
        try
        {
            return SessionDescription.Parse(message.BodyText);
        }
        catch (SdpParseException)
        {
            return null;
        }
    }

    private void Use(NegotiatedAudio audio)
    {
        Audio = audio;
        Stream.Configure(audio);
    }

    private void Heard(char digit)
    {
        lock (_digitsLock)
        {
            _digits.Add(digit);
        }
    }
}
