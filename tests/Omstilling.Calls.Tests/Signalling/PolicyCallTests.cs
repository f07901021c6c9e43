using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// The bundled policy carried out by the call engine with both clocks in the test's hands:
/// menus that get no key or a wrong one, messages, and voicemail when a person does not answer.
/// </summary>
public sealed class PolicyCallTests
{
    /// <summary>Tuesday 1 December 2026, 22:00 in Copenhagen: after hours, in winter.</summary>
    private static readonly DateTimeOffset WinterNight = new(2026, 12, 1, 21, 0, 0, TimeSpan.Zero);

    /// <summary>Monday 30 November 2026, 10:00 in Copenhagen: telephone hours.</summary>
    private static readonly DateTimeOffset WorkingDay = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_menu_without_a_key_is_read_again_twice_and_then_the_call_ends_politely()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WinterNight);
        var caller = await f.PhoneAsync("2001", register: false);

        caller.Call("54731000", authenticate: false);

        Assert.Equal(200, caller.Statuses.Last());
        Assert.True(await f.RunAsync(TimeSpan.FromMinutes(3), () => caller.ReceivedMethod(SipMethod.Bye) && f.EventsOf(CallEventKind.Ended).Length > 0), Describe(f));
        var noKey = f.EventsOf(CallEventKind.InvalidChoice);
        Assert.Equal(3, noKey.Length);
        Assert.All(noKey, e => Assert.Equal(("efter-lukketid", (MenuChoiceOutcome?)null), (e.MenuId, e.ChoiceOutcome)));
        Assert.Equal(CallEndReason.NoAnswer, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        Assert.Equal(0, f.Media.StreamCount);
    }

    [Fact]
    public async Task A_wrong_key_is_said_to_be_invalid_and_the_next_one_plays_its_message()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WinterNight);
        var caller = await f.PhoneAsync("2001", register: false);
        caller.Call("54731000", authenticate: false);
        await f.RunAsync(TimeSpan.FromSeconds(1), () => false);

        caller.SendInDialog(SipMethod.Info, "Signal=7\r\nDuration=160\r\n");
        await f.RunAsync(TimeSpan.FromSeconds(2), () => false);
        caller.SendInDialog(SipMethod.Info, "Signal=4\r\nDuration=160\r\n");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => caller.ReceivedMethod(SipMethod.Bye) && f.EventsOf(CallEventKind.Ended).Length > 0), Describe(f));
        var invalid = Assert.Single(f.EventsOf(CallEventKind.InvalidChoice));
        Assert.Equal(("efter-lukketid", MenuChoiceOutcome.NoSuchOption), (invalid.MenuId, invalid.ChoiceOutcome));
        Assert.Null(invalid.Digit); // a key that is no option is the caller's, not the menu's
        Assert.DoesNotContain(f.Events, e => e.Kind == CallEventKind.Digit);
        var choice = Assert.Single(f.EventsOf(CallEventKind.MenuChoice));
        Assert.Equal(("efter-lukketid", "andre henvendelser"), (choice.MenuId, choice.MenuOption));
        Assert.Contains(f.EventsOf(CallEventKind.Routed), e => e.Decision == DecisionKind.Message && e.Target == "andre-henvendelser");
        Assert.Equal(CallEndReason.Completed, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
    }

    [Fact]
    public async Task An_unanswered_call_to_a_person_with_voicemail_is_recorded_in_her_box()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), WorkingDay, "2012");
        var caller = await f.PhoneAsync("2001");
        var camilla = await f.PhoneAsync("2012");
        camilla.Behaviour = PhoneBehaviour.RingForever;

        caller.Call("2012");
        Assert.True(camilla.ReceivedMethod(SipMethod.Invite));
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(40), () => f.EventsOf(CallEventKind.Voicemail).Length > 0), Describe(f));
        Assert.True(camilla.ReceivedMethod(SipMethod.Cancel));
        Assert.Equal(200, caller.Statuses.Last());

        caller.SendInDialog(SipMethod.Info, "Signal=#\r\nDuration=160\r\n");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => caller.ReceivedMethod(SipMethod.Bye) && f.EventsOf(CallEventKind.Ended).Length > 0), Describe(f));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(f.VoicemailFolder, "2012")));
        Assert.Equal(Assert.Single(f.EventsOf(CallEventKind.Voicemail)).Recording, Path.GetFileName(file));
        Assert.Contains(f.EventsOf(CallEventKind.Routed), e => e.Decision == DecisionKind.Voicemail && e.Target == "2012");
        Assert.Equal(CallEndReason.Completed, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
    }

    private static string Describe(B2buaFixture f) => string.Join('\n', f.Events.Select(e => $"{e.Kind} {e.Digit} {e.Describe()} {e.EndReason}"));
}
