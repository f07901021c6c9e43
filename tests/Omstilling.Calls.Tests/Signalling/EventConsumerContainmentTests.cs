using Omstilling.Calls.Events;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>Call events go to consumers outside the engine (the console board, the status log): one that throws is contained.</summary>
public sealed class EventConsumerContainmentTests
{
    [Fact]
    public async Task A_consumer_that_throws_neither_breaks_the_call_nor_keeps_the_events_from_the_others()
    {
        await using var f = await B2buaFixture.StartAsync();
        var after = new List<CallEventKind>();
        using var failing = f.Pbx.Events.Subscribe("a failing console", _ => throw new InvalidOperationException("a console's bug"));
        using var next = f.Pbx.Events.Subscribe("the next consumer", e => after.Add(e.Kind));
        var caller = await f.PhoneAsync("2001");
        var callee = await f.PhoneAsync("2002");

        caller.Call("2002");
        callee.Answer();
        caller.HangUp();

        Assert.True(callee.ReceivedMethod(SipMethod.Bye));
        Assert.Equal(CallEndReason.CallerHungUp, Assert.Single(f.EventsOf(CallEventKind.Ended)).EndReason);
        f.Delivered();
        Assert.Equal([CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ended], after.Where(k => k is CallEventKind.Ringing or CallEventKind.Answered or CallEventKind.Ended));
        Assert.Equal(after.Count, f.Faults.Boundary("calls.events").Count);
    }
}
