using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Messages;

/// <summary>
/// Phone messages: kept when the operator sends them, listed in the person's inbox, marked read and
/// handled, and followed by the mailer until e-mailed. <see cref="Changed"/> tells live pages whose
/// inbox changed. Thread-safe.
/// </summary>
public sealed class MessageStore(OmstillingDatabase database, TimeProvider time)
{
    /// <summary>Raised after a change, with the recipient's person id (outside any database work).</summary>
    public event Action<string>? Changed;

    /// <summary>Keeps a new message (to be e-mailed as soon as the mailer gets to it).</summary>
    public async Task<PhoneMessage> CreateAsync(PhoneMessageDraft draft, string takenBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(takenBy);
        var problems = draft.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(' ', problems), nameof(draft));
        }

        var now = time.GetUtcNow();
        var record = new PhoneMessageRecord
        {
            Id = Guid.CreateVersion7(now),
            PersonId = draft.PersonId,
            RecipientName = draft.RecipientName,
            RecipientEmail = string.IsNullOrWhiteSpace(draft.RecipientEmail) ? null : draft.RecipientEmail.Trim(),
            CallerName = draft.CallerName.Trim(),
            CallerNumber = draft.CallerNumber.Trim(),
            Subject = draft.Subject.Trim(),
            Text = draft.Text.Trim(),
            CallbackWanted = draft.CallbackWanted,
            CallId = draft.CallId,
            TakenBy = takenBy,
            TakenAt = now,
            NextEmailAttempt = now,
        };
        await using (var db = database.CreateContext())
        {
            db.PhoneMessages.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        Changed?.Invoke(record.PersonId);
        return ToMessage(record);
    }

    /// <summary>A person's messages, newest first.</summary>
    public async Task<IReadOnlyList<PhoneMessage>> InboxAsync(string personId, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var records = await db.PhoneMessages.AsNoTracking().Where(m => m.PersonId == personId)
            .OrderByDescending(m => m.TakenAt).Take(limit).ToListAsync(cancellationToken);
        return [.. records.Select(ToMessage)];
    }

    public async Task<int> UnreadCountAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.PhoneMessages.CountAsync(m => m.PersonId == personId && m.ReadAt == null, cancellationToken);
    }

    /// <summary>The messages an operator took, newest first (the console shows whether each was e-mailed).</summary>
    public async Task<IReadOnlyList<PhoneMessage>> TakenByAsync(string takenBy, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var records = await db.PhoneMessages.AsNoTracking().Where(m => m.TakenBy == takenBy)
            .OrderByDescending(m => m.TakenAt).Take(limit).ToListAsync(cancellationToken);
        return [.. records.Select(ToMessage)];
    }

    public async Task<PhoneMessage?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var record = await db.PhoneMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return record is null ? null : ToMessage(record);
    }

    /// <summary>Marks a message of the person's read (the first time only); false when it is not theirs.</summary>
    public Task<bool> MarkReadAsync(Guid id, string personId, CancellationToken cancellationToken) =>
        UpdateAsync(id, personId, (m, now) => m.ReadAt ??= now, cancellationToken);

    /// <summary>Marks a message handled (the caller was rung back) or not handled again; handling reads it too.</summary>
    public Task<bool> SetHandledAsync(Guid id, string personId, bool handled, CancellationToken cancellationToken) =>
        UpdateAsync(id, personId, (m, now) =>
        {
            m.ReadAt ??= now;
            m.HandledAt = handled ? now : null;
        }, cancellationToken);

    /// <summary>Messages not yet e-mailed whose next attempt is due, oldest first.</summary>
    public async Task<IReadOnlyList<PhoneMessage>> DueForEmailAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateContext();
        var records = await db.PhoneMessages.AsNoTracking()
            .Where(m => m.EmailSentAt == null && m.RecipientEmail != null && m.NextEmailAttempt != null && m.NextEmailAttempt <= now)
            .OrderBy(m => m.TakenAt).Take(limit).ToListAsync(cancellationToken);
        return [.. records.Select(ToMessage)];
    }

    /// <summary>When the next unsent message is due, or null when none waits.</summary>
    public async Task<DateTimeOffset?> NextEmailDueAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.PhoneMessages.Where(m => m.EmailSentAt == null && m.RecipientEmail != null && m.NextEmailAttempt != null)
            .OrderBy(m => m.NextEmailAttempt).Select(m => m.NextEmailAttempt).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task RecordEmailSentAsync(Guid id, CancellationToken cancellationToken)
    {
        string? person = null;
        await using (var db = database.CreateContext())
        {
            if (await db.PhoneMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } record)
            {
                record.EmailSentAt = time.GetUtcNow();
                record.EmailAttempts++;
                record.EmailError = null;
                record.NextEmailAttempt = null;
                person = record.PersonId;
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (person is not null)
        {
            Changed?.Invoke(person);
        }
    }

    /// <summary>Records a failed attempt; <paramref name="nextAttempt"/> null gives up (the error stays for the operator).</summary>
    public async Task RecordEmailFailedAsync(Guid id, string error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        string? person = null;
        await using (var db = database.CreateContext())
        {
            if (await db.PhoneMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } record)
            {
                record.EmailAttempts++;
                record.EmailError = error.Length > 1000 ? error[..1000] : error;
                record.NextEmailAttempt = nextAttempt;
                person = record.PersonId;
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (person is not null)
        {
            Changed?.Invoke(person);
        }
    }

    private async Task<bool> UpdateAsync(Guid id, string personId, Action<PhoneMessageRecord, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        int written;
        await using (var db = database.CreateContext())
        {
            var record = await db.PhoneMessages.FirstOrDefaultAsync(m => m.Id == id && m.PersonId == personId, cancellationToken);
            if (record is null)
            {
                return false;
            }

            change(record, time.GetUtcNow());
            written = await db.SaveChangesAsync(cancellationToken);
        }

        if (written > 0)
        {
            Changed?.Invoke(personId); // a message read again changes nothing, and wakes no inbox
        }

        return true;
    }

    private static PhoneMessage ToMessage(PhoneMessageRecord r) =>
        new(r.Id, r.PersonId, r.RecipientName, r.RecipientEmail, r.CallerName, r.CallerNumber, r.Subject, r.Text, r.CallbackWanted, r.CallId, r.TakenBy, r.TakenAt)
        {
            ReadAt = r.ReadAt,
            HandledAt = r.HandledAt,
            EmailSentAt = r.EmailSentAt,
            EmailAttempts = r.EmailAttempts,
            EmailError = r.EmailError,
        };
}
