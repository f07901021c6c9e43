using Omstilling.Calls.Control;
using Omstilling.Policy.Model;
using Omstilling.Storage.Messages;
using Omstilling.Web.Cards;
using Omstilling.Web.Messages;

namespace Omstilling.Web.Console;

/// <summary>
/// The telefonbesked form (Alt+N) and the operator's latest messages with their state (e-mailed,
/// failed, read). Not thread-safe: one per console, used on its circuit.
/// </summary>
public sealed class MessageViewModel(IPhoneMessages messages, DirectoryHolder directory, string userName, ConsoleFeedback feedback)
{
    /// <summary>How many of the operator's latest messages the console lists.</summary>
    public const int SentShown = 5;

    /// <summary>The form being filled in, or null when it is closed.</summary>
    public MessageDraftModel? Draft { get; private set; }

    /// <summary>What keeps the form from being sent, in Danish.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The operator's latest messages, newest first.</summary>
    public IReadOnlyList<PhoneMessage> Sent { get; private set; } = [];

    /// <summary>Whether messages are e-mailed (or only put in the inbox).</summary>
    public bool Mails => messages.Mails;

    /// <summary>Opens the form for the person, with the caller's number when there is a call; false (and the operator told) without a person.</summary>
    public bool Open(string? personId, CallView? call)
    {
        if (personId is null || !directory.Current.TryGetPerson(personId, out var person))
        {
            feedback.Refuse("Søg først personen frem, som beskeden er til.");
            return false;
        }

        Draft = new MessageDraftModel
        {
            PersonId = person.Id,
            RecipientName = person.Name,
            RecipientEmail = person.Email,
            CallerNumber = call is null ? "" : DanishNumber.Display(call.Caller),
            CallId = call?.Id,
            CallbackWanted = true,
        };
        Problems = [];
        return true;
    }

    public void Cancel()
    {
        Draft = null;
        Problems = [];
    }

    /// <summary>Keeps and sends the message when the form is complete; otherwise the form stays open with its problems.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (Draft is null)
        {
            return;
        }

        var draft = Draft.ToDraft();
        Problems = draft.Problems();
        if (Problems.Count > 0)
        {
            return;
        }

        await messages.SendAsync(draft, userName, cancellationToken);
        feedback.Say(messages.Mails && draft.RecipientEmail is not null
            ? $"Beskeden til {draft.RecipientName} er gemt og sendes til {draft.RecipientEmail}."
            : $"Beskeden ligger i {draft.RecipientName}s indbakke.");
        Draft = null;
        await LoadSentAsync(cancellationToken);
    }

    public async Task LoadSentAsync(CancellationToken cancellationToken) =>
        Sent = await messages.TakenByAsync(userName, SentShown, cancellationToken);

    /// <summary>Whether a change to the person's messages may change the list (one of them is the person's).</summary>
    public bool Lists(string personId) => Sent.Any(m => m.PersonId == personId);

    /// <summary>A sent message's state: "E-mail sendt", "E-mail fejlede", "Kun indbakke", "Sendes …".</summary>
    public static string MailState(PhoneMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.EmailSentAt is not null ? "E-mail sendt"
            : message.EmailError is not null ? "E-mail fejlede"
            : message.RecipientEmail is null ? "Kun indbakke"
            : "Sendes …";
    }
}
