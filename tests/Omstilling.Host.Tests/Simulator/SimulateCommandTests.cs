using System.Globalization;
using Omstilling.Host.Tests.Support;

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
    public async Task Simulating_ten_minutes_of_a_morning_calls_the_server_and_reports_what_the_citizens_met()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 09:00");

        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Omstilling, "simulate", "--server", $"127.0.0.1:{server.SipPort.ToString(CultureInfo.InvariantCulture)}", "--day", "2026-12-01", "--from", "09:00", "--until", "09:10", "--speed", "60", "--seed", "3"],
            TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result + "\n" + server.Output);
        var summary = result.Output.Split('\n').Single(l => l.Contains(" call(s): ", StringComparison.Ordinal));
        var calls = int.Parse(summary.Split(' ')[2], CultureInfo.InvariantCulture);
        Assert.True(calls > 0, summary);
        Assert.Contains("0 failed", summary, StringComparison.Ordinal);
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
