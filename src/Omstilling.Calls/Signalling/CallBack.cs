using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Players;
using Omstilling.Media.Prompts;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// "Ring op" for an operator: the platform rings the operator's phone, and when the operator
/// answers, rings the citizen (an extension's phones, or the trunk for an external number) while
/// the operator hears the ringing tone, then bridges the two. No INVITE comes in: both legs are
/// ours (RFC 3261 §13.2 as a UAC on each side, RFC 7092's B2BUA with anchored media). Its events
/// are a call's: <see cref="CallEventKind.Started"/> (the operator as the caller, the citizen as the
/// number dialled, not from outside), <see cref="CallEventKind.Ringing"/> and
/// <see cref="CallEventKind.RingEnded"/> per phone, <see cref="CallEventKind.Answered"/> by the
/// operator and then by the citizen, <see cref="CallEventKind.Ended"/>. Its rings are
/// <see cref="RingPurpose.Call"/> groups of its own two <see cref="Ringer"/>s. Everything happens
/// under its lock; events go out through the <see cref="CallManager"/>.
/// </summary>
internal sealed class CallBack : IDialogOwner, IClientTransactionOwner, IRingHost, IDisposable
{
    private readonly Lock _sync = new();
    private readonly CallManager _manager;
    private readonly Ringer _operatorRinger;
    private readonly Ringer _citizenRinger;
    private readonly IReadOnlyList<Binding> _citizenPhones;
    private readonly bool _citizenViaTrunk;
    private RingGroup? _operatorRing;
    private RingGroup? _citizenRing;
    private Branch? _operatorLeg;
    private Branch? _citizenLeg;
    private PromptPlayer? _tone;
    private Bridge? _bridge;

    /// <param name="citizenPhones">The citizen's registered phones, or the trunk's binding for an external number.</param>
    /// <param name="citizenSees">Who the citizen's phone shows as calling: the main number through the trunk, the operator's extension inside.</param>
    public CallBack(CallManager manager, string op, string citizen, IReadOnlyList<Binding> citizenPhones, bool citizenViaTrunk, string citizenSees)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
        Operator = op;
        Citizen = citizen;
        _citizenPhones = citizenPhones;
        _citizenViaTrunk = citizenViaTrunk;

