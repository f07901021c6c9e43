using Omstilling.Calls.Events;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// An unanswered transfer on its way back to the switchboard (<see cref="Recall"/>): the operator
/// who made it is rung when free, otherwise (or when that rings out) the caller waits at the head
/// of the switchboard's queue with music. Owned by its call and used under the call's lock.
/// </summary>
internal sealed class Recalls(ITransferHost call, Call owner, CallServices services)
{
    /// <summary>The unanswered transfer back at the switchboard, or null.</summary>
    public Recall? Current { get; private set; }

    /// <summary>The caller is taken elsewhere (a new transfer, voicemail, a completed transfer): the recall is over.</summary>
    public void Forget() => Current = null;

    /// <summary>Rings the operator who made the transfer when they are free; otherwise to the head of the queue.</summary>
    public void ToSwitchboard(Recall recall)
    {
        Current = recall;
        call.PlayToCaller(services.MusicOnHold);

        // Free and reserved in one step, so the queue cannot offer them another caller at the same moment.
        if (recall.Operator is { } op && services.Queues.TryReserve(owner, op))
        {
            recall.RingOperator();
            call.Emit(call.Event(CallEventKind.Recalled) with { Party = recall.Target, Operator = op, Outcome = recall.Outcome });
            call.Ring(new RingGroup(RingPurpose.Recall, [op]), [.. services.Bindings.Lookup(op)], services.Options.RingLimit, ringback: false);
            return;
        }

        ToQueue(recall);
    }

    /// <summary>The caller waits at the head of the switchboard's queue (an operator left a failed consultation, say).</summary>
    public void ToQueue(Recall recall)
    {
        Current = recall;
        call.Emit(call.Event(CallEventKind.Recalled) with { Party = recall.Target, Outcome = recall.Outcome });
        call.RequeueAtHead();
    }

    /// <summary>The operator rung for a recall did not take it: the head of the queue goes to someone else first.</summary>
    public void Unanswered()
    {
        if (Current is not { } recall)
        {
            return;
        }

        recall.Queue();
        if (recall.Operator is { } op)
        {
            services.Queues.Rest(op);
        }

        call.RequeueAtHead();
    }

    /// <summary>A phone answered the caller: a recall is only remembered for the console now.</summary>
    public void Answered() => Current?.Queue();
}
