using System.Net;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Security;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transactions;

namespace Omstilling.Sip.Tests.Security;

/// <summary>The abuse limits in a stack on the in-memory network: what a blocked source and an overloaded server answer.</summary>
public sealed class AbuseLimitStackTests
{
    private static SipStackOptions With(AbuseLimits limits) => new() { Abuse = limits };

    [Fact]
    public async Task Over_the_limit_of_calls_in_setup_a_new_INVITE_is_answered_503_with_Retry_After_at_once()
    {
        await using var pair = await StackPair.StartAsync(serverOptions: With(AbuseLimits.Default with { Allowed = [], MaxCallsInSetup = 2, RetryAfter = TimeSpan.FromSeconds(7) }));
        pair.ServerCore.Answer = _ => null; // the calls ring on: still in setup

        for (var i = 0; i < 3; i++)
        {
            pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        }

        pair.Deliver();

        Assert.Equal(2, pair.ServerCore.Requests.Count);
        var refused = Assert.Single(pair.ClientCore.Responses, r => r.Response.IsFinal).Response;
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("7", refused.Headers.GetFirstValue(HeaderName.RetryAfter));
        Assert.Equal(2, pair.Server.Setup.InSetup);
    }

    [Fact]
    public async Task A_call_answered_finally_leaves_setup_and_makes_room_for_the_next()
    {
        await using var pair = await StackPair.StartAsync(serverOptions: With(AbuseLimits.Default with { Allowed = [], MaxCallsInSetup = 1 }));
        pair.ServerCore.Answer = _ => null;
        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();
        Assert.True(pair.ServerCore.Requests.TryDequeue(out var first));

        first.Respond(486);
        pair.Client.SendRequest(StackPair.NewRequest(SipMethod.Invite), pair.ServerEndPoint, pair.ClientCore);
        pair.Deliver();

        Assert.Equal(1, pair.Server.Setup.InSetup);
        Assert.Single(pair.ServerCore.Requests);
        Assert.DoesNotContain(503, pair.ClientCore.StatusCodes);
    }

    [Fact]
    public async Task After_twenty_wrong_passwords_the_source_gets_no_answer_at_all_even_with_the_right_one()
    {
        await using var registrar = await RegistrarFixture.StartAsync(With(AbuseLimits.Default with { Allowed = [] }));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(401, registrar.Register("2001", "wrong" + i).StatusCode);
        }

        var before = registrar.Pair.ClientCore.Responses.Count;
        registrar.Pair.Client.SendRequest(RegistrarFixture.NewRegister("2001", 1, SipIds.NewCallId("reg")), registrar.Pair.ServerEndPoint, registrar.Pair.ClientCore);
        registrar.Pair.Deliver();

        Assert.Equal(before, registrar.Pair.ClientCore.Responses.Count);
        Assert.True(registrar.Pair.Server.Guard!.IsBlocked(StackPair.ClientAddress.Address));
    }

    [Fact]
    public async Task With_403_as_the_answer_a_blocked_source_is_told_it_is_forbidden()
    {
        await using var registrar = await RegistrarFixture.StartAsync(With(AbuseLimits.Default with { Allowed = [], AuthFailureLimit = 3, BlockedAnswer = BlockedAnswer.Forbidden }));
        for (var i = 0; i < 3; i++)
        {
            registrar.Register("2001", "wrong");
        }

        Assert.Equal(403, registrar.Register("2001", "demo2001").StatusCode);
    }

    [Fact]
    public async Task A_challenge_to_a_request_without_credentials_is_no_failure()
    {
        await using var registrar = await RegistrarFixture.StartAsync(With(AbuseLimits.Default with { Allowed = [], AuthFailureLimit = 3 }));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(401, registrar.Send(RegistrarFixture.NewRegister("2001", 1, SipIds.NewCallId("reg"))).StatusCode);
        }

        Assert.Equal(200, registrar.Register("2001", "demo2001").StatusCode);
    }

    [Fact]
    public async Task One_address_may_hold_only_so_many_registrations_but_may_refresh_them()
    {
        await using var registrar = await RegistrarFixture.StartAsync(With(AbuseLimits.Default with { Allowed = [], MaxRegistrationsPerAddress = 2 }));

        Assert.Equal(200, registrar.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5071>").StatusCode);
        Assert.Equal(200, registrar.Register("2002", "demo2002", "<sip:2002@192.0.2.1:5072>").StatusCode);
        var third = registrar.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5073>");
        Assert.Equal(403, third.StatusCode);
        Assert.Equal("Too many registrations from this address", third.ReasonPhrase);

        Assert.Equal(200, registrar.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5071>").StatusCode);
        Assert.Equal(200, registrar.Register("2002", "demo2002", "<sip:2002@192.0.2.1:5072>", expires: 0).StatusCode);
        Assert.Equal(200, registrar.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5073>").StatusCode);
        Assert.Equal(2, registrar.Registrar.Bindings.CountFrom(IPAddress.Parse("192.0.2.1")));
    }
}
