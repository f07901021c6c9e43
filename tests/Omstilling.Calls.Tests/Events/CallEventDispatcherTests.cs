using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calls.Events;
using Omstilling.Runtime;

namespace Omstilling.Calls.Tests.Events;

public sealed class CallEventDispatcherTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Posting_runs_no_consumer_and_every_consumer_gets_each_calls_events_in_order_off_the_posting_thread()
    {
        await using var dispatcher = NewDispatcher(out _);
        var posting = Environment.CurrentManagedThreadId;
        var seen = new List<(CallEventKind Kind, int Thread)>();
        using var subscription = dispatcher.Subscribe("test", e => seen.Add((e.Kind, Environment.CurrentManagedThreadId)));
        var call = Guid.NewGuid();

        dispatcher.Post(Event(call, CallEventKind.Started));
        dispatcher.Post(Event(call, CallEventKind.Ringing));
        dispatcher.Post(Event(call, CallEventKind.Answered));
        dispatcher.Post(Event(call, CallEventKind.Ended));
        Assert.Empty(seen); // not started: nothing delivered, and posting ran nothing
        dispatcher.Start();
        await dispatcher.DeliveredAsync();

        Assert.Equal([CallEventKind.Started, CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ended], seen.Select(s => s.Kind));
        Assert.DoesNotContain(seen, s => s.Thread == posting);
        Assert.Equal(4, dispatcher.Delivered);
    }

    [Fact]
    public async Task A_consumer_that_throws_is_contained_and_the_others_still_get_the_event()
    {
        await using var dispatcher = NewDispatcher(out var faults);
        var second = new List<CallEventKind>();
        using var failing = dispatcher.Subscribe("failing", _ => throw new InvalidOperationException("a consumer's bug"));
        using var other = dispatcher.Subscribe("other", e => second.Add(e.Kind));
        dispatcher.Start();

        dispatcher.Post(Event(Guid.NewGuid(), CallEventKind.Started));
        dispatcher.Post(Event(Guid.NewGuid(), CallEventKind.Ended));
        await dispatcher.DeliveredAsync();

        Assert.Equal([CallEventKind.Started, CallEventKind.Ended], second);
        Assert.Equal(2, faults.Boundary("calls.events").Count);
    }

    [Fact]
    public async Task When_the_consumers_are_a_whole_channel_behind_an_event_is_dropped_and_counted_not_waited_for()
    {
        await using var dispatcher = NewDispatcher(out _);
        var delivered = 0;
        using var subscription = dispatcher.Subscribe("counting", _ => delivered++);
        var call = Guid.NewGuid();

        for (var i = 0; i < CallEventDispatcher.Capacity + 3; i++)
        {
            dispatcher.Post(Event(call, CallEventKind.Held)); // never blocks, though nothing reads yet
        }

        Assert.Equal(3, dispatcher.Dropped);
        dispatcher.Start();
        await dispatcher.DeliveredAsync();
        Assert.Equal(CallEventDispatcher.Capacity, delivered);
    }

    [Fact]
    public async Task A_disposed_subscription_gets_nothing_more()
    {
        await using var dispatcher = NewDispatcher(out _);
        var seen = 0;
        var subscription = dispatcher.Subscribe("short-lived", _ => seen++);
        dispatcher.Start();
        dispatcher.Post(Event(Guid.NewGuid(), CallEventKind.Started));
        await dispatcher.DeliveredAsync();

        subscription.Dispose();
        dispatcher.Post(Event(Guid.NewGuid(), CallEventKind.Started));
        await dispatcher.DeliveredAsync();

        Assert.Equal(1, seen);
    }

    private static CallEventDispatcher NewDispatcher(out FaultMonitor faults)
    {
        faults = new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System);
        return new CallEventDispatcher(faults, TimeProvider.System, NullLogger<CallEventDispatcher>.Instance);
    }

    private static CallEvent Event(Guid call, CallEventKind kind) => new(call, kind, At, "+4512345678", "54731000");
}
