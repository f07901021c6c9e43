namespace Omstilling.Media.Sdp;

/// <summary>An SDP body that cannot be read; the message says which line and why (answered 400 or 488).</summary>
public sealed class SdpParseException : Exception
{
    public SdpParseException(string message)
        : base(message)
    {
    }

    public SdpParseException()
    {
    }

    public SdpParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
