namespace Omstilling.Media.Rtp;

/// <summary>
/// Whoever owns a stream's incoming media now: a bridge, an echo, a recorder, a menu waiting for
/// digits. Called on the stream's receive loop, one packet at a time; must be quick.
/// </summary>
public interface IRtpListener
{
    /// <summary>An audio packet in the stream's negotiated codec (<see cref="RtpStream.Codec"/>).</summary>
    void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker);

    /// <summary>A DTMF digit (RFC 4733 or SIP INFO), once per key press, in order.</summary>
    void OnDigit(RtpStream stream, char digit);
}
