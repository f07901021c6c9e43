using Omstilling.Storage.Messages;

namespace Omstilling.Web.Messages;

/// <summary>What the console does with phone messages: send one, and list those an operator took. Thread-safe.</summary>
public interface IPhoneMessages
{
    /// <summary>Whether messages are e-mailed at all (an SMTP server is configured).</summary>
    bool Mails { get; }

    /// <summary>A message for the person (their id) was kept, read, handled or e-mailed; raised outside every lock.</summary>
    event Action<string>? Changed;

    /// <summary>Keeps the message and hands it to the mailer (when there is one).</summary>
    Task<PhoneMessage> SendAsync(PhoneMessageDraft draft, string takenBy, CancellationToken cancellationToken);

    /// <summary>The latest messages <paramref name="takenBy"/> took, newest first.</summary>
    Task<IReadOnlyList<PhoneMessage>> TakenByAsync(string takenBy, int limit, CancellationToken cancellationToken);
}
