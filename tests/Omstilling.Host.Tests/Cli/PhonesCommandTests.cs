using System.Text.Json;
using Omstilling.Host.Cli;
using Omstilling.Host.Tests.Support;
using Omstilling.Sip.Auth;

namespace Omstilling.Host.Tests.Cli;

/// <summary><c>omstilling phones add|list|passwd|remove</c>: the phones' SIP accounts, followed by the running server.</summary>
public sealed class PhonesCommandTests
{
    private const string SeeHelp = "omstilling phones --help lists the commands and options.\n";

    [Fact]
    public async Task Each_command_prints_what_it_did_or_why_not_and_only_the_hashes_are_kept()
    {
        var data = System.IO.Directory.CreateTempSubdirectory("omstilling-phones-").FullName;
        try
        {
            var (exit, added, _) = await PhonesAsync("add", "2001", "--person", "anne-soerensen", "--data-dir", data);
            Assert.Equal(0, exit);
            var password = PasswordIn(added, "Phone 2001 added. Its SIP password, shown only this once (only a hash of it is kept):");
            Assert.Equal(0, (await PhonesAsync("add", "2002", "--data-dir", data)).Exit);
            Assert.Equal((0, "EXTENSION\tPERSON\n2001\tanne-soerensen\n2002\t\n", ""), await PhonesAsync("list", "--data-dir", data));

            var file = await File.ReadAllTextAsync(Path.Combine(data, "accounts.json"));
            Assert.DoesNotContain(password, file, StringComparison.Ordinal);
            var stored = JsonDocument.Parse(file).RootElement[0];
            var expected = SipAccount.FromPassword("2001", "omstilling", password);
            Assert.Equal(expected.Ha1Md5, stored.GetProperty("Ha1Md5").GetString());
            Assert.Equal(expected.Ha1Sha256, stored.GetProperty("Ha1Sha256").GetString());

            var (_, changed, _) = await PhonesAsync("passwd", "2001", "--data-dir", data);
            var newPassword = PasswordIn(changed, "New SIP password of 2001, shown only this once (its registrations have ended):");
            Assert.NotEqual(password, newPassword);
            Assert.Equal((0, "EXTENSION\tPERSON\n2001\tanne-soerensen\n2002\t\n", ""), await PhonesAsync("list", "--data-dir", data));

            Assert.Equal((1, "", "omstilling phones add: 2001 has an account already (phones passwd 2001 gives it a new password)\n"), await PhonesAsync("add", "2001", "--data-dir", data));
            Assert.Equal((0, "Phone 2002 removed; its registrations have ended.\n", ""), await PhonesAsync("remove", "2002", "--data-dir", data));
            Assert.Equal((1, "", "omstilling phones remove: there is no account for 2002\n"), await PhonesAsync("remove", "2002", "--data-dir", data));
            Assert.Equal((1, "", "omstilling phones passwd: there is no account for 2002\n"), await PhonesAsync("passwd", "2002", "--data-dir", data));
            Assert.Equal((2, "", "omstilling phones add: 'anne' is not an extension (2 to 10 digits)\n" + SeeHelp), await PhonesAsync("add", "anne", "--data-dir", data));
            Assert.Equal((2, "", "omstilling phones: Required command was not provided.\n" + SeeHelp), await PhonesAsync("--data-dir", data));
            Assert.Equal((0, "EXTENSION\tPERSON\n2001\tanne-soerensen\n", ""), await PhonesAsync("list", "--data-dir", data));
        }
        finally
        {
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_phone_added_while_the_server_runs_registers_with_the_printed_password_and_is_refused_once_changed_or_removed()
    {
        var data = System.IO.Directory.CreateTempSubdirectory("omstilling-phones-").FullName;
        try
        {
            await using var server = await ServerProcess.StartWithoutDemoAsync(data);
            var phonePort = FreePort.Next();
            var first = PasswordIn((await PhonesAsync("add", "2001", "--data-dir", data)).Output, "Phone 2001 added. Its SIP password, shown only this once (only a hash of it is kept):");
            Assert.True(await Eventually.ReachedAsync(() => server.Output.Contains("SIP accounts reloaded: 1 accounts", StringComparison.Ordinal)), server.Output);
            var registered = await Sipp.RunAsync("register.xml", server.SipPort, phonePort, ("username", "2001"), ("password", first));
            Assert.True(registered.ExitCode == 0, $"{registered}\n{server.Output}");
            Assert.Equal(1, (await server.StatusAsync()).GetProperty("registrations").GetInt32());

            var second = PasswordIn((await PhonesAsync("passwd", "2001", "--data-dir", data)).Output, "New SIP password of 2001, shown only this once (its registrations have ended):");
            Assert.True(await Eventually.ReachedAsync(() => server.Output.Contains("SIP account 2001 removed or given a new password: 1 registrations ended", StringComparison.Ordinal)), server.Output);
            Assert.Equal(0, (await server.StatusAsync()).GetProperty("registrations").GetInt32());
            var old = await Sipp.RunAsync("register_refused.xml", server.SipPort, phonePort, ("username", "2001"), ("password", first));
            Assert.True(old.ExitCode == 0, $"the old password still registers: {old}");
            var again = await Sipp.RunAsync("register.xml", server.SipPort, phonePort, ("username", "2001"), ("password", second));
            Assert.True(again.ExitCode == 0, $"{again}\n{server.Output}");

            Assert.Equal(0, (await PhonesAsync("remove", "2001", "--data-dir", data)).Exit);
            Assert.True(await Eventually.ReachedAsync(async () => (await server.StatusAsync()).GetProperty("registrations").GetInt32() == 0), server.Output);
            var removed = await Sipp.RunAsync("register_refused.xml", server.SipPort, phonePort, ("username", "2001"), ("password", second));
            Assert.True(removed.ExitCode == 0, $"a removed account still registers: {removed}");
        }
        finally
        {
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The password on the line after <paramref name="said"/>: 16 characters of the generator's alphabet.</summary>
    internal static string PasswordIn(string output, string said)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 2 && lines[0] == said, output);
        Assert.Matches("^[a-zA-Z2-9]{16}$", lines[1]);
        return lines[1];
    }

    private static async Task<(int Exit, string Output, string Error)> PhonesAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await CommandLine.RunAsync(["phones", .. args], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
