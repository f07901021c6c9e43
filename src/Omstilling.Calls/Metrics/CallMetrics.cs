using System.Diagnostics;
using System.Diagnostics.Metrics;
using Omstilling.Calls.Events;

namespace Omstilling.Calls.Metrics;

/// <summary>
/// The call engine's instruments on the meter <see cref="MeterName"/> (docs/metrics.md): calls
/// active and finished by how they ended, callers waiting in each queue and how long they waited,
/// phones registered, events the dispatcher dropped. Levels are observed when scraped; what
/// happened is counted from the call events, as a consumer of the dispatcher (its own loop, never a
/// call's thread), so no call does any work for its metrics. <see cref="OnEvent"/> is called on the
/// dispatcher's one loop only; the rest is thread-safe.
/// </summary>
public sealed class CallMetrics
{
    /// <summary>The meter every call instrument is on.</summary>
    public const string MeterName = "Omstilling.Calls";

    private readonly Counter<long> _finished;
    private readonly Histogram<double> _queueWait;

    /// <summary>Callers in a queue now: when they joined and which queue. Touched by the dispatcher's loop only.</summary>
    private readonly Dictionary<Guid, (string Queue, DateTimeOffset Since)> _queued = [];

    /// <param name="activeCalls">Calls in progress (read when scraped).</param>
    /// <param name="waiting">Callers waiting, per queue (read when scraped).</param>
    /// <param name="registrations">Registered phone bindings (read when scraped).</param>
    /// <param name="eventsDropped">Call events the dispatcher dropped (read when scraped).</param>
    /// <param name="outboundRefused">Calls out the toll-fraud guard refused (read when scraped); none counted without it.</param>
    public CallMetrics(IMeterFactory meters, Func<int> activeCalls, Func<IReadOnlyList<(string QueueId, int Callers)>> waiting, Func<long> registrations, Func<long> eventsDropped, Func<long>? outboundRefused = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(activeCalls);
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(eventsDropped);
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("omstilling.calls.active", activeCalls, "{call}", "Calls in progress now.");
        _finished = meter.CreateCounter<long>("omstilling.calls.finished", "{call}", "Calls that ended, by why they ended (reason).");
        meter.CreateObservableUpDownCounter("omstilling.queue.callers", () => Waiting(waiting()), "{caller}", "Callers waiting in each queue now (queue).");
        _queueWait = meter.CreateHistogram("omstilling.queue.wait", "s", "How long callers waited in a queue before an answer, giving up or the queue's longest wait, by queue and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 20, 30, 60, 120, 300, 600] });
        meter.CreateObservableUpDownCounter("omstilling.sip.registrations", registrations, "{binding}", "Phone registrations (bindings) held by the registrar.");
        meter.CreateObservableCounter("omstilling.calls.outbound.refused", outboundRefused ?? (() => 0L), "{call}", "Calls out through the trunk the toll-fraud guard refused (class of service, the policy's outbound patterns, malformed numbers).");
        meter.CreateObservableCounter("omstilling.call_events.dropped", eventsDropped, "{event}", "Call events the dispatcher dropped because its consumers were a whole channel behind.");
    }

    /// <summary>One call event, from the dispatcher's loop.</summary>
    public void OnEvent(CallEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Kind)
        {
            case CallEventKind.Queued:
                if (e.QueueId is { } queue)
                {
                    _queued.TryAdd(e.CallId, (queue, e.At));
                }

                break;
            case CallEventKind.Answered:
                LeftQueue(e, "answered");
                break;
            case CallEventKind.QueueTimedOut:
                LeftQueue(e, "timed_out");
                break;
            case CallEventKind.Ended:
                LeftQueue(e, "abandoned");
                if (e.EndReason is { } reason)
                {
                    _finished.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(reason)));
                }

                break;
            case CallEventKind.Started:
            case CallEventKind.Ringing:
            case CallEventKind.RingEnded:
            case CallEventKind.Held:
            case CallEventKind.Resumed:
            case CallEventKind.Digit:
            case CallEventKind.Routed:
            case CallEventKind.MenuChoice:
            case CallEventKind.InvalidChoice:
            case CallEventKind.Voicemail:
            case CallEventKind.PositionAnnounced:
            case CallEventKind.Offered:
            case CallEventKind.Diverted:
            case CallEventKind.TransferStarted:
            case CallEventKind.ConsultAnswered:
            case CallEventKind.TransferCompleted:
            case CallEventKind.TransferFailed:
            case CallEventKind.Recalled:
            case CallEventKind.CampOn:
            case CallEventKind.PartyLeft:
            case CallEventKind.SurveyInvited:
            case CallEventKind.SurveyOptedIn:
            case CallEventKind.SurveyAsked:
            case CallEventKind.SurveyAnswered:
            case CallEventKind.MarkedMisrouted:
                break;
            default:
                throw new UnreachableException($"Not a call event kind: {e.Kind}");
        }
    }

    /// <summary>The reason's label: snake case, as Prometheus labels are usually written.</summary>
    internal static string ReasonTag(CallEndReason reason) => reason switch
    {
        CallEndReason.CallerHungUp => "caller_hung_up",
        CallEndReason.CalleeHungUp => "callee_hung_up",
        CallEndReason.CallerCancelled => "caller_cancelled",
        CallEndReason.Busy => "busy",
        CallEndReason.NoAnswer => "no_answer",
        CallEndReason.Unavailable => "unavailable",
        CallEndReason.Rejected => "rejected",
        CallEndReason.Failed => "failed",
        CallEndReason.Completed => "completed",
        CallEndReason.Transferred => "transferred",
        CallEndReason.Shutdown => "shutdown",
        CallEndReason.PlatformRestarted => "platform_restarted",
        _ => throw new UnreachableException($"Not a call end reason: {reason}"),
    };

    private static IEnumerable<Measurement<int>> Waiting(IReadOnlyList<(string QueueId, int Callers)> queues)
    {
        foreach (var (queue, callers) in queues)
        {
            yield return new Measurement<int>(callers, new KeyValuePair<string, object?>("queue", queue));
        }
    }

    private void LeftQueue(CallEvent e, string outcome)
    {
        if (_queued.Remove(e.CallId, out var queued))
        {
            _queueWait.Record(
                Math.Max(0, (e.At - queued.Since).TotalSeconds),
                new KeyValuePair<string, object?>("queue", queued.Queue),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
