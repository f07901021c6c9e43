using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Security;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>The limit on calls at once per account, through the whole B2BUA on the in-memory network.</summary>
public sealed class CallLimitTests
{
    [Fact]
    public async Task An_account_at_its_call_limit_gets_403_for_the_next_call_until_one_ends_and_other_accounts_are_not_held_up()
    {
        await using var f = await B2buaFixture.StartAsync(AbuseLimits.Default with { Allowed = [], MaxCallsPerAccount = 1 }, "2004");
        var caller = await f.PhoneAsync("2001");
        var first = await f.PhoneAsync("2002");
        var second = await f.PhoneAsync("2003");
        var colleague = await f.PhoneAsync("2004");
        caller.Call("2002");
        Assert.Contains(180, caller.Statuses);

        caller.Call("2003");

        Assert.Equal(403, caller.Statuses.Last());
        Assert.Equal("Too many calls for this account", caller.Responses.Last().ReasonPhrase);
        Assert.Equal(0, second.InviteCount);

        colleague.Call("2003");
        Assert.Equal(1, second.InviteCount);

        first.Decline();
        caller.Call("2002");
        Assert.Equal(2, first.InviteCount);
    }
}
