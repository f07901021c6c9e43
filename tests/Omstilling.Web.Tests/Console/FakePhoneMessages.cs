using Omstilling.Storage.Messages;
using Omstilling.Web.Messages;

namespace Omstilling.Web.Tests.Console;

/// <summary>Phone messages kept in a list, newest first; e-mailed when <see cref="Mails"/>.</summary>
internal sealed class FakePhoneMessages(TimeProvider time) : IPhoneMessages
{
    public List<PhoneMessage> Kept { get; } = [];

    public bool Mails { get; set; } = true;

    public event Action<string>? Changed;

    public Task<PhoneMessage> SendAsync(PhoneMessageDraft draft, string takenBy, CancellationToken cancellationToken)
    {
        var message = new PhoneMessage(Guid.NewGuid(), draft.PersonId, draft.RecipientName, draft.RecipientEmail, draft.CallerName, draft.CallerNumber,
            draft.Subject, draft.Text, draft.CallbackWanted, draft.CallId, takenBy, time.GetUtcNow());
        Kept.Insert(0, message);
        Changed?.Invoke(draft.PersonId);
        return Task.FromResult(message);
    }

    public Task<IReadOnlyList<PhoneMessage>> TakenByAsync(string takenBy, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PhoneMessage>>([.. Kept.Where(m => m.TakenBy == takenBy).Take(limit)]);
}
