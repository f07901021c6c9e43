using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Omstilling.Calls.Control;
using Omstilling.Calls.Voicemail;
using Omstilling.Directory;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Host.Tests.Support;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Cards;
using Omstilling.Web.Messages;
using Omstilling.Web.Staff;
using Omstilling.Web.Voicemail;

namespace Omstilling.Host.Tests.Mail;

/// <summary>
/// Voicemails through the mail outbox against a real SMTP server on loopback, wired as <c>run</c>
/// wires them: a message kept by <see cref="StaffVoicemail"/> wakes the outbox, goes out with its
/// recording attached, and a refusal is kept on the message and retried on the schedule.
/// </summary>
public sealed class VoicemailOutboxTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Address = "camilla.holm@guldborgsund.example";
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("omstilling-vmmail-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 13, 5, 0, TimeSpan.Zero));
    private readonly AbsenceBook _absences;
    private readonly DirectoryAbsence _names;
    private readonly StaffVoicemail _voicemail;
    private readonly VoicemailStore _store;
    private readonly OmstillingDatabase _database;
    private MailOutbox? _outbox;

    public VoicemailOutboxTests()
    {
        var database = _database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(_folder));
        var directory = new DirectoryHolder(new StaffDirectory(
            [],
            [new Department("teknik", "Teknik og Miljø")],
            [new Person("camilla-holm", "Camilla Holm", "teknik") { Extension = "2012", Email = Address }]));
        var faults = new FaultMonitor(NullLoggerFactory.Instance, _time);
        _absences = new AbsenceBook(_time);
        _names = new DirectoryAbsence(directory, _absences, new PromptLibrary([_folder]), Copenhagen, faults, NullLogger<DirectoryAbsence>.Instance);
        _store = new VoicemailStore(database, _time);
        _voicemail = new StaffVoicemail(_store, new VoicemailFolders(Path.Combine(_folder, "voicemail")), directory, _absences, _names, TimeSpan.FromSeconds(1), _time, faults, NullLogger<StaffVoicemail>.Instance);
    }

    [Fact]
    public async Task A_kept_voicemail_is_mailed_with_its_recording_attached_byte_for_byte()
    {
        await using var smtp = TestSmtpServer.Start();
        StartOutbox(smtp.Port);

        var kept = await KeepAsync("12345678", TimeSpan.FromSeconds(42));

        var mail = await smtp.WaitForAsync(_ => true, TimeSpan.FromSeconds(20)) ?? throw new TimeoutException("no mail in 20 s");
        Assert.Equal("Telefonsvarer: ny besked fra 12345678 (0:42)", mail.Subject);
        Assert.Equal(Address, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("Modtaget: fredag d. 4. december 2026 kl. 14.05", mail.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("audio/wav", attachment.ContentType.MimeType);
        Assert.Equal("telefonsvarer-2026-12-04-1405.wav", attachment.FileName);
        Assert.Equal(await File.ReadAllBytesAsync(_voicemail.Folders.PathOf(kept.Box, kept.FileName)), Decoded(attachment));

        var sent = await Eventually.FoundAsync(async () => await _store.FindAsync(kept.Id, CancellationToken.None) is { EmailSentAt: not null } m ? m : null);
        Assert.Equal(1, sent.EmailAttempts);
        Assert.Null(sent.EmailError);
    }

    [Fact]
    public async Task A_refused_recipient_is_recorded_on_the_voicemail_and_retried_after_1_then_5_minutes()
    {
        var refusing = true;
        await using var smtp = TestSmtpServer.Refusing(address => Volatile.Read(ref refusing) && address == Address);
        StartOutbox(smtp.Port);
        var start = _time.GetUtcNow();

        var kept = await KeepAsync("anonymous", TimeSpan.FromSeconds(75));
        var first = await Eventually.FoundAsync(async () => await _store.FindAsync(kept.Id, CancellationToken.None) is { EmailAttempts: 1 } m ? m : null);
        Assert.Equal("Mailserveren afviste modtagerens adresse (SMTP 550)", first.EmailError);
        Assert.Equal(start + TimeSpan.FromMinutes(1), await _store.NextEmailDueAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(1));
        _outbox!.Notify();
        var second = await Eventually.FoundAsync(async () => await _store.FindAsync(kept.Id, CancellationToken.None) is { EmailAttempts: 2 } m ? m : null);
        Assert.Null(second.EmailSentAt);
        Assert.Equal(start + TimeSpan.FromMinutes(6), await _store.NextEmailDueAsync(CancellationToken.None));
        Assert.Empty(smtp.Messages);

        Volatile.Write(ref refusing, false);
        _time.Advance(TimeSpan.FromMinutes(5));
        _outbox.Notify();
        var sent = await Eventually.FoundAsync(async () => await _store.FindAsync(kept.Id, CancellationToken.None) is { EmailSentAt: not null } m ? m : null);
        Assert.Equal(3, sent.EmailAttempts);
        Assert.Null(sent.EmailError);
        Assert.Null(await _store.NextEmailDueAsync(CancellationToken.None));
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("Telefonsvarer: ny besked fra ukendt nummer (1:15)", mail.Subject);
    }

    [Fact]
    public async Task A_voicemail_whose_recording_is_gone_is_given_up_at_once_with_the_reason()
    {
        await using var smtp = TestSmtpServer.Start();
        var gone = await _store.KeepAsync(
            new VoicemailDeposit(Guid.NewGuid(), "2012", "camilla-holm", "12345678", null, null, _time.GetUtcNow(), TimeSpan.FromSeconds(9), "0000.wav") { RecipientEmail = Address, RecipientName = "Camilla Holm" },
            CancellationToken.None);
        StartOutbox(smtp.Port);
        _outbox!.Notify();

        var failed = await Eventually.FoundAsync(async () => await _store.FindAsync(gone.Id, CancellationToken.None) is { EmailError: not null } m ? m : null);
        Assert.Equal("Optagelsen findes ikke længere, så beskeden kan ikke e-mailes", failed.EmailError);
        Assert.Equal(1, failed.EmailAttempts);
        Assert.Null(await _store.NextEmailDueAsync(CancellationToken.None));
        Assert.Empty(smtp.Messages);
    }

    Task IAsyncLifetime.InitializeAsync() => _database.MigrateAsync(CancellationToken.None);

    // xUnit calls this and DisposeAsync() below; the cleanup is done there once.
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_outbox is not null)
        {
            _voicemail.Kept -= _outbox.Notify;
            await _outbox.DisposeAsync();
        }

        _voicemail.Dispose();
        _names.Dispose();
        _absences.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private void StartOutbox(int port)
    {
        var options = new SmtpOptions("127.0.0.1", port, "Hovedomstillingen <omstilling@guldborgsund.example>") { Security = SmtpSecurity.None };
        _outbox = new MailOutbox(options, [new VoicemailMailSource(_store, _voicemail.Folders, options, Copenhagen)], _time, new FaultMonitor(NullLoggerFactory.Instance, _time), NullLogger<MailOutbox>.Instance);
        _voicemail.Kept += _outbox.Notify;
        _outbox.Start();
    }

    /// <summary>Records a message into box 2012 as a call does: a .part file written, then kept.</summary>
    private async Task<StoredVoicemail> KeepAsync(string caller, TimeSpan length)
    {
        var recording = _voicemail.StartRecording("2012", RecordingPurpose.Message, caller, Guid.NewGuid(), _time.GetUtcNow());
        WavWriter.Write(recording.TemporaryFile, [.. Enumerable.Range(0, 8000).Select(i => (short)(i * 37 % 20000 - 10000))]);
        Assert.True(await _voicemail.KeepAsync(recording, length, CancellationToken.None));
        return await _store.FindAsync(recording.Id, CancellationToken.None) ?? throw new InvalidOperationException("not kept");
    }

    private static byte[] Decoded(MimePart part)
    {
        using var bytes = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }
}
