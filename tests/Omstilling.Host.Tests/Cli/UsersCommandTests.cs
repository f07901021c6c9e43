using System.Net;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Cli;

/// <summary><c>omstilling users add/list</c>: logins for an installation without the demo, used by the running server.</summary>
public sealed class UsersCommandTests
{
    [Fact]
    public async Task A_user_added_on_the_command_line_logs_in_to_the_console_of_a_server_without_demo_data()
    {
        var data = System.IO.Directory.CreateTempSubdirectory("omstilling-users-").FullName;
        try
        {
            var added = await OmstillingAsync("hemmelig-kode\n", "users", "add", "jette", "--role", "operator,admin", "--extension", "101", "--display-name", "Jette Holm", "--data-dir", data);
            Assert.True(added.Exit == 0, added.Output);
            Assert.Contains("User 'jette' created.", added.Output, StringComparison.Ordinal);
            var again = await OmstillingAsync("hemmelig-kode\n", "users", "add", "jette", "--role", "operator", "--data-dir", data);
            Assert.Equal(1, again.Exit);
            var tooShort = await OmstillingAsync("kort\n", "users", "add", "ib", "--role", "staff", "--data-dir", data);
            Assert.Equal(2, tooShort.Exit);
            var badRole = await OmstillingAsync("hemmelig-kode\n", "users", "add", "ib", "--role", "chef", "--data-dir", data);
            Assert.Equal(2, badRole.Exit);
            Assert.Contains("role 'chef'", badRole.Output, StringComparison.Ordinal);
            var list = await OmstillingAsync("", "users", "list", "--data-dir", data);
            Assert.Contains("jette\tJette Holm\tOperator,Admin\t101", list.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("ib", list.Output.Split('\n').Select(l => l.Split('\t')[0]));

            await using var server = await ServerProcess.StartWithoutDemoAsync(data);
            Assert.Equal(HttpStatusCode.OK, await LogInAsync(server, "jette", "hemmelig-kode"));
            Assert.Equal(HttpStatusCode.Redirect, await LogInAsync(server, "jette", "forkert"));
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
        using var console = await http.GetAsync(new Uri("/omstilling", UriKind.Relative));
        return console.StatusCode;
    }

    private static async Task<(int Exit, string Output)> OmstillingAsync(string input, params string[] args)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "omstilling.dll"), .. args], TimeSpan.FromSeconds(60), input: input);
        return (result.ExitCode, result.Output);
    }
}
