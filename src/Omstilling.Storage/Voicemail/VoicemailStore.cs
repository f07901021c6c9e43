using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Users;

namespace Omstilling.Storage.Voicemail;

/// <summary>
/// Voicemail rows and box settings: messages kept once their recording is in place, listed by box,
/// marked heard, deleted, and followed by the mailer until e-mailed; per box a PIN (hashed as web
/// passwords are), e-mail on or off, and the recorded greetings' file names. The files themselves
/// are the caller's (<c>VoicemailFiles</c>). Thread-safe.
/// </summary>
public sealed class VoicemailStore(OmstillingDatabase database, TimeProvider time)
{
    private readonly PasswordHashing _hashing = new();

    /// <summary>Keeps a message whose recording is written (to be e-mailed at once when it has a recipient).</summary>
    public async Task<StoredVoicemail> KeepAsync(VoicemailDeposit deposit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        var record = new VoicemailRecord
        {
            Id = deposit.Id,
            Box = deposit.Box,
            PersonId = deposit.PersonId,
            CallerNumber = Clip(deposit.CallerNumber, 50),
            CallerName = deposit.CallerName is null ? null : Clip(deposit.CallerName, 200),
            CallId = deposit.CallId,
            ReceivedAt = deposit.ReceivedAt,
            LengthMs = (int)Math.Min(int.MaxValue, deposit.Length.TotalMilliseconds),
            FileName = deposit.FileName,
            RecipientEmail = string.IsNullOrWhiteSpace(deposit.RecipientEmail) ? null : deposit.RecipientEmail.Trim(),
            RecipientName = deposit.RecipientName,
        };
        record.NextEmailAttempt = record.RecipientEmail is null ? null : time.GetUtcNow();
        await using var db = database.CreateContext();
        db.Voicemails.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return ToMessage(record);
    }

    /// <summary>A box's messages, new ones first, then heard ones, each newest first.</summary>
    public async Task<IReadOnlyList<StoredVoicemail>> BoxAsync(string box, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var records = await db.Voicemails.AsNoTracking().Where(m => m.Box == box).ToListAsync(cancellationToken);
        return [.. records.OrderBy(m => m.HeardAt is not null).ThenByDescending(m => m.ReceivedAt).Select(ToMessage)];
    }

