using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omstilling.Host.Tests.Support;
using Omstilling.Storage;

namespace Omstilling.Host.Tests.Server;

/// <summary>
/// Issue 15, item 4: SIGTERM at any moment exits 0 without a stack trace; during calls the server
/// refuses new calls (503 with Retry-After), lets the calls up go on for --drain-seconds, then
/// ends them with BYE and writes them to the history before it exits.
/// </summary>
public sealed class GracefulStopTests
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_during_a_call_refuses_new_calls_drains_then_ends_the_call_with_bye_and_writes_it()
    {
        await using var server = await ServerProcess.StartAsync("--drain-seconds", "3");
        var caller = Sipp.RunAsync("uac_call_wait_bye.xml", server.SipPort, FreePort.Next(), ("username", "2001"), ("password", "demo2001"), ("callee", "8000"));
        Assert.True(await server.WaitForStatusAsync(s => s.GetProperty("activeCalls").GetInt32() == 1, TimeSpan.FromSeconds(15)), $"the echo test call did not start\n{server.Output}");

        var terminated = Task.Run(() => server.TerminateAsync(ExitLimit));
        Assert.True(await server.WaitForOutputAsync("Stopping: new calls are refused", TimeSpan.FromSeconds(10)), server.Output);
        var sigterm = DateTime.UtcNow;

        // While it drains: a new call is refused 503, the probe says "stopping", and the call is still up.
        var refused = await Sipp.RunAsync("uac_expect_final.xml", server.SipPort, FreePort.Next(), ("username", "2002"), ("password", "demo2002"), ("callee", "8000"), ("expected", "503"));
        Assert.True(refused.ExitCode == 0, $"a new call during the drain: {refused}\n{server.Output}");
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{server.ManagementPort}/api/health"));
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("stopping", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        Assert.False(caller.IsCompleted, "the call ended before the drain time was up");

        // Then the call gets a BYE (SIPp answers it and succeeds), after the drain time, and the server exits 0.
        var call = await caller;
        var drained = DateTime.UtcNow - sigterm;
        Assert.True(call.ExitCode == 0, $"the caller did not get a BYE: {call}\n{server.Output}");
        Assert.True(drained >= TimeSpan.FromSeconds(2.5), $"the call was ended {drained.TotalSeconds:F1} s after the stop began, before the 3 s drain");
        Assert.Equal(0, await terminated);
        Assert.Contains("1 calls still up after the drain time were ended with BYE", server.Output, StringComparison.Ordinal);
        AssertNoStackTrace(server.Output);

        // The history has the call, ended by the stop.
        var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(server.DataDirectory));
        await using var db = database.CreateContext();
        var records = await db.CallRecords.Select(r => new { r.Caller, r.Dialled, r.EndReason }).ToListAsync();
        Assert.Contains(records, r => r.Caller == "2001" && r.Dialled == "8000" && r.EndReason == "Shutdown");
    }

    [Theory]
    [InlineData("Calendars:", false)] // composing: the staff's state is being restored
    [InlineData("Warming up", true)] // the warm-up, before SIP answers
    [InlineData("Omstilling is ready", false)]
    public async Task Sigterm_at_any_moment_of_the_start_exits_0_without_a_stack_trace(string moment, bool warmup)
    {
        await using var server = await ServerProcess.LaunchAsync(warmup);
        Assert.True(await server.WaitForOutputAsync(moment, TimeSpan.FromSeconds(60)), $"never reached \"{moment}\"\n{server.Output}");
        var exit = await server.TerminateAsync(ExitLimit);
        Assert.True(exit == 0, $"exit {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} after SIGTERM at \"{moment}\"\n{server.Output}");
        AssertNoStackTrace(server.Output);
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
    }
}
