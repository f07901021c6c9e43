using Omstilling.Calls.Voicemail;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Messages;

namespace Omstilling.Web.Voicemail;

/// <summary>
/// Voicemails as the outbox sends them (<see cref="VoicemailMail"/>), the recording read from the
/// box's folder when the mail is made. A recording that is gone (deleted, or removed by hand) will
/// not come back, so its mail is given up at once with the reason on the message; one that cannot
/// be read just now (a permission, a lock) follows the usual retry schedule. Thread-safe.
/// </summary>
public sealed class VoicemailMailSource(VoicemailStore store, VoicemailFolders folders, SmtpOptions options, TimeZoneInfo zone) : IMailSource
{
    public string Kind => "Voicemail";

    public async Task<IReadOnlyList<DueMail>> DueAsync(int limit, CancellationToken cancellationToken) =>
        [.. (await store.DueForEmailAsync(limit, cancellationToken)).Select(m => new DueMail(m.Id, m.RecipientEmail!, m.EmailAttempts, token => ComposeAsync(m, token)))];

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => store.NextEmailDueAsync(cancellationToken);

    public Task RecordSentAsync(Guid id, CancellationToken cancellationToken) => store.RecordEmailSentAsync(id, cancellationToken);

    public Task RecordFailedAsync(Guid id, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken) =>
        store.RecordEmailFailedAsync(id, reason, nextAttempt, cancellationToken);

    private async Task<MimeKit.MimeMessage> ComposeAsync(StoredVoicemail message, CancellationToken cancellationToken)
    {
        byte[] wav;
        try
        {
            wav = await File.ReadAllBytesAsync(folders.PathOf(message.Box, message.FileName), cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MailCompositionException("Optagelsen findes ikke længere, så beskeden kan ikke e-mailes", permanent: true, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailCompositionException("Optagelsen kunne ikke læses", permanent: false, e);
        }

        return VoicemailMail.Create(message, wav, options, zone);
    }
}
