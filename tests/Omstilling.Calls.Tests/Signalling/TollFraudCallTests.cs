using Omstilling.Calls.Control;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy.Outbound;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// The toll-fraud guard on every way onto the trunk, with the bundled policy (outbound: +45, +46,
/// +47, +49; 54 local; 90 premium): phones dialling out, forwardings set on the phone and followed,
/// an operator's call out. The trunk is a phone at the trunk's address that counts the INVITEs.
/// </summary>
public sealed class TollFraudCallTests
{
    /// <summary>Monday 30 November 2026, 11:00 in Copenhagen.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ClassOfService.Internal, "0046812345678", SipStatus.Forbidden)]
    [InlineData(ClassOfService.Internal, "33123456", SipStatus.Forbidden)]
    [InlineData(ClassOfService.National, "0046812345678", SipStatus.Forbidden)]
    [InlineData(ClassOfService.National, "90123456", SipStatus.Forbidden)]
    [InlineData(ClassOfService.International, "90123456", SipStatus.Forbidden)]
    [InlineData(ClassOfService.International, "004412345678", SipStatus.Forbidden)] // no pattern names the United Kingdom
    [InlineData(ClassOfService.International, "3312a456", SipStatus.AddressIncomplete)]
    [InlineData(ClassOfService.International, "2999", SipStatus.NotFound)]
    public async Task A_phone_dialling_a_number_it_may_not_call_is_refused_and_the_trunk_gets_no_INVITE(ClassOfService classOfService, string dialled, int expected)
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday, "2001");
        var trunk = await f.TrunkAsync();
        var phone = await f.PhoneAsync("2001");
        f.Classes.Set("2001", classOfService);

        phone.Call(dialled);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => phone.Statuses.Contains(expected)), string.Join(",", phone.Statuses));
        Assert.Equal(0, trunk.InviteCount);
        Assert.Equal(expected == SipStatus.NotFound ? 0 : 1, f.Pbx.Calls.Outbound.Refused);
    }

    [Theory]
    [InlineData(ClassOfService.National, "33123456", "33123456")]
    [InlineData(ClassOfService.Local, "54731234", "54731234")]
    [InlineData(ClassOfService.International, "0046812345678", "+46812345678")]
    [InlineData(ClassOfService.Internal, "112", "112")]
    public async Task A_phone_dialling_a_number_its_class_and_the_policy_allow_reaches_the_trunk(ClassOfService classOfService, string dialled, string sent)
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday, "2001");
        var trunk = await f.TrunkAsync();
        trunk.Behaviour = PhoneBehaviour.RingForever;
        var phone = await f.PhoneAsync("2001");
        f.Classes.Set("2001", classOfService);

        phone.Call(dialled);

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => trunk.InviteCount == 1), string.Join(",", phone.Statuses));
        Assert.Equal(sent, Assert.Single(trunk.Received, r => r.Method == SipMethod.Invite).RequestUri.User);
        Assert.Equal(0, f.Pbx.Calls.Outbound.Refused);
    }

    [Theory]
    [InlineData(ClassOfService.National, "*21*0046812345678#", null)]
    [InlineData(ClassOfService.National, "*21*90123456#", null)]
    [InlineData(ClassOfService.International, "*21*90123456#", null)]
    [InlineData(ClassOfService.Internal, "*21*20304050#", null)]
    [InlineData(ClassOfService.National, "*21*112#", null)]
    [InlineData(ClassOfService.National, "*21*20304050#", "20304050")]
    [InlineData(ClassOfService.International, "*21*0046812345678#", "+46812345678")]
    public async Task A_forwarding_keyed_on_the_phone_is_set_to_a_number_outside_only_as_far_as_the_class_and_the_policy_allow(ClassOfService classOfService, string keys, string? stored)
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday, "2001");
        var phone = await f.PhoneAsync("2001");
        f.Classes.Set("2001", classOfService);

        phone.Call(keys.Replace("#", "%23", StringComparison.Ordinal));

        // The confirmation reads the number back digit by digit: 13 digits take a while.
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => phone.ReceivedMethod(SipMethod.Bye)), string.Join(",", phone.Statuses));
        Assert.Equal(stored, f.Forwarding.ForwardingOf("2001", ForwardCondition.Always)?.Target);
    }

    [Fact]
    public async Task The_web_forwarding_check_says_in_Danish_why_a_number_outside_is_refused()
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday, "2001");
        f.Classes.Set("2001", ClassOfService.National);

        var abroad = f.Pbx.ForwardingRules.Check("2001", "+46 8 123 456 78");
        var premium = f.Pbx.ForwardingRules.Check("2001", "90 12 34 56");
        var mobile = f.Pbx.ForwardingRules.Check("2001", "20 30 40 50");

        Assert.Equal(new ForwardingTargetCheck(PhoneForwardingResult.NotAllowed, null) { Refusal = "Din telefon må ikke ringe til numre i udlandet." }, abroad);
        Assert.Equal(new ForwardingTargetCheck(PhoneForwardingResult.NotAllowed, null) { Refusal = "Telefonpolitikken tillader ikke opkald til overtakserede numre (90-numre)." }, premium);
        Assert.Equal(new ForwardingTargetCheck(PhoneForwardingResult.Set, "20304050"), mobile);
    }

    [Fact]
    public async Task A_forwarding_outside_that_the_class_no_longer_allows_is_not_followed_and_the_person_rings()
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday, "2001", "2003");
        var trunk = await f.TrunkAsync();
        var caller = await f.PhoneAsync("2003");
        var birgitte = await f.PhoneAsync("2001");
        birgitte.Behaviour = PhoneBehaviour.RingForever;
        f.Forwarding.Set("2001", ForwardCondition.Always, "Birgitte Holst", "+46812345678"); // set while she was international
        f.Classes.Set("2001", ClassOfService.National);

        caller.Call("2001");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => birgitte.ReceivedMethod(SipMethod.Invite)));
        Assert.Equal(0, trunk.InviteCount);
        Assert.Equal(1, f.Pbx.Calls.Outbound.Refused);
    }

    [Fact]
    public async Task A_forwarding_outside_that_the_class_allows_rings_the_number_through_the_trunk()
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday, "2001", "2003");
        var trunk = await f.TrunkAsync();
        trunk.Behaviour = PhoneBehaviour.RingForever;
        var caller = await f.PhoneAsync("2003");
        var birgitte = await f.PhoneAsync("2001");
        f.Forwarding.Set("2001", ForwardCondition.Always, "Birgitte Holst", "20304050");

        caller.Call("2001");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => trunk.InviteCount == 1));
        var invite = Assert.Single(trunk.Received, r => r.Method == SipMethod.Invite);
        Assert.Equal("20304050", invite.RequestUri.User);
        Assert.EndsWith(";reason=unconditional;counter=1", invite.Headers.GetFirstValue(HeaderName.Diversion), StringComparison.Ordinal);
        Assert.False(birgitte.ReceivedMethod(SipMethod.Invite));
    }

    [Theory]
    [InlineData(ClassOfService.National, "0046812345678")]
    [InlineData(ClassOfService.International, "90 12 34 56")]
    [InlineData(ClassOfService.Internal, "20 30 40 50")]
    public async Task An_operators_call_out_to_a_number_the_guard_refuses_is_not_allowed_and_nothing_rings(ClassOfService classOfService, string number)
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday);
        var trunk = await f.TrunkAsync();
        var op = await f.PhoneAsync("100");
        f.Classes.Set("100", classOfService);

        var result = f.Pbx.Switchboard.CallBack("100", number);
        f.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CallControlResult.NotAllowed, result);
        Assert.Equal(0, op.InviteCount);
        Assert.Equal(0, trunk.InviteCount);
    }

    [Fact]
    public async Task An_operators_call_out_to_an_allowed_number_rings_the_operator_then_the_trunk()
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday);
        var trunk = await f.TrunkAsync();
        trunk.Behaviour = PhoneBehaviour.RingForever;
        var op = await f.PhoneAsync("100");
        f.Classes.Set("100", ClassOfService.International);

        Assert.Equal(CallControlResult.Done, f.Pbx.Switchboard.CallBack("100", "+46 8 123 456 78"));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => op.InviteCount == 1));
        Assert.Equal(0, trunk.InviteCount);
        op.Answer();

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(2), () => trunk.InviteCount == 1));
        Assert.Equal("+46812345678", Assert.Single(trunk.Received, r => r.Method == SipMethod.Invite).RequestUri.User);
    }

    [Fact]
    public async Task A_phone_without_credentials_reaches_no_number_outside()
    {
        await using var f = await B2buaFixture.StartWithTrunkAsync(B2buaFixture.BundledPolicy(), Monday, "2001");
        var trunk = await f.TrunkAsync();
        var phone = await f.PhoneAsync("2001");

        phone.Call("33123456", authenticate: false);
        f.Advance(TimeSpan.FromSeconds(1));

        Assert.Contains(SipStatus.ProxyAuthenticationRequired, phone.Statuses);
        Assert.Equal(0, trunk.InviteCount);
    }
}
