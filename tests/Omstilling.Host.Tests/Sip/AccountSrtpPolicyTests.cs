using Omstilling.Host.Accounts;
using Omstilling.Media.Srtp;

namespace Omstilling.Host.Tests.Sip;

/// <summary>Each phone account's <c>"srtp"</c> in <c>accounts.json</c>: read with the file, refused by name when wrong, kept when the password changes.</summary>
public sealed class AccountSrtpPolicyTests : IDisposable
{
    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("omstilling-srtp-accounts-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_data, recursive: true);

    [Fact]
    public void Each_account_reads_its_srtp_policy_and_an_account_without_one_is_optional()
    {
        Write("""
            [
              { "Username": "2001", "Realm": "omstilling", "Ha1Md5": "a", "Ha1Sha256": "b", "Srtp": "required" },
              { "Username": "2002", "Realm": "omstilling", "Ha1Md5": "a", "Ha1Sha256": "b", "Srtp": "off" },
              { "Username": "2003", "Realm": "omstilling", "Ha1Md5": "a", "Ha1Sha256": "b" }
            ]
            """);

        var policies = AccountFile.Load(_data).ToDictionary(a => a.Username, a => a.SrtpPolicy());

        Assert.Equal(SrtpPolicy.Required, policies["2001"]);
        Assert.Equal(SrtpPolicy.Off, policies["2002"]);
        Assert.Equal(SrtpPolicy.Optional, policies["2003"]);
    }

    [Fact]
    public void An_unknown_srtp_word_refuses_the_file_naming_the_account_and_the_words_allowed()
    {
        Write("""[ { "Username": "2001", "Realm": "omstilling", "Ha1Md5": "a", "Ha1Sha256": "b", "Srtp": "always" } ]""");

        var e = Assert.Throws<InvalidDataException>(() => AccountFile.Load(_data));

        Assert.Equal($"{AccountFile.PathIn(_data)}: account 2001: \"srtp\" must be \"off\", \"optional\" or \"required\", not \"always\"", e.Message);
    }

    [Fact]
    public void A_new_password_keeps_the_accounts_srtp_policy()
    {
        var phones = new PhoneAccountFile(_data, "omstilling");
        phones.Add("2001", personId: null);
        AccountFile.Change(_data, accounts =>
        {
            accounts[0] = accounts[0] with { Srtp = "required" };
            return (0, true);
        });

        phones.NewPassword("2001");

        Assert.Equal(SrtpPolicy.Required, Assert.Single(AccountFile.Load(_data)).SrtpPolicy());
    }

    private void Write(string json) => File.WriteAllText(AccountFile.PathIn(_data), json);
}
