using static Omstilling.Calls.Tests.Signalling.SwitchboardQueueTests;

namespace Omstilling.Calls.Tests.Support;

/// <summary>A caller whom the operator 100 has answered from the queue: where the transfer tests begin.</summary>
internal static class OperatorCalls
{
    /// <summary>Operator 100's phone registers, 2002 (no credentials) calls the main number, and 100 answers the queue's offer.</summary>
    internal static async Task<(TestPhone Caller, TestPhone Operator, Guid CallId)> OperatorOnCallAsync(B2buaFixture f)
    {
        var op = await f.PhoneAsync("100");
        var caller = await f.PhoneAsync("2002", register: false);
        caller.Call("54731000", authenticate: false);
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => op.InviteCount == 1), Describe(f));
        op.Answer();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(1), () => f.Pbx.Switchboard.CallsInvolving("100").Any(c => c.AnsweredBy == "100")), Describe(f));
        var call = Assert.Single(f.Pbx.Switchboard.CallsInvolving("100"));
        Assert.Equal("100", call.AnsweredBy);
        return (caller, op, call.Id);
    }
}
