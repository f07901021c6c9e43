using Omstilling.Sip.Auth;
using Omstilling.Sip.Tests.Support;

namespace Omstilling.Sip.Tests.Registrar;

/// <summary>Accounts replaced while the registrar runs (IT removes a phone, gives it a new password): the old credentials stop working and the phone is unregistered.</summary>
public sealed class AccountChangeTests
{
    [Fact]
    public async Task Replacing_the_accounts_reports_the_removed_and_changed_ones_and_their_old_credentials_are_refused()
    {
        await using var f = await RegistrarFixture.StartAsync();
        Assert.Equal(200, f.Register("2001", "demo2001").StatusCode);

        var ended = f.Accounts.Replace([SipAccount.FromPassword("2001", RegistrarFixture.Realm, "new-one"), SipAccount.FromPassword("2003", RegistrarFixture.Realm, "demo2003")]);

        Assert.Equal(["2001", "2002"], ended.Order(StringComparer.Ordinal));
        Assert.Equal(2, f.Accounts.Count);
        Assert.Equal(401, f.Register("2001", "demo2001").StatusCode);
        Assert.Equal(401, f.Register("2002", "demo2002").StatusCode);
        Assert.Equal(200, f.Register("2001", "new-one").StatusCode);
        Assert.Equal(200, f.Register("2003", "demo2003").StatusCode);
        Assert.Empty(f.Accounts.Replace([SipAccount.FromPassword("2001", RegistrarFixture.Realm, "new-one"), SipAccount.FromPassword("2003", RegistrarFixture.Realm, "demo2003")]));
    }

    [Fact]
    public async Task Unregister_ends_every_binding_of_the_address_of_record_and_tells_the_listeners()
    {
        await using var f = await RegistrarFixture.StartAsync();
        Assert.Equal(200, f.Register("2001", "demo2001", contact: "<sip:2001@192.0.2.7:5060>").StatusCode);
        Assert.Equal(200, f.Register("2001", "demo2001", contact: "<sip:2001@192.0.2.8:5060>").StatusCode);
        Assert.Equal(200, f.Register("2002", "demo2002").StatusCode);
        var told = new List<(string Aor, int Left)>();
        f.Registrar.Changed += (aor, left) => told.Add((aor, left.Count));

        Assert.Equal(2, f.Registrar.Unregister("2001"));
        Assert.Equal(0, f.Registrar.Unregister("2001"));

        Assert.Empty(f.Registrar.Bindings.Lookup("2001"));
        Assert.Single(f.Registrar.Bindings.Lookup("2002"));
        Assert.Equal([("2001", 0)], told);
    }

    [Fact]
    public void Generated_passwords_are_16_unambiguous_characters_and_differ()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => SipPassword.Generate()).ToList();

        Assert.All(passwords, p => Assert.Equal(16, p.Length));
        Assert.All(passwords, p => Assert.DoesNotContain(p, c => "0O1lIo".Contains(c, StringComparison.Ordinal) || !char.IsAsciiLetterOrDigit(c)));
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }
}
