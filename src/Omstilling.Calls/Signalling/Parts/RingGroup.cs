using Omstilling.Calls.Control;
using Omstilling.Policy.Model;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>The life of one ringing: every phone of the targets at once, the first answer wins.</summary>
internal enum RingGroupState
{
    /// <summary>The phones ring (or are being called); the ring limit runs.</summary>
    Ringing,

    /// <summary>One phone answered; the others were cancelled and a late answer from them is hung up.</summary>
    Answered,

    /// <summary>Every phone refused (or none could be called): <see cref="RingGroup.Refusal"/> says how.</summary>
    Failed,

    /// <summary>Given up by the call (ring limit, the caller left, the queue moved on); late answers are hung up, late refusals ignored.</summary>
    Abandoned,
}

/// <summary>What a ringing is for: each ends its own way when nobody takes it (see <c>Call.RingFailed</c>).</summary>
internal enum RingPurpose
{
    /// <summary>The policy rings a person or a group, or forwards through the trunk: its busy and no-answer rules follow.</summary>
    Call,

    /// <summary>A queue offers the caller to members: the caller keeps its place.</summary>
    QueueOffer,

    /// <summary>A blind transfer or a camp-on rings the target for the caller: it comes back to the switchboard.</summary>
    Transfer,

    /// <summary>A transfer that came back rings the operator who made it: then the head of the queue.</summary>
    Recall,

    /// <summary>The operator's own call to an announced transfer's target, while the caller waits.</summary>
    Consultation,
}

/// <summary>
/// One ringing of a call: the phones rung together for one purpose (parallel forking), with its
/// ring limit. A call rings again and again over its life (an overflow rule, a queue offer, a
/// transfer, a recall): each time with a new group, so an answer or a refusal that comes late
/// belongs to the group it was for, which has moved on. Owned by its call and only touched under
/// the call's lock.
/// </summary>
internal sealed class RingGroup(RingPurpose purpose, IReadOnlyList<string> targets, PolicyAction? onBusy = null, PolicyAction? onNoAnswer = null)
{
    private readonly List<Branch> _branches = [];
    private ScheduledTimer? _limit;

    public RingPurpose Purpose { get; private set; } = purpose;

    public RingGroupState State { get; private set; }

    /// <summary>Whom the group rings (extensions, members, or an external number), the first for a diversion.</summary>
    public IReadOnlyList<string> Targets { get; } = targets;

    /// <summary>The policy's rule when all are busy (or none is registered), for <see cref="RingPurpose.Call"/>.</summary>
    public PolicyAction? OnBusy { get; } = onBusy;

    /// <summary>The policy's rule when nobody answers, for <see cref="RingPurpose.Call"/>.</summary>
    public PolicyAction? OnNoAnswer { get; } = onNoAnswer;

    public IReadOnlyList<Branch> Branches => _branches;

    /// <summary>The forwardings that led to this ringing, the first first (the phone is told, RFC 5806); empty when none.</summary>
    public System.Collections.Immutable.ImmutableArray<ForwardHop> Diversions { get; init; } = [];

    public bool IsRinging => State == RingGroupState.Ringing;

    /// <summary>Every phone of the group has given its final answer.</summary>
    public bool AllDone => _branches.Count > 0 && _branches.All(b => b.IsDone);

    public void Add(Branch branch) => _branches.Add(branch);

    /// <summary>Starts the ring limit; <paramref name="expired"/> runs (on the scheduler) when it passes while the group still rings.</summary>
    public void ArmLimit(SipScheduler scheduler, TimeSpan limit, Action<RingGroup> expired)
    {
        _limit?.Cancel();
        _limit = scheduler.Schedule(limit, _ => expired(this));
    }

    /// <summary>
    /// What the phones said together, once all are done: busy when any was busy (486/600), else
    /// the lowest refusal; 480 when none refused (all answered unusably).
    /// </summary>
    public (RingOutcome Outcome, int Status) Refusal()
    {
        var refusals = _branches.Select(b => b.FinalResponse).OfType<SipResponse>().Where(r => r.StatusCode >= 300).ToList();
        var status = refusals.Count == 0
            ? SipStatus.TemporarilyUnavailable
            : MapFailure(refusals.OrderBy(r => r.StatusCode is SipStatus.BusyHere or 600 ? 0 : 1).ThenBy(r => r.StatusCode).First().StatusCode);
        return (status == SipStatus.BusyHere ? RingOutcome.Busy : RingOutcome.Refused, status);
    }

    /// <summary><see cref="RingGroupState.Ringing"/> to <see cref="RingGroupState.Answered"/>: the other phones are cancelled.</summary>
    public void Answered(Branch winner)
    {
        To(RingGroupState.Answered);
        CancelOthers(winner);
    }

    /// <summary><see cref="RingGroupState.Ringing"/> to <see cref="RingGroupState.Failed"/>: nobody took it.</summary>
    public void Failed() => To(RingGroupState.Failed);

    /// <summary>Gives up a ringing group (its phones are cancelled); a group that is over already stays as it is.</summary>
    public void Abandon()
    {
        if (State == RingGroupState.Ringing)
        {
            To(RingGroupState.Abandoned);
            CancelOthers(null);
        }
    }

    /// <summary>
    /// The operator hung up while their consultation still rang: the same INVITEs go on ringing,
    /// now for the caller (a blind transfer).
    /// </summary>
    public void BecomeTransfer()
    {
        if (Purpose != RingPurpose.Consultation || State != RingGroupState.Ringing)
        {
            throw new InvalidOperationException($"A {State} {Purpose} ringing cannot become a transfer.");
        }

        Purpose = RingPurpose.Transfer;
    }

    /// <summary>
    /// The group of a leg answered in another call and taken over by this one (an attended transfer
    /// from a phone): answered already, nothing of it rings.
    /// </summary>
    public static RingGroup TakenOver(string party) => new(RingPurpose.Transfer, [party]) { State = RingGroupState.Answered };

    /// <summary>The group's limit stops; for a group that ended without the call's help (an answer, a failure).</summary>
    public void StopLimit() => _limit?.Cancel();

    /// <summary>Statuses that describe our own leg to the phone, not the call, become 480 for the caller.</summary>
    private static int MapFailure(int status) => status switch
    {
        600 => SipStatus.BusyHere,
        401 or 407 or 481 or 482 or 483 or 487 or 491 or 408 or 488 => SipStatus.TemporarilyUnavailable,
        _ => status,
    };

    private void CancelOthers(Branch? except)
    {
        _limit?.Cancel();
        foreach (var b in _branches)
        {
            if (!ReferenceEquals(b, except) && !b.IsDone)
            {
                b.Transaction?.Cancel();
            }
        }
    }

    private void To(RingGroupState next)
    {
        if (State != RingGroupState.Ringing)
        {
            throw new InvalidOperationException($"A ringing that is {State} cannot become {next}.");
        }

        State = next;
    }
}
