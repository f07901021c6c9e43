using Omstilling.Calls.Control;
using Omstilling.Calls.Events;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Marks from the web (<see cref="IMisroutedMarks"/>). A live call emits the mark under its own lock,
/// in order with its other events, with its caller and number dialled; a call that has ended (the
/// engine no longer knows it) gets the mark posted on its own, with the caller and number left
/// empty for the history to fill from the call's record (<c>HistoryWriter</c>). Thread-safe.
/// </summary>
internal sealed class MisroutedMarks(CallManager calls, TimeProvider time) : IMisroutedMarks
{
    public CallControlResult MarkMisrouted(Guid callId, string by, bool byOperator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (callId == Guid.Empty)
        {
            return CallControlResult.NoSuchCall;
        }

        var emitted = false;
        if (calls.Find(callId) is { } call)
        {
            // Locked skips the step when the call has just ended; the mark is then posted as for an ended call.
            call.Locked(() =>
            {
                call.Emit(By(call.Event(CallEventKind.MarkedMisrouted), by, byOperator));
                emitted = true;
            }, "a mark as misrouted from the web");
        }

        if (!emitted)
        {
            calls.Publish(By(new CallEvent(callId, CallEventKind.MarkedMisrouted, time.GetUtcNow(), "", ""), by, byOperator));
        }

        return CallControlResult.Done;
    }

    private static CallEvent By(CallEvent mark, string by, bool byOperator) =>
        byOperator ? mark with { Operator = by } : mark with { Party = by };
}
