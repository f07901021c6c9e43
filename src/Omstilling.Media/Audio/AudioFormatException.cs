namespace Omstilling.Media.Audio;

/// <summary>An audio file that cannot be used; the message names the file and what is supported.</summary>
public sealed class AudioFormatException : Exception
{
    public AudioFormatException(string message)
        : base(message)
    {
    }

    public AudioFormatException()
    {
    }

    public AudioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
