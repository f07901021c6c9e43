using Omstilling.Storage.Entities;
using Omstilling.Storage.Registrations;

namespace Omstilling.Storage.Tests;

public sealed class RegistrationStoreTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_batch_replaces_the_registrations_of_its_accounts_and_only_live_ones_are_read_back(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var now = test.Time.GetUtcNow();
        var store = new RegistrationStore(test.Database);
        await store.ReplaceAsync(
            ["2001", "2002", "2003"],
            [Row("2001", "sip:2001@10.0.0.1:5060", now.AddMinutes(30)), Row("2001", "sip:2001@10.0.0.9:5062", now.AddMinutes(30)), Row("2002", "sip:2002@10.0.0.2", now.AddMinutes(30)), Row("2003", "sip:2003@10.0.0.3", now.AddSeconds(10))],
            now,
            default);

        // 2001's desk phone unregistered, 2002 has none left, 2004 is new; 2003's has expired by then.
        var later = now.AddMinutes(1);
        await store.ReplaceAsync(["2001", "2002", "2004"], [Row("2001", "sip:2001@10.0.0.9:5062", later.AddMinutes(30)), Row("2004", "sip:2004@10.0.0.4;transport=tcp", later.AddMinutes(30))], later, default);

        var live = await store.LiveAsync(later, default);
        Assert.Equal(
            [("2001", "sip:2001@10.0.0.9:5062", later.AddMinutes(30)), ("2004", "sip:2004@10.0.0.4;transport=tcp", later.AddMinutes(30))],
            live.OrderBy(r => r.Aor, StringComparer.Ordinal).Select(r => (r.Aor, r.Contact, r.ExpiresAt)).ToArray());
        Assert.Equal(2, await test.CountAsync(db => db.Registrations)); // the expired one is deleted, not only left out
        var phone = live.Single(r => r.Aor == "2001");
        Assert.Equal(("UDP", "10.0.0.9", 5062, 4_000_000_000L, "instance"), (phone.Transport, phone.SourceAddress, phone.SourcePort, phone.CSeq, phone.InstanceId));
    }

    private static RegistrationRecord Row(string aor, string contact, DateTimeOffset expires)
    {
        var host = contact.Split('@')[1].Split(';')[0].Split(':');
        return new RegistrationRecord
        {
            Aor = aor,
            Contact = contact,
            Transport = contact.Contains("tcp", StringComparison.Ordinal) ? "TCP" : "UDP",
            SourceAddress = host[0],
            SourcePort = host.Length > 1 ? int.Parse(host[1], System.Globalization.CultureInfo.InvariantCulture) : 5060,
            ExpiresAt = expires,
            CallId = "call-" + aor,
            CSeq = 4_000_000_000L, // beyond int: a CSeq is 32 bits unsigned
            InstanceId = "instance",
        };
    }
}
