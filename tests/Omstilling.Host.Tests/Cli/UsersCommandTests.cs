using System.Diagnostics;
using System.Net;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Cli;

/// <summary><c>omstilling users add|list|disable|enable|passwd|remove</c>: logins for an installation without the demo, used by the running server.</summary>
public sealed class UsersCommandTests
{
    private const string Header = "NAME\tDISPLAY NAME\tROLES\tROLLER\tEXTENSION\tPERSON\tDEPARTMENT\tSTATUS\n";
    private const string SeeHelp = "omstilling users --help lists the commands and options.\n";

    [Fact]
    public async Task A_user_added_on_the_command_line_logs_in_and_once_disabled_neither_logs_in_nor_keeps_an_open_login()
    {
        var data = System.IO.Directory.CreateTempSubdirectory("omstilling-users-").FullName;
        try
        {
            var added = await OmstillingAsync("hemmelig-kode\n", "users", "add", "jette", "--role", "operator,admin", "--extension", "101", "--display-name", "Jette Holm", "--data-dir", data);
            Assert.Equal((0, "User 'jette' created.\n"), added);
            Assert.Equal((0, "User 'ib' created.\n"), await OmstillingAsync("hemmelig-kode\n", "users", "add", "ib", "--role", "operator", "--extension", "102", "--data-dir", data));

            await using var server = await ServerProcess.StartWithoutDemoAsync(data);
            Assert.Equal(HttpStatusCode.OK, await LogInAsync(server, "jette", "hemmelig-kode"));
            Assert.Equal(HttpStatusCode.Redirect, await LogInAsync(server, "jette", "forkert"));
            using var open = await WebLogin.LogInAsync(server.WebPort, "ib", "hemmelig-kode");
            Assert.Equal(HttpStatusCode.OK, await ConsoleAsync(open));

            Assert.Equal((0, "User 'ib' disabled.\n"), await OmstillingAsync("", "users", "disable", "ib", "--data-dir", data));
            Assert.Equal(HttpStatusCode.Redirect, await LogInAsync(server, "ib", "hemmelig-kode"));
            var watch = Stopwatch.StartNew();
            while (await ConsoleAsync(open) == HttpStatusCode.OK)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "The open login of a disabled user still works after 30 s.");
                await Task.Delay(500);
            }

