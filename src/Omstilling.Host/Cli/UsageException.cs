namespace Omstilling.Host.Cli;

/// <summary>A command line (or configuration) that cannot be understood; the message says what is wrong and what is expected.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("bad command line")
    {
    }

    public UsageException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
