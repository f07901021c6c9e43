using System.Text.Json;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Robustness;

/// <summary>
/// The robustness suite against the running server: every header of a valid INVITE, REGISTER,
/// SUBSCRIBE and BYE mutated in turn, and whole-message cases, over UDP and over TCP. After each
/// case the server must still answer OPTIONS; a call placed at the start must complete; and no
/// case may even reach a fault boundary (a contained failure is still a bug).
/// </summary>
public sealed class HostileInputSuiteTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Every_hostile_case_over_udp_leaves_the_server_answering_and_the_call_placed_first_completing()
    {
        var server = fixture.Server;
        using var probe = new SipProbe(server.SipPort);
        var cases = new HostileMessages("UDP", probe.UdpPort, server.SipPort);
        var call = await PlaceCallAsync(server);

        var unanswered = new List<string>();
        var count = 0;
        foreach (var hostile in cases.HeaderMutations().Concat(cases.WholeMessages()))
        {
            count++;
            await probe.SendUdpAsync(hostile.Bytes);
            if (!await probe.AnswersOverUdpAsync())
            {
                unanswered.Add(hostile.Name);
            }
        }

        Assert.True(unanswered.Count == 0, $"no answer to OPTIONS after: {string.Join("; ", unanswered)}\n{server.Output}");
        Assert.True(count > 500, $"only {count} cases");
        await AssertCompletedAsync(call, server);
        await AssertNothingWasContainedAsync(server);
    }

    [Fact]
    public async Task Every_hostile_case_over_tcp_leaves_the_server_answering_and_the_call_placed_first_completing()
    {
        var server = fixture.Server;
        using var probe = new SipProbe(server.SipPort);
        var cases = new HostileMessages("TCP", 5099, server.SipPort);
        var call = await PlaceCallAsync(server);

        var unanswered = new List<string>();
        foreach (var hostile in cases.HeaderMutations().Concat(cases.WholeMessages()))
        {
            await probe.SendTcpAsync(hostile.Bytes);
            if (!await probe.AnswersOverTcpAsync())
            {
                unanswered.Add(hostile.Name);
            }
        }

        // A phone that writes a byte at a time (or a slow link) is framed all the same.
        await probe.SendTcpAsync(cases.HeaderMutations().First(c => c.Name == "INVITE Supported: missing").Bytes, chunk: 1);

        Assert.True(unanswered.Count == 0, $"no answer to OPTIONS after: {string.Join("; ", unanswered)}\n{server.Output}");
        Assert.True(await probe.AnswersOverTcpAsync());
        await AssertCompletedAsync(call, server);
        await AssertNothingWasContainedAsync(server);
    }

    [Fact]
    public async Task Pipelined_tcp_messages_are_answered_in_turn_up_to_the_one_that_breaks_the_framing()
    {
        var server = fixture.Server;
        using var probe = new SipProbe(server.SipPort);

        var three = await probe.PipelineOverTcpAsync(
            SipProbe.Options("TCP", 5099, "pipe-a"), SipProbe.Options("TCP", 5099, "pipe-b"), SipProbe.Options("TCP", 5099, "pipe-c"));
        var broken = await probe.PipelineOverTcpAsync(
            SipProbe.Options("TCP", 5099, "pipe-d"), "NOT SIP AT ALL\r\n\r\n"u8.ToArray(), SipProbe.Options("TCP", 5099, "pipe-e"));

        Assert.Equal(["pipe-a", "pipe-b", "pipe-c"], three);
        Assert.Equal(["pipe-d"], broken); // then the framing is lost and the connection closed (RFC 4475 §3.1.2.3)
        Assert.True(await probe.AnswersOverTcpAsync());
    }

    /// <summary>2040 calls 2041 (a SIPp phone that answers), and the caller holds the call for <see cref="Hold"/>.</summary>
    private static async Task<(Task<ProcessRunner.Result> Caller, Task<ProcessRunner.Result> Callee)> PlaceCallAsync(ServerProcess server)
    {
        var calleePort = FreePort.Next();
        await Sipp.RegisterAsync("2041", server.SipPort, calleePort);
        var callee = Sipp.RunTolerantAsync("uas_answer.xml", server.SipPort, calleePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(calleePort, TimeSpan.FromSeconds(10)));
        var caller = Sipp.RunHoldingAsync("uac_call_pause_bye.xml", server.SipPort, FreePort.Next(), Hold, ("username", "2040"), ("password", "demo2040"), ("callee", "2041"));
        Assert.True(await server.WaitForStatusAsync(s => s.GetProperty("activeCalls").GetInt32() > 0, TimeSpan.FromSeconds(10)), "the call is up before the cases start");
        return (caller, callee);
    }

    private static async Task AssertCompletedAsync((Task<ProcessRunner.Result> Caller, Task<ProcessRunner.Result> Callee) call, ServerProcess server)
    {
        var caller = await call.Caller;
        var callee = await call.Callee;
        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        Assert.True(callee.ExitCode == 0, $"callee: {callee}\n{server.Output}");
    }

    private static async Task AssertNothingWasContainedAsync(ServerProcess server)
    {
        var status = await server.StatusAsync();
        Assert.True(status.GetProperty("faultsTotal").GetInt64() == 0, $"contained failures: {status.GetProperty("faults")}\n{server.Output}");
        Assert.True(status.GetProperty("malformedMessages").GetInt64() > 0);
    }
}
