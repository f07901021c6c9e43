using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// The voicemail number (8500): a person's own box behind its PIN. Keys during a prompt act at
/// once, and keys typed while the box works are kept for the next step, so these tests key
/// without waiting for the prompts to end. SIP INFO carries the keys.
/// </summary>
public sealed class VoicemailNumberTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task With_the_right_pin_a_message_plays_is_marked_heard_and_can_be_deleted()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2012");
        f.Voicemail.SetPin("2012", "4711");
        var message = f.Voicemail.Leave("2012", "+4512345678", Monday.AddMinutes(-30), TimeSpan.FromSeconds(0.5));
        var camilla = await f.PhoneAsync("2012");

        camilla.Call("8500");
        Assert.Equal(200, camilla.Statuses.Last());
        Key(camilla, "4711#");
        Key(camilla, "1"); // at once: during "Du har en ny besked og ingen gemte beskeder …"

        // The header ("Ny besked fra …, modtaget klokken ti") and the recording play to their end: heard.
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(30), () => f.Voicemail.Changes.Contains($"heard 2012 {message.Id}")), Describe(f));
        Key(camilla, "7");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => f.Voicemail.Changes.Contains($"deleted 2012 {message.Id}")), Describe(f));
        Assert.False(camilla.ReceivedMethod(SipMethod.Bye));
        camilla.HangUp();
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(5), () => f.EventsOf(CallEventKind.Ended).Length > 0));
    }

    [Fact]
    public async Task Keying_during_a_message_acts_at_once_and_9_keeps_it_as_new()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2012");
        f.Voicemail.SetPin("2012", "4711");
        var message = f.Voicemail.Leave("2012", "2001", Monday.AddMinutes(-5), TimeSpan.FromSeconds(20));
        var camilla = await f.PhoneAsync("2012");

        camilla.Call("8500");
        Key(camilla, "4711#");
        Key(camilla, "1");
        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => f.Voicemail.Changes.Contains($"fetched {message.Id}")), Describe(f));
        Key(camilla, "9"); // long before its header and twenty seconds are over

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(10), () => f.Voicemail.Changes.Contains($"new again 2012 {message.Id}")), Describe(f));
        Assert.DoesNotContain($"heard 2012 {message.Id}", f.Voicemail.Changes);
    }

    [Fact]
    public async Task Three_wrong_pins_end_the_call_and_open_nothing()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2012");
        f.Voicemail.SetPin("2012", "4711");
        f.Voicemail.Leave("2012", "2001", Monday, TimeSpan.FromSeconds(1));
        var camilla = await f.PhoneAsync("2012");

        camilla.Call("8500");
        Key(camilla, "1111#");
        Key(camilla, "2222#");
        Key(camilla, "3333#");

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(20), () => camilla.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Empty(f.Voicemail.Changes); // nothing fetched, heard or deleted
    }

    [Fact]
    public async Task A_box_without_a_pin_says_so_and_ends_the_call()
    {
        await using var f = await B2buaFixture.StartAsync(B2buaFixture.BundledPolicy(), Monday, "2012");
        var camilla = await f.PhoneAsync("2012");

        camilla.Call("8500");
        Assert.Equal(200, camilla.Statuses.Last());

        Assert.True(await f.RunAsync(TimeSpan.FromSeconds(20), () => camilla.ReceivedMethod(SipMethod.Bye)), Describe(f));
        Assert.Equal(CallEndReason.CalleeHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
    }

    private static void Key(TestPhone phone, string keys)
    {
        foreach (var key in keys)
        {
            phone.SendInDialog(SipMethod.Info, $"Signal={key}\r\nDuration=160\r\n");
        }
    }

    private static string Describe(B2buaFixture f) =>
        string.Join('\n', f.Events.Select(e => $"{e.Kind} {e.Describe()} {e.EndReason}")) + "\nchanges: " + string.Join(", ", f.Voicemail.Changes);
}
