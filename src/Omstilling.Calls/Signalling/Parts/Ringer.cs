using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Sdp;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The ringing of a call's phones: each <see cref="RingGroup"/> it starts, the branches' responses
/// sorted out (a late answer hung up, a late refusal ignored, the trunk's challenge answered), and
/// whether a person's phones ring: <see cref="CallEventKind.Ringing"/> when the first of their
/// phones rings, <see cref="CallEventKind.RingEnded"/> when the last stops without taking the call.
/// What an answer or a failure means is the call's (<see cref="IRingHost"/>). Owned by its call
/// and used under the call's lock.
/// </summary>
internal sealed class Ringer(IRingHost call, BranchDialer dialer, SipScheduler scheduler)
{
    private readonly List<RingGroup> _groups = [];

    /// <summary>The caller's ringing now (a consultation rings for the operator and is not it), or null.</summary>
    public RingGroup? Current { get; private set; }

    /// <summary>Every branch the call has rung, for finding a dialog's and hanging up at the end.</summary>
    public IEnumerable<Branch> Branches => _groups.SelectMany(g => g.Branches);

    /// <summary>
    /// Rings <paramref name="bindings"/> as <paramref name="group"/> for <paramref name="limit"/>; each
    /// branch gets a stream from <paramref name="media"/>. False when the streams ran out (the call
    /// has ended then: <paramref name="media"/> ends it).
    /// </summary>
    public bool Start(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, Func<LegMedia?> media, bool toTrunk = false)
    {
        _groups.Add(group);
        foreach (var binding in bindings)
        {
            if (media() is not { } stream)
            {
                group.Abandon();
                return false;
            }

            dialer.Dial(group, binding, stream, toTrunk);
        }

        group.ArmLimit(scheduler, limit, g => call.Locked(() => Expired(g), "a ring limit"));
        return true;
    }

    /// <summary>Rings for the caller as <see cref="Start"/> does; a ringing for the caller before it is given up.</summary>
    public bool StartForCaller(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, Func<LegMedia?> media, bool toTrunk)
    {
        AbandonCurrent();
        Current = group;
        return Start(group, bindings, limit, media, toTrunk);
    }

    /// <summary>A ringing started for the operator goes on for the caller (an operator hung up during a consultation).</summary>
    public void Adopt(RingGroup group) => Current = group;

    /// <summary>Gives up the caller's ringing now, if any.</summary>
    public void AbandonCurrent() => Current?.Abandon();

    /// <summary>A response to one of the branches.</summary>
    public void OnResponse(Branch branch, SipResponse response)
    {
        if (response.IsProvisional)
        {
            OnProvisional(branch, response);
        }
        else if (response.IsSuccess)
        {
            OnSuccess(branch, response);
        }
        else if (!(branch.Group.IsRinging && !call.HasEnded && dialer.TryAnswerChallenge(branch, response)))
        {
            OnRefused(branch, response);
        }
    }

    /// <summary>Hangs up an answered leg or cancels a ringing one.</summary>
    public void Release(Branch branch) => dialer.Release(branch);

    /// <summary>Whether one of <paramref name="party"/>'s phones is being rung by this call now.</summary>
    public bool Rings(string party) => Branches.Any(b => b.Party == party && b.State == BranchState.Calling);

    /// <summary>The branch whose dialog this is, if any.</summary>
    public Branch? BranchOf(DialogId id) => Branches.FirstOrDefault(b => b.State != BranchState.HandedOver && b.Dialog is { } d && d.Id == id);

    /// <summary>
    /// A leg answered in another call becomes this call's (<see cref="Branch.HandOver"/> made it in
    /// <see cref="RingGroup.TakenOver"/>): findable by its dialog, hung up with the call.
    /// </summary>
    public void TakeOver(Branch adopted) => _groups.Add(adopted.Group);

    /// <summary>The person took the call on this phone: none of their phones owes a RingEnded any more (the others are cancelled).</summary>
    public void AnsweredBy(Branch branch)
    {
        foreach (var b in Branches.Where(b => b.Party == branch.Party))
        {
            b.Alerting = false;
        }
    }

