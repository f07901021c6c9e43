using System.Globalization;
using Omstilling.Host.Cli;
using Omstilling.Host.Tests.Support;
using Omstilling.Policy.Loading;
using Omstilling.Simulator.Running;
using Omstilling.Simulator.Script;

namespace Omstilling.Host.Tests.Simulator;

/// <summary><c>omstilling simulate</c> and <c>omstilling run --demo --simulate</c> as installers and newcomers run them.</summary>
public sealed class SimulateCommandTests
{
    private static readonly string Omstilling = Path.Combine(AppContext.BaseDirectory, "omstilling.dll");

    [Theory]
    [InlineData(new[] { "--day", "2026-12-01" }, "Option '--server' is required.")]
    [InlineData(new[] { "--server", "127.0.0.1:5060", "--day", "1.12.2026" }, "'1.12.2026' is not a date; expected YYYY-MM-DD")]
    [InlineData(new[] { "--server", "127.0.0.1", "--day", "2026-12-01" }, "'127.0.0.1' is not HOST:PORT")]
    [InlineData(new[] { "--server", "127.0.0.1:5060", "--day", "2026-12-01", "--speed", "0" }, "--speed must be between 1 and 3600")]
    [InlineData(new[] { "--server", "127.0.0.1:5060", "--day", "2026-12-01", "--from", "9" }, "'9' is not a time of day; expected HH:MM")]
    [InlineData(new[] { "--server", "127.0.0.1:5060", "--day", "2026-12-01", "--accounts", "/nonexistent/accounts" }, "--accounts: /nonexistent/accounts does not exist")]
    public async Task A_wrong_command_line_says_what_is_wrong_and_calls_nobody(string[] args, string message)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Omstilling, "simulate", .. args], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"omstilling simulate: {message}", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_profile_is_reported_at_its_file_line_and_column_and_calls_nobody()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-profile-");
        try
        {
            var profile = Path.Combine(folder.FullName, "day.yaml");
            await File.WriteAllTextAsync(profile, "citizens:\n  direct-calls-percent: 10\nsurvey:\n  opt-in-percent: 150\n  colour: blue\n");

            var result = await ProcessRunner.RunAsync("dotnet", [Omstilling, "simulate", "--server", "127.0.0.1:5060", "--day", "2026-12-01", "--profile", profile], TimeSpan.FromSeconds(60));

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal(
                [
                    $"{profile}:4:19: error: 'opt-in-percent' in the survey is '150'; expected a percentage from 0 to 100",
                    $"{profile}:5:3: error: unknown key 'colour' in the survey; expected one of: opt-in-percent, answers-percent, no-answer-percent",
                ],
                result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_profile_is_an_error_and_help_tells_of_the_option()
    {
        var missing = await ProcessRunner.RunAsync("dotnet", [Omstilling, "simulate", "--server", "127.0.0.1:5060", "--day", "2026-12-01", "--profile", "/nonexistent/day.yaml"], TimeSpan.FromSeconds(60));
        var help = await ProcessRunner.RunAsync("dotnet", [Omstilling, "simulate", "--help"], TimeSpan.FromSeconds(60));

        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.StartsWith("/nonexistent/day.yaml:1:1: error: cannot read the profile file: ", missing.Output, StringComparison.Ordinal);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--profile", help.Output, StringComparison.Ordinal);
        Assert.Contains("config/simulation-example.yaml", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Citizens_dial_the_policy_s_public_direct_numbers_of_people_and_phones_without_a_password_are_left_out()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml")).Policy!;
        var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-accounts-");
        try
        {
            var accounts = new FileInfo(Path.Combine(folder.FullName, "accounts"));
            File.WriteAllText(accounts.FullName, "100 secret\n2050 other\n");

            Assert.Equal([new DirectLine("54732055", "2050")], DirectLines.Of(policy));
            Assert.Equal([new PhoneAccount("2050", "other")], OperatorAccounts.Known(accounts, ["2050", "2051"]));
            Assert.Equal([new PhoneAccount("2050", "demo2050")], OperatorAccounts.Known(null, ["2050"]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Simulating_ten_minutes_of_a_morning_calls_the_server_and_reports_what_the_citizens_met()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 09:00");

        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Omstilling, "simulate", "--server", $"127.0.0.1:{server.SipPort.ToString(CultureInfo.InvariantCulture)}", "--day", "2026-12-01", "--from", "09:00", "--until", "09:10", "--speed", "60", "--seed", "3", "--profile", Path.Combine(AppContext.BaseDirectory, "config", "simulation-example.yaml")],
            TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result + "\n" + server.Output);
        var summary = result.Output.Split('\n').Single(l => l.Contains(" call(s): ", StringComparison.Ordinal));
        var calls = int.Parse(summary.Split(' ')[2], CultureInfo.InvariantCulture);
        Assert.True(calls > 0, summary);
        Assert.Contains("0 failed", summary, StringComparison.Ordinal);
        Assert.Contains(" to direct numbers, ", summary, StringComparison.Ordinal);
        Assert.True(
            await server.WaitForStatusAsync(s => s.GetProperty("history").GetProperty("records").GetInt64() >= calls, TimeSpan.FromSeconds(15)),
            $"{summary}: {(await server.StatusAsync()).GetProperty("history")}");
    }

    [Fact]
    public async Task A_demo_that_simulates_opens_at_nine_and_its_history_fills_within_a_minute()
    {
        await using var server = await ServerProcess.StartAsync("--simulate");

        Assert.True(await Eventually.ReachedAsync(() => Task.FromResult(server.Output.Contains("Simulating the day's calls from 09:00", StringComparison.Ordinal))), server.Output);
        Assert.Contains("The clock starts at", server.Output, StringComparison.Ordinal);
        Assert.True(
            await server.WaitForStatusAsync(s => s.GetProperty("history").GetProperty("records").GetInt64() >= 3, TimeSpan.FromSeconds(60)),
            server.Output);
    }
}