    public async Task<StoredVoicemail?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var record = await db.Voicemails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return record is null ? null : ToMessage(record);
    }

    /// <summary>New and heard counts of every box that has messages (to start the message-waiting cache).</summary>
    public async Task<IReadOnlyDictionary<string, (int New, int Old)>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Voicemails.AsNoTracking()
            .GroupBy(m => new { m.Box, Heard = m.HeardAt != null })
            .Select(g => new { g.Key.Box, g.Key.Heard, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Box, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (g.Where(r => !r.Heard).Sum(r => r.Count), g.Where(r => r.Heard).Sum(r => r.Count)),
            StringComparer.Ordinal);
    }

    /// <summary>One box's new and heard counts.</summary>
    public async Task<(int New, int Old)> CountsAsync(string box, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var heard = await db.Voicemails.AsNoTracking().Where(m => m.Box == box).Select(m => m.HeardAt != null).ToListAsync(cancellationToken);
        return (heard.Count(h => !h), heard.Count(h => h));
    }

    /// <summary>Marks a message of the box heard or new again; false when the box has no such message.</summary>
    public async Task<bool> SetHeardAsync(Guid id, string box, bool heard, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        if (await db.Voicemails.FirstOrDefaultAsync(m => m.Id == id && m.Box == box, cancellationToken) is not { } record)
        {
            return false;
        }

        record.HeardAt = heard ? record.HeardAt ?? time.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes a message of the box's row, returning it (its file is the caller's to delete), or null when there is none.</summary>
    public async Task<StoredVoicemail?> DeleteAsync(Guid id, string box, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        if (await db.Voicemails.FirstOrDefaultAsync(m => m.Id == id && m.Box == box, cancellationToken) is not { } record)
        {
            return null;
        }

        db.Voicemails.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        return ToMessage(record);
    }

    /// <summary>Messages received before <paramref name="before"/> (retention), oldest first.</summary>
    public async Task<IReadOnlyList<StoredVoicemail>> OlderThanAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var records = await db.Voicemails.AsNoTracking().Where(m => m.ReceivedAt < before)
            .OrderBy(m => m.ReceivedAt).Take(limit).ToListAsync(cancellationToken);
        return [.. records.Select(ToMessage)];
    }

    /// <summary>Every file name the rows refer to, box by box (to find recordings no row keeps).</summary>
    public async Task<IReadOnlyList<(string Box, string FileName)>> FilesAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var messages = await db.Voicemails.AsNoTracking().Select(m => new { m.Box, m.FileName }).ToListAsync(cancellationToken);
        var boxes = await db.VoicemailBoxes.AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. messages.Select(m => (m.Box, m.FileName)),
            .. boxes.Where(b => b.GreetingFile is not null).Select(b => (b.Box, b.GreetingFile!)),
            .. boxes.Where(b => b.AbsenceGreetingFile is not null).Select(b => (b.Box, b.AbsenceGreetingFile!)),
        ];
    }

    public async Task<VoicemailBoxSettings> SettingsAsync(string box, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var record = await db.VoicemailBoxes.AsNoTracking().FirstOrDefaultAsync(b => b.Box == box, cancellationToken);
        return record is null ? VoicemailBoxSettings.Default(box) : ToSettings(record);
    }

    /// <summary>Every box that has settings (greetings to play are cached from them).</summary>
    public async Task<IReadOnlyList<VoicemailBoxSettings>> AllSettingsAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var records = await db.VoicemailBoxes.AsNoTracking().ToListAsync(cancellationToken);
        return [.. records.Select(ToSettings)];
    }

    /// <summary>Sets the box's PIN (4 to 8 digits; the caller checks it with <see cref="VoicemailPin.Problem"/>).</summary>
    public Task SetPinAsync(string box, string pin, CancellationToken cancellationToken)
    {
        if (VoicemailPin.Problem(pin) is { } problem)
        {
            throw new ArgumentException(problem, nameof(pin));
        }

        var hash = _hashing.Hash(pin);
        return UpdateAsync(box, b => b.PinHash = hash, cancellationToken);
    }

    /// <summary>Whether <paramref name="pin"/> is the box's PIN; a box without one matches no PIN (and costs as much to check).</summary>
    public async Task<bool> CheckPinAsync(string box, string pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        string? hash;
        await using (var db = database.CreateContext())
        {
            hash = await db.VoicemailBoxes.AsNoTracking().Where(b => b.Box == box).Select(b => b.PinHash).FirstOrDefaultAsync(cancellationToken);
        }

        return await Task.Run(() => _hashing.Verify(pin, hash) != PasswordVerificationResult.Failed, cancellationToken);
    }

    public Task SetEmailMessagesAsync(string box, bool on, CancellationToken cancellationToken) =>
        UpdateAsync(box, b => b.EmailMessages = on, cancellationToken);

    /// <summary>Sets or (with null) removes a recorded greeting, returning the file name it replaces (the caller deletes that file).</summary>
    public async Task<string?> SetGreetingAsync(string box, GreetingKind kind, string? fileName, CancellationToken cancellationToken)
    {
        string? previous = null;
        await UpdateAsync(box, b =>
        {
            switch (kind)
            {
                case GreetingKind.Personal:
                    previous = b.GreetingFile;
                    b.GreetingFile = fileName;
                    break;
                case GreetingKind.Absence:
                    previous = b.AbsenceGreetingFile;
                    b.AbsenceGreetingFile = fileName;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a greeting");
            }
        }, cancellationToken);
        return previous == fileName ? null : previous;
    }

    /// <summary>Messages not yet e-mailed whose next attempt is due, oldest first.</summary>
    public async Task<IReadOnlyList<StoredVoicemail>> DueForEmailAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateContext();
        var records = await db.Voicemails.AsNoTracking()
            .Where(m => m.EmailSentAt == null && m.RecipientEmail != null && m.NextEmailAttempt != null && m.NextEmailAttempt <= now)
            .OrderBy(m => m.ReceivedAt).Take(limit).ToListAsync(cancellationToken);
        return [.. records.Select(ToMessage)];
    }

    /// <summary>When the next unsent message is due, or null when none waits.</summary>
    public async Task<DateTimeOffset?> NextEmailDueAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Voicemails.Where(m => m.EmailSentAt == null && m.RecipientEmail != null && m.NextEmailAttempt != null)
            .OrderBy(m => m.NextEmailAttempt).Select(m => m.NextEmailAttempt).FirstOrDefaultAsync(cancellationToken);
    }

    public Task RecordEmailSentAsync(Guid id, CancellationToken cancellationToken) => UpdateMessageAsync(id, m =>
    {
        m.EmailSentAt = time.GetUtcNow();
        m.EmailAttempts++;
        m.EmailError = null;
        m.NextEmailAttempt = null;
    }, cancellationToken);

    /// <summary>Records a failed attempt; <paramref name="nextAttempt"/> null gives up (the error stays for the person to see).</summary>
    public Task RecordEmailFailedAsync(Guid id, string error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return UpdateMessageAsync(id, m =>
        {
            m.EmailAttempts++;
            m.EmailError = Clip(error, 1000);
            m.NextEmailAttempt = nextAttempt;
        }, cancellationToken);
    }

    private async Task UpdateMessageAsync(Guid id, Action<VoicemailRecord> change, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        if (await db.Voicemails.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } record)
        {
            change(record);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task UpdateAsync(string box, Action<VoicemailBoxRecord> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(box);
        await using var db = database.CreateContext();
        var record = await db.VoicemailBoxes.FirstOrDefaultAsync(b => b.Box == box, cancellationToken);
        if (record is null)
        {
            record = new VoicemailBoxRecord { Box = box };
            db.VoicemailBoxes.Add(record);
        }

        change(record);
        record.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;

    private static VoicemailBoxSettings ToSettings(VoicemailBoxRecord b) =>
        new(b.Box, b.PinHash is not null, b.EmailMessages, b.GreetingFile, b.AbsenceGreetingFile);

    private static StoredVoicemail ToMessage(VoicemailRecord m) =>
        new(m.Id, m.Box, m.PersonId, m.CallerNumber, m.CallerName, m.CallId, m.ReceivedAt, TimeSpan.FromMilliseconds(m.LengthMs), m.FileName, m.HeardAt)
        {
            RecipientEmail = m.RecipientEmail,
            RecipientName = m.RecipientName,
            EmailSentAt = m.EmailSentAt,
            EmailAttempts = m.EmailAttempts,
            EmailError = m.EmailError,
        };
}
