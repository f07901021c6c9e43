using Omstilling.Storage.Messages;

namespace Omstilling.Web.Console;

/// <summary>The message form's fields while the operator fills them in (bound, so mutable).</summary>
public sealed class MessageDraftModel
{
    public string PersonId { get; set; } = "";

    public string RecipientName { get; set; } = "";

    public string? RecipientEmail { get; set; }

    public string CallerName { get; set; } = "";

    public string CallerNumber { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Text { get; set; } = "";

    public bool CallbackWanted { get; set; }

    public Guid? CallId { get; set; }

    public PhoneMessageDraft ToDraft() =>
        new(PersonId, RecipientName, RecipientEmail, CallerName, CallerNumber, Subject, Text, CallbackWanted, CallId);
}
