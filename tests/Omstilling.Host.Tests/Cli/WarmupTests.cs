using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calls;
using Omstilling.Host.Cli;
using Omstilling.Host.Tests.Support;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using static Omstilling.Host.Tests.Support.PrometheusText;

namespace Omstilling.Host.Tests.Cli;

/// <summary>
/// The start-up warm-up (issue 15): it registers and calls through a private server until the JIT
/// is quiet, within its bound, and a server that warmed up shows nothing of it: no registration,
/// no call, no event, no metric; two lines in the log (it starts, it is done).
/// </summary>
public sealed class WarmupTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData(" OFF ", false)]
    public void Only_off_turns_the_warm_up_off(string? setting, bool enabled) => Assert.Equal(enabled, Warmup.Enabled(setting));

    [Fact]
    public void The_warm_up_phones_take_numbers_the_policy_does_not_claim()
    {
        var credentials = WarmupTraffic.Accounts(number => number is "990000" or "990003");

        Assert.Equal(("990004", "990005"), (credentials.Caller, credentials.Callee));
        Assert.NotEqual(credentials.CallerPassword, credentials.CalleePassword);
    }

    [Fact]
    public async Task The_warm_up_registers_and_calls_through_a_private_server_and_ends_within_its_bound()
    {
        Assert.True(PolicyProvider.TryCreate(PolicyFiles.Default(), NullLogger<PolicyProvider>.Instance, out var policy, out var loaded), string.Join('\n', loaded.Diagnostics));
        var prompts = new PromptLibrary([Path.Combine(AppContext.BaseDirectory, "prompts", "da")]);
        var options = RunOptions.Parse(["--rtp-ports", "41200-41999"]);

        var temporary = System.IO.Directory.CreateTempSubdirectory("warmup-test-");

        var outcome = await Warmup.WarmAsync(options, new PbxOptions(), prompts, policy, () => Omstilling.Directory.StaffDirectory.Empty, TimeProvider.System, CancellationToken.None, temporary.FullName);

        Assert.Null(outcome.Problem);
        Assert.True(outcome.HistoryEvents >= outcome.Calls * 2, $"the warm-up's own history wrote at least each call's start and end: {outcome}");
        Assert.Empty(temporary.EnumerateFileSystemInfos()); // and its database is gone again
        temporary.Delete();
        Assert.True(outcome.Calls >= WarmupTraffic.MaxCallsPerRound, $"{outcome}");
        Assert.True(outcome.Registrations >= 1, $"{outcome}");
        Assert.True(outcome.Elapsed < WarmupTraffic.MaxDuration + TimeSpan.FromSeconds(10), $"{outcome}");
    }

    [Fact]
    public async Task A_warmed_up_server_shows_no_registration_call_event_or_metric_of_the_warm_up_and_logs_its_start_and_end()
    {
        await using var server = await ServerProcess.StartWarmedUpAsync();

        var warmupLines = server.Output.Split('\n').Where(l => l.Contains("[905", StringComparison.Ordinal)).ToList();
        Assert.True(warmupLines.Count == 2 && warmupLines[0].Contains("[9053]", StringComparison.Ordinal) && warmupLines[1].Contains("[9050]", StringComparison.Ordinal), server.Output);
        Assert.Matches(@"Warmed up in \d+ ms \([1-9]\d* calls, [1-9]\d* registrations, [1-9]\d* history events", server.Output);
        Assert.DoesNotMatch(@"\b99\d{4}\b", server.Output); // the warm-up phones' numbers

        var status = await server.StatusAsync();
        Assert.Equal(0, status.GetProperty("registrations").GetInt32());
        Assert.Equal(0, status.GetProperty("activeCalls").GetInt32());
        Assert.Equal(0, status.GetProperty("mediaStreams").GetInt32());
        Assert.Equal(0, status.GetProperty("faultsTotal").GetInt64());
        Assert.Empty(await server.EventsAsync());

        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.ManagementPort}") };
        var samples = Parse(await management.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        Assert.DoesNotContain(samples, s => s.Name is "omstilling_sip_requests_total" or "omstilling_sip_responses_total" or "omstilling_calls_finished_total" && s.Value > 0);
        Assert.Equal(0, Value(samples, "omstilling_sip_registrations"));
    }

    [Fact]
    public async Task Turned_off_the_warm_up_logs_that_it_did_not_run()
    {
        var logger = new ListLogger();

        var outcome = await WithVariable("off", () => Warmup.RunAsync(RunOptions.Parse([]), new PbxOptions(), null!, null!, null!, TimeProvider.System, logger, CancellationToken.None));

        Assert.Null(outcome);
        Assert.Equal([9052], logger.EventIds);
    }

    private static async Task<T> WithVariable<T>(string value, Func<Task<T>> action)
    {
        // The test process keeps OMSTILLING_WARMUP=off for its in-process servers (InProcessServer).
        Environment.SetEnvironmentVariable(Warmup.Variable, value);
        return await action();
    }

    private sealed class ListLogger : ILogger
    {
        public List<int> EventIds { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => EventIds.Add(eventId.Id);
    }
}
