using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Host.Tests.Support;
using Omstilling.Storage;
using Omstilling.Storage.Messages;
using Omstilling.Storage.Users;
using Omstilling.Web.Messages;
using Omstilling.Runtime;

namespace Omstilling.Host.Tests.Mail;

/// <summary>
/// The mail outbox against a real SMTP server on loopback: a message kept while the mail server is
/// away is not lost, says why it was not sent, and goes out at the retry once the server is back.
/// </summary>
public sealed class MailOutboxTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Fact]
    public async Task A_message_kept_while_the_mail_server_is_down_is_sent_when_it_comes_back()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-mail-").FullName;
        try
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
            var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(folder));
            await database.MigrateAsync(CancellationToken.None);
            var store = new MessageStore(database, time);
            var users = new UserStore(database, time);
            var port = FreePort.Next();
            await using var outbox = new MailOutbox(store, new SmtpOptions("127.0.0.1", port, "Hovedomstillingen <omstilling@guldborgsund.example>") { Security = SmtpSecurity.None }, users, Copenhagen, time, new FaultMonitor(NullLoggerFactory.Instance, time), NullLogger<MailOutbox>.Instance);
            outbox.Start();

            var message = await store.CreateAsync(new PhoneMessageDraft("jens-hansen", "Jens Hansen", "jens.hansen@guldborgsund.example", "Karen Olsen", "20 30 40 50", "Vejarbejde", "Ring tilbage.", true, null), "100", CancellationToken.None);
            outbox.Notify();
            var failed = await Eventually.FoundAsync(async () => await store.FindAsync(message.Id, CancellationToken.None) is { EmailError: not null } m ? m : null);
            Assert.Contains($"127.0.0.1:{port} kunne ikke nås", failed.EmailError, StringComparison.Ordinal);
            Assert.Null(failed.EmailSentAt);
            Assert.Single(await store.InboxAsync("jens-hansen", 10, CancellationToken.None));

            await using var smtp = TestSmtpServer.StartOn(port);
            time.Advance(TimeSpan.FromMinutes(1));
            outbox.Notify();
            var sent = await Eventually.FoundAsync(async () => await store.FindAsync(message.Id, CancellationToken.None) is { EmailSentAt: not null } m ? m : null);
            Assert.Null(sent.EmailError);
            Assert.Equal(2, sent.EmailAttempts);
            var mail = Assert.Single(smtp.Messages);
            Assert.Equal("Telefonbesked: Vejarbejde (fra Karen Olsen)", mail.Subject);
            Assert.Contains("Telefon: 20 30 40 50", mail.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