            Assert.Equal(HttpStatusCode.Redirect, await ConsoleAsync(open));
            Assert.Equal((0, "User 'ib' enabled.\n"), await OmstillingAsync("", "users", "enable", "ib", "--data-dir", data));
            Assert.Equal((0, "Password of 'ib' changed.\n"), await OmstillingAsync("ny-kode-123\n", "users", "passwd", "ib", "--data-dir", data));
            Assert.Equal(HttpStatusCode.Redirect, await LogInAsync(server, "ib", "hemmelig-kode"));
            Assert.Equal(HttpStatusCode.OK, await LogInAsync(server, "ib", "ny-kode-123"));
        }
        finally
        {
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Each_command_prints_what_it_did_or_why_not_with_exit_codes_0_1_and_2()
    {
        var data = System.IO.Directory.CreateTempSubdirectory("omstilling-users-").FullName;
        try
        {
            Assert.Equal((0, "User 'jette' created.\n"), await OmstillingAsync("hemmelig-kode\n", "users", "add", "jette", "--role", "operator,admin", "--extension", "101", "--display-name", "Jette Holm", "--data-dir", data));
            Assert.Equal((1, "omstilling users add: 'JETTE' exists already\n"), await OmstillingAsync("hemmelig-kode\n", "users", "add", "JETTE", "--role", "operator", "--data-dir", data));
            Assert.Equal((2, "omstilling users add: the password (OMSTILLING_USER_PASSWORD or standard input) must have at least 8 characters\n"), await OmstillingAsync("kort\n", "users", "add", "ib", "--role", "staff", "--data-dir", data));
            Assert.Equal((2, "omstilling users add: role 'chef' is not operator, staff, department-head or admin\n" + SeeHelp), await OmstillingAsync("hemmelig-kode\n", "users", "add", "ib", "--role", "chef", "--data-dir", data));
            Assert.Equal((0, "User 'ib' created.\n"), await OmstillingAsync("hemmelig-kode\n", "users", "add", "ib", "--role", "staff,department-head", "--person", "ib-hansen", "--department", "teknik", "--data-dir", data));

            Assert.Equal((1, "omstilling users disable: 'jette' is the last enabled admin; enable or add another admin first\n"), await OmstillingAsync("", "users", "disable", "jette", "--data-dir", data));
            Assert.Equal((1, "omstilling users remove: 'jette' is the last enabled admin; enable or add another admin first\n"), await OmstillingAsync("", "users", "remove", "jette", "--data-dir", data));
            Assert.Equal((0, "User 'ib' disabled.\n"), await OmstillingAsync("", "users", "disable", "ib", "--data-dir", data));
            Assert.Equal(
                (0, Header + "ib\tib\tstaff,department-head\tMedarbejder, Afdelingsleder\t\tib-hansen\tteknik\tdisabled\njette\tJette Holm\toperator,admin\tOmstilling, Administrator\t101\t\t\tenabled\n"),
                await OmstillingAsync("", "users", "list", "--data-dir", data));

            Assert.Equal((0, "User 'ib' removed.\n"), await OmstillingAsync("", "users", "remove", "ib", "--data-dir", data));
            Assert.Equal((0, Header + "jette\tJette Holm\toperator,admin\tOmstilling, Administrator\t101\t\t\tenabled\n"), await OmstillingAsync("", "users", "list", "--data-dir", data));
            Assert.Equal((1, "omstilling users remove: there is no user 'ib'\n"), await OmstillingAsync("", "users", "remove", "ib", "--data-dir", data));
            Assert.Equal((1, "omstilling users enable: there is no user 'ib'\n"), await OmstillingAsync("", "users", "enable", "ib", "--data-dir", data));
            Assert.Equal((1, "omstilling users passwd: there is no user 'ib'\n"), await OmstillingAsync("hemmelig-kode\n", "users", "passwd", "ib", "--data-dir", data));
            Assert.Equal((2, "omstilling users passwd: the password (OMSTILLING_USER_PASSWORD or standard input) must have at least 8 characters\n"), await OmstillingAsync("", "users", "passwd", "jette", "--data-dir", data));

            Assert.Equal((2, "omstilling users disable: Required argument missing for command: 'disable'.\n" + SeeHelp), await OmstillingAsync("", "users", "disable", "--data-dir", data));
            Assert.Equal((2, "omstilling users: Required command was not provided.\n" + SeeHelp), await OmstillingAsync("", "users", "--data-dir", data));
            Assert.Equal((2, "omstilling users: Required command was not provided.\nomstilling users: Unrecognized command or argument 'frob'.\n" + SeeHelp), await OmstillingAsync("", "users", "frob", "--data-dir", data));
        }
        finally
        {
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Logs in through the login form (with its antiforgery token) and opens the console: 200, or the redirect back to the login.</summary>
    private static async Task<HttpStatusCode> LogInAsync(ServerProcess server, string user, string password)
    {
        using var http = WebLogin.Anonymous(server.WebPort);
        await WebLogin.PostLoginAsync(http, user, password);
        return await ConsoleAsync(http);
    }

    private static async Task<HttpStatusCode> ConsoleAsync(HttpClient http)
    {
        using var console = await http.GetAsync(new Uri("/omstilling", UriKind.Relative));
        return console.StatusCode;
    }

    private static async Task<(int Exit, string Output)> OmstillingAsync(string input, params string[] args)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "omstilling.dll"), .. args], TimeSpan.FromSeconds(60), input: input);
        return (result.ExitCode, result.Output);
    }
}
