using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// The bundled policy with people coded absent: their phones do not ring; the caller hears the
/// absence greeting and the call goes on by the person's no-answer rule. In a department's group,
/// only those present ring.
/// </summary>
public sealed class AbsenceCallTests
{
    /// <summary>Monday 30 November 2026, 11:00 in Copenhagen: Borgerservice's telephone hours.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static AbsenceGreeting Meeting(string name) => new(name, null, "fravaer-moede", new DateTime(2026, 11, 30, 14, 0, 0), new DateOnly(2026, 11, 30));

    [Fact]
    public async Task A_call_to_a_person_at_a_meeting_plays_the_greeting_without_ringing_and_goes_to_her_voicemail()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2012");
        var caller = await f.PhoneAsync("2001");
        var camilla = await f.PhoneAsync("2012");
        f.Absence.Set("2012", Meeting("Camilla Holm"));

        caller.Call("2012");

        Assert.Equal(200, caller.Statuses.Last()); // the platform answers to speak
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => f.EventsOf(CallEventKind.Voicemail).Length > 0), Describe(f));
        Assert.False(camilla.ReceivedMethod(SipMethod.Invite));
        var diverted = Assert.Single(f.EventsOf(CallEventKind.Diverted));
        Assert.Equal(("2012", RingOutcome.Absent), (diverted.Party, diverted.Outcome));
        Assert.Contains(f.EventsOf(CallEventKind.Routed), e => e.Decision == DecisionKind.Voicemail && e.Target == "2012");
        Assert.DoesNotContain(f.Events, e => e.Kind == CallEventKind.Ringing);
    }

    [Fact]
    public async Task The_greeting_is_heard_before_the_next_step()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2012");
        var caller = await f.PhoneAsync("2001");
        f.Absence.Set("2012", Meeting("Camilla Holm"));

        caller.Call("2012");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => false);

        Assert.Empty(f.EventsOf(CallEventKind.Voicemail)); // "Du har ringet til en medarbejder, som er til møde, og træffes igen klokken fjorten" lasts longer
    }

    [Fact]
    public async Task In_a_department_only_those_present_ring_and_when_all_are_away_all_ring()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2010", "2011", "2012");
        var caller = await f.PhoneAsync("2001");
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        var camilla = await f.PhoneAsync("2012");
        foreach (var phone in new[] { anne, bo, camilla })
        {
            phone.Behaviour = PhoneBehaviour.RingForever;
        }

        f.Absence.Set("2010", Meeting("Anne Sørensen"));
        caller.Call("54732010");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => bo.ReceivedMethod(SipMethod.Invite) && camilla.ReceivedMethod(SipMethod.Invite));

        Assert.True(bo.ReceivedMethod(SipMethod.Invite), Describe(f));
        Assert.True(camilla.ReceivedMethod(SipMethod.Invite));
        Assert.False(anne.ReceivedMethod(SipMethod.Invite));
        Assert.Contains(f.EventsOf(CallEventKind.Routed), e => e.Decision == DecisionKind.Ring && e.Target == "2010,2011,2012");
    }

    [Fact]
    public async Task When_everyone_in_the_group_is_away_every_phone_still_rings()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2010", "2011");
        var caller = await f.PhoneAsync("2001");
        var anne = await f.PhoneAsync("2010");
        var bo = await f.PhoneAsync("2011");
        anne.Behaviour = bo.Behaviour = PhoneBehaviour.RingForever;
        foreach (var (ext, name) in new[] { ("2010", "Anne Sørensen"), ("2011", "Bo Jensen"), ("2012", "Camilla Holm") })
        {
            f.Absence.Set(ext, Meeting(name));
        }

        caller.Call("54732010");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => anne.ReceivedMethod(SipMethod.Invite) && bo.ReceivedMethod(SipMethod.Invite));

        Assert.True(anne.ReceivedMethod(SipMethod.Invite), Describe(f));
        Assert.True(bo.ReceivedMethod(SipMethod.Invite));
    }

    private static string Describe(B2buaFixture f) => string.Join('\n', f.Events.Select(e => $"{e.Kind} {e.Describe()} {e.EndReason}"));
}