    /// <summary>A phone stops ringing without taking the call; the last of the person's phones to stop ends their ringing.</summary>
    public void StopAlerting(Branch branch, RingEndReason why, int? status = null)
    {
        if (!branch.Alerting)
        {
            return;
        }

        branch.Alerting = false;
        if (!IsAlerting(branch.Party) && !call.HasEnded)
        {
            call.Emit(call.Event(CallEventKind.RingEnded) with { Party = branch.Party, Status = status, RingEnd = why });
        }
    }

    /// <summary>At the end of the call: every leg still up is hung up or cancelled, and its dialog is over.</summary>
    public void ReleaseAll()
    {
        foreach (var group in _groups)
        {
            group.StopLimit();
            foreach (var branch in group.Branches.Where(b => b.State != BranchState.HandedOver))
            {
                dialer.Release(branch);
                branch.Dialog?.Terminate();
            }
        }
    }

    /// <summary>A 2xx retransmitted after its transaction ended: our ACK was lost.</summary>
    public void OnStray2xx(DialogId id)
    {
        if (BranchOf(id) is { } branch)
        {
            dialer.AcknowledgeAgain(branch);
        }
    }

    private void OnProvisional(Branch branch, SipResponse response)
    {
        if (response.StatusCode == SipStatus.Trying || call.HasEnded || branch.IsDone)
        {
            return;
        }

        if (!branch.Alerting)
        {
            var first = !IsAlerting(branch.Party);
            branch.Alerting = true;
            if (first)
            {
                call.Emit(call.Event(CallEventKind.Ringing) with { Party = branch.Party });
            }
        }

        if (branch.Group.IsRinging && branch.Group.Purpose != RingPurpose.Consultation)
        {
            call.OnRinging(response);
        }
    }

    private void OnSuccess(Branch branch, SipResponse response)
    {
        if (!dialer.Acknowledge(branch, response, index: !call.HasEnded))
        {
            return; // A retransmitted 2xx within the transaction (ACKed again), or another fork's (hung up).
        }

        if (call.HasEnded || !branch.Group.IsRinging || !call.Takes(branch.Group))
        {
            // A second phone answered, or a phone of a ringing that is over: it gets a BYE at once.
            StopAlerting(branch, RingEndReason.AnsweredElsewhere);
            dialer.Release(branch);
            return;
        }

        if (!UsableAnswer(branch, response))
        {
            // The phone's SDP is unusable: it is hung up and counts as having refused.
            StopAlerting(branch, RingEndReason.NoUsableMedia);
            dialer.Release(branch);
            CheckFailed(branch.Group);
            return;
        }

        call.OnAnswered(branch.Group, branch);
    }

    private void OnRefused(Branch branch, SipResponse response)
    {
        branch.Refused(response);
        branch.Media.Close();
        StopAlerting(branch, RingEndOf(response.StatusCode), response.StatusCode);
        CheckFailed(branch.Group);
    }

    /// <summary>When every phone of a ringing group has refused (or answered unusably), nobody took it.</summary>
    private void CheckFailed(RingGroup group)
    {
        if (group.IsRinging && !call.HasEnded && group.AllDone)
        {
            group.Failed();
            call.OnRingFailed(group);
        }
    }

    private void Expired(RingGroup group)
    {
        if (group.IsRinging)
        {
            call.OnRingLimit(group);
        }
    }

    /// <summary>Whether any phone of the person still rings for this call.</summary>
    private bool IsAlerting(string party) => Branches.Any(b => b.Alerting && b.Party == party);

    /// <summary>The callee's SDP answer to our offer; false when it accepted none of our audio.</summary>
    private static bool UsableAnswer(Branch branch, SipResponse response)
    {
        try
        {
            return !response.Body.IsEmpty && branch.Media.ApplyAnswer(response);
        }
        catch (SdpParseException)
        {
            return false;
        }
    }

    /// <summary>A phone's final refusal as the reason its ringing ended (any refusal not named here is <see cref="RingEndReason.Refused"/>).</summary>
    private static RingEndReason RingEndOf(int status) => status switch
    {
        SipStatus.RequestTerminated => RingEndReason.Cancelled,
        SipStatus.BusyHere or 600 => RingEndReason.Busy,
        SipStatus.TemporarilyUnavailable or SipStatus.RequestTimeout => RingEndReason.NoAnswer,
        >= 300 => RingEndReason.Refused,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a final refusal"),
    };
}
