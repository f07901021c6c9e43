namespace Omstilling.Web.Messages;

/// <summary>
/// A mail could not be made, with the reason in Danish for the person to read (kept on the item).
/// <see cref="Permanent"/>: trying again cannot help (a recording that is gone), so the outbox gives
/// up at once instead of retrying for a day.
/// </summary>
public sealed class MailCompositionException : Exception
{
    public MailCompositionException()
    {
    }

    public MailCompositionException(string message)
        : base(message)
    {
    }

    public MailCompositionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MailCompositionException(string message, bool permanent, Exception? innerException)
        : base(message, innerException)
    {
        Permanent = permanent;
    }

    public bool Permanent { get; }
}