        // The operator's phone shows the number it is about to call, as "Ring op".
        _operatorRinger = new Ringer(this, new BranchDialer(manager.Stack, manager, manager.TrunkCredentials, this, this, citizen, "Ring op", null), manager.Stack.Scheduler);
        _citizenRinger = new Ringer(this, new BranchDialer(manager.Stack, manager, manager.TrunkCredentials, this, this, citizenSees, null, null), manager.Stack.Scheduler);
    }

    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>The operator's extension: the call-back's caller.</summary>
    public string Caller => Operator;

    public string Operator { get; }

    /// <summary>The number called back (an extension or a national number): the call-back's number dialled.</summary>
    public string Citizen { get; }

    public CallBackState State { get; private set; }

    public bool HasEnded => State == CallBackState.Ended;

    public DateTimeOffset Now => _manager.Stack.Scheduler.Time.GetUtcNow();

    public CallEvent Event(CallEventKind kind) => new(Id, kind, Now, Caller, Citizen);

    public void Emit(CallEvent e) => _manager.Publish(e);

    /// <summary>Rings the operator's <paramref name="operatorPhones"/> for their ring limit.</summary>
    public void Start(IReadOnlyList<Binding> operatorPhones)
    {
        lock (_sync)
        {
            Emit(Event(CallEventKind.Started) with { External = false });
            _operatorRing = new RingGroup(RingPurpose.Call, [Operator]);
            if (!_operatorRinger.Start(_operatorRing, operatorPhones, _manager.Options.RingLimit, CreateMedia))
            {
                End(CallEndReason.Failed);
            }
        }
    }

    /// <summary>Ends the call-back if it still runs (every leg is hung up).</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            End(CallEndReason.Completed);
        }
    }

    public void Locked(Action step, string what)
    {
        lock (_sync)
        {
            if (!HasEnded)
            {
                Guarded(step, what);
            }
        }
    }

    // IRingHost: what the two ringings say.

    /// <summary>Nothing to relay: no caller waits on an INVITE of theirs.</summary>
    public void OnRinging(SipResponse response)
    {
    }

    public bool Takes(RingGroup group) => State switch
    {
        CallBackState.CallingOperator => ReferenceEquals(group, _operatorRing),
        CallBackState.CallingCitizen => ReferenceEquals(group, _citizenRing),
        CallBackState.Talking or CallBackState.Ended => false,
        _ => throw new System.Diagnostics.UnreachableException($"CallBackState {State}"),
    };

    public void OnAnswered(RingGroup group, Branch branch)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(branch);
        group.Answered(branch);
        if (ReferenceEquals(group, _operatorRing))
        {
            _operatorRinger.AnsweredBy(branch);
            OperatorAnswered(branch);
        }
        else
        {
            _citizenRinger.AnsweredBy(branch);
            CitizenAnswered(branch);
        }
    }

    /// <summary>Every phone refused: the operator's (busy, declined) or the citizen's (busy, unavailable).</summary>
    public void OnRingFailed(RingGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var (outcome, _) = group.Refusal();
        End(outcome == Control.RingOutcome.Busy ? CallEndReason.Busy : CallEndReason.Rejected);
    }

    public void OnRingLimit(RingGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!Takes(group))
        {
            return;
        }

        var ringer = ReferenceEquals(group, _operatorRing) ? _operatorRinger : _citizenRinger;
        group.Abandon();
        foreach (var branch in group.Branches)
        {
            ringer.StopAlerting(branch, RingEndReason.NoAnswer);
        }

        End(CallEndReason.NoAnswer);
    }

    // IDialogOwner and IClientTransactionOwner: what comes in on the legs.

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Tag is not Branch branch)
        {
            return; // a BYE's answer
        }

        lock (_sync)
        {
            var ringer = ReferenceEquals(branch.Group, _operatorRing) ? _operatorRinger : _citizenRinger;
            Guarded(() => ringer.OnResponse(branch, response), "a phone's answer to a call-back");
        }
    }

    /// <summary>A BYE, re-INVITE, INFO or OPTIONS in one of the two dialogs.</summary>
    public void OnInDialogRequest(ServerTransaction transaction, CallSide from)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        lock (_sync)
        {
            var id = DialogId.ForIncoming(transaction.Request);
            var branch = _operatorRinger.BranchOf(id) ?? _citizenRinger.BranchOf(id);
            var over = HasEnded || branch is null || branch.State == BranchState.Released;
            var result = InDialogRequests.Answer(transaction, branch?.Dialog, over, branch?.Media, leg: null);
            switch (result.Outcome)
            {
                case InDialogOutcome.Nothing or InDialogOutcome.Key:
                    break;
                case InDialogOutcome.Bye:
                    branch!.Released();
                    branch.Media.Close();
                    End(ReferenceEquals(branch, _operatorLeg) ? CallEndReason.CallerHungUp : CallEndReason.CalleeHungUp);
                    break;
                case InDialogOutcome.Hold:
                    HoldFrom(branch!, result.Held);
                    break;
                case InDialogOutcome.Refer:
                    transaction.Respond(SipStatus.Forbidden, "A call-back is not transferred from a phone");
                    break;
                default:
                    throw new System.Diagnostics.UnreachableException($"InDialogOutcome {result.Outcome}");
            }
        }
    }

    /// <summary>ACKs only come for our 2xx to a re-INVITE, which is sent once (no caller leg waits for them).</summary>
    public void OnAck(SipRequest ack)
    {
    }

    public void OnStray2xx(DialogId dialogId)
    {
        lock (_sync)
        {
            _operatorRinger.OnStray2xx(dialogId);
            _citizenRinger.OnStray2xx(dialogId);
        }
    }

    /// <summary>No INVITE came in, so there is nothing to cancel.</summary>
    public void OnCallerCancel()
    {
    }

    public void EndForShutdown() => Locked(() => End(CallEndReason.Shutdown), "the server's stop");

    /// <summary>The operator took the call-back: the citizen is rung; the operator hears the ringing tone meanwhile.</summary>
    private void OperatorAnswered(Branch operatorLeg)
    {
        Expect(CallBackState.CallingOperator);
        _operatorLeg = operatorLeg;
        State = CallBackState.CallingCitizen;
        Emit(Event(CallEventKind.Answered) with { AnsweredBy = Operator, Operator = Operator });
        _tone = PromptPlayer.Start(operatorLeg.Media.Stream, _manager.Media.Clock, [_manager.Prompts.Get(StandardPrompts.Ringback)], loop: true);
        _citizenRing = new RingGroup(RingPurpose.Call, [Citizen]);
        var limit = _citizenViaTrunk ? _manager.Options.ExternalRingLimit : _manager.Options.RingLimit;
        if (!_citizenRinger.Start(_citizenRing, _citizenPhones, limit, CreateMedia, _citizenViaTrunk))
        {
            End(CallEndReason.Failed);
        }
    }

    /// <summary>The citizen answered: the two talk.</summary>
    private void CitizenAnswered(Branch citizenLeg)
    {
        Expect(CallBackState.CallingCitizen);
        _citizenLeg = citizenLeg;
        StopTone();
        _bridge = new Bridge(_operatorLeg!.Media.Stream, citizenLeg.Media.Stream, _manager.Media.Clock, _manager.MusicOnHold);
        State = CallBackState.Talking;
        Emit(Event(CallEventKind.Answered) with { AnsweredBy = Citizen, Operator = Operator });
    }

    /// <summary>A phone held the other side (re-INVITE sendonly/inactive) or took it back.</summary>
    private void HoldFrom(Branch phone, bool held)
    {
        if (_bridge is not null)
        {
            if (held)
            {
                _bridge.Hold(phone.Media.Stream);
            }
            else
            {
                _bridge.Resume(phone.Media.Stream);
            }
        }

        Emit(Event(held ? CallEventKind.Held : CallEventKind.Resumed) with { Party = phone.Party });
    }

    /// <summary>The one way out: the bridge and the tone stop, every leg still up is hung up or cancelled, and the manager forgets the call-back.</summary>
    private void End(CallEndReason reason)
    {
        if (HasEnded)
        {
            return;
        }

        State = CallBackState.Ended;
        StopTone();
        _bridge?.Dispose();
        _bridge = null;
        _operatorRing?.Abandon();
        _citizenRing?.Abandon();
        _operatorRinger.ReleaseAll();
        _citizenRinger.ReleaseAll();
        _manager.Remove(Id, null, _operatorRinger.Branches.Concat(_citizenRinger.Branches).Select(b => b.Dialog?.Id).OfType<DialogId>());
        Emit(Event(CallEventKind.Ended) with { EndReason = reason });
    }

    private void StopTone()
    {
        _tone?.Stop();
        _tone = null;
    }

    /// <summary>A stream for a leg, or null when the RTP port range is used up.</summary>
    private LegMedia? CreateMedia()
    {
        try
        {
            return LegMedia.Create(_manager.Media);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void Expect(CallBackState state)
    {
        if (State != state)
        {
            throw new InvalidOperationException($"A call-back that is {State} cannot do this; it must be {state}.");
        }
    }

    /// <summary>A step that throws ends the call-back in a defined state; the failure is contained at <c>calls.call</c>.</summary>
    private void Guarded(Action step, string what)
    {
        try
        {
            step();
        }
#pragma warning disable CA1031 // Any failure must end the call-back in a defined state; it is contained at calls.call.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _manager.CallFaults.Contain(e, Id, $"the call-back (ended) at {what}");
            End(CallEndReason.Failed);
        }
    }
}
