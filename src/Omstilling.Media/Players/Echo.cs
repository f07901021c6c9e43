using Omstilling.Media.Rtp;

namespace Omstilling.Media.Players;

/// <summary>
/// Sends everything a stream receives straight back (the installers' echo test number); digits
/// are passed on to <see cref="Digit"/>.
/// </summary>
public sealed class Echo : IRtpListener
{
    public event Action<char>? Digit;

    public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Relay(payload, stream.Codec, marker);
    }

    public void OnDigit(RtpStream stream, char digit) => Digit?.Invoke(digit);
}
