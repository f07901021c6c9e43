using System.Diagnostics.Metrics;
using Omstilling.Calls.Events;
using Omstilling.Calls.Metrics;

namespace Omstilling.Calls.Tests.Metrics;

/// <summary>The engine's metrics, counted from the call events: how calls ended, and how long callers waited in a queue.</summary>
public sealed class CallMetricsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _seen = [];

    public CallMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == _meters)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _seen.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _seen.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => _seen.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    [Fact]
    public void A_queued_caller_answered_after_25_s_is_a_wait_of_25_s_and_the_call_ends_counted_by_its_reason()
    {
        var metrics = new CallMetrics(_meters, () => 0, () => [], () => 0, () => 0);
        var call = Guid.NewGuid();
        metrics.OnEvent(Event(call, CallEventKind.Started, 0));
        metrics.OnEvent(Event(call, CallEventKind.Queued, 3) with { QueueId = "hovedomstilling", Position = 1 });
        metrics.OnEvent(Event(call, CallEventKind.Answered, 28) with { AnsweredBy = "100" });
        metrics.OnEvent(Event(call, CallEventKind.Ended, 90) with { EndReason = CallEndReason.CalleeHungUp });

        Assert.Collection(
            _seen,
            wait => Assert.Equal(("omstilling.queue.wait", 25.0, "hovedomstilling", "answered"), (wait.Instrument, wait.Value, wait.Tags["queue"], wait.Tags["outcome"])),
            ended => Assert.Equal(("omstilling.calls.finished", 1.0, "callee_hung_up"), (ended.Instrument, ended.Value, ended.Tags["reason"])));
    }

    [Fact]
    public void A_caller_who_hangs_up_in_the_queue_is_a_wait_that_was_abandoned()
    {
        var metrics = new CallMetrics(_meters, () => 0, () => [], () => 0, () => 0);
        var call = Guid.NewGuid();
        metrics.OnEvent(Event(call, CallEventKind.Queued, 0) with { QueueId = "hovedomstilling", Position = 1 });
        metrics.OnEvent(Event(call, CallEventKind.Ended, 40) with { EndReason = CallEndReason.CallerHungUp });

        Assert.Equal(("omstilling.queue.wait", 40.0, "abandoned"), (_seen[0].Instrument, _seen[0].Value, _seen[0].Tags["outcome"]));
        Assert.Equal("caller_hung_up", _seen[1].Tags["reason"]);
    }

    [Fact]
    public void The_queues_callers_are_observed_per_queue_when_scraped()
    {
        _ = new CallMetrics(_meters, () => 2, () => [("hovedomstilling", 3), ("hjemmepleje", 0)], () => 7, () => 0);
        _listener.RecordObservableInstruments();

        Assert.Contains(_seen, m => m.Instrument == "omstilling.queue.callers" && m.Value == 3 && (string?)m.Tags["queue"] == "hovedomstilling");
        Assert.Contains(_seen, m => m.Instrument == "omstilling.calls.active" && m.Value == 2);
        Assert.Contains(_seen, m => m.Instrument == "omstilling.sip.registrations" && m.Value == 7);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    private static CallEvent Event(Guid call, CallEventKind kind, int seconds) => new(call, kind, Start.AddSeconds(seconds), "20000001", "54731000");
}
