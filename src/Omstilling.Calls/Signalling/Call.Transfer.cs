using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Media.Prompts;
using Omstilling.Media.Players;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The operator puts the caller through. Blind: the operator is released at once, the caller
/// hears the ringing tone and the target rings for the ring limit. Announced: the caller hears
/// music while the operator calls the target on a leg of its own, then the operator completes
/// (the caller is bridged to the target) or returns. Camp-on: the caller waits for a busy person
/// who is rung as soon as their call ends. Whatever the target does not take comes back to the
/// switchboard (a recall): to the same operator when they are free, else to the head of the queue.
/// </summary>
internal sealed partial class Call
{
    private Transfer? _transfer;
    private Recall? _recall;
    private Diversion? _diversion;
    private string? _handledBy;
    private Bridge? _consultBridge;
    private PromptPlayer? _operatorPlayer;
    private ScheduledTimer? _consultLimit;
    private ScheduledTimer? _campOnLimit;

    /// <summary>The consultation leg of an announced transfer, once the target answered.</summary>
    private Branch? Consulting => _transfer?.Consult;

    /// <summary>Blind transfer: rings the target for the caller (after the name, when given) and frees the operator.</summary>
    public CallControlResult BlindTransfer(string op, string target, string? targetName, IReadOnlyList<string>? announcement)
    {
        lock (_sync)
        {
            if (Check(op, allowFailedConsult: true) is { } refused)
            {
                return refused;
            }

            if (_manager.Bindings.Lookup(target).Count == 0)
            {
                return CallControlResult.TargetUnavailable;
            }

            // The name is made sure of before anything changes: a prompt that cannot be read is
            // left out rather than leaving the caller in silence after the operator is gone.
            if (announcement is { Count: > 0 } && !_manager.Prompts.TryGet(announcement))
            {
                announcement = null;
            }

            ClearConsultation();
            _recall = null;
            Emit(Event(CallEventKind.TransferStarted) with { Party = target, Operator = op, Transfer = TransferKind.Blind });
            ReleaseOperator();
            _transfer = new Transfer(TransferKind.Blind, target, targetName, op, Now);
            if (announcement is { Count: > 0 })
            {
                PlayThen(announcement, RingTransferTarget);
            }
            else
            {
                RingTransferTarget();
            }

            return CallControlResult.Done;
        }
    }

    /// <summary>Announced transfer: the caller hears music; the operator's phone rings the target's.</summary>
    public CallControlResult StartConsultation(string op, string target, string? targetName)
    {
        lock (_sync)
        {
            if (Check(op, allowFailedConsult: true) is { } refused)
            {
                return refused;
            }

            var bindings = _manager.Bindings.Lookup(target);
            if (bindings.Count == 0)
            {
                return CallControlResult.TargetUnavailable;
            }

            ClearConsultation();
            _recall = null;
            Emit(Event(CallEventKind.TransferStarted) with { Party = target, Operator = op, Transfer = TransferKind.Announced });
            if (!_held)
            {
                // The caller hears music while the operator consults: held, until the operator is back (Resumed) or the transfer completes.
                Emit(Event(CallEventKind.Held) with { Party = op, Operator = op });
            }

            _bridge?.Dispose();
            _bridge = null;
            _held = false;
            PlayToCaller(_manager.MusicOnHold);
            var transfer = new Transfer(TransferKind.Announced, target, targetName, op, Now);
            _transfer = transfer;
            _manager.Queues.Reserve(this, [target]);
            foreach (var binding in bindings)
            {
                if (CreateBranch(binding, BranchPurpose.Consult, toTrunk: false) is not { } branch)
                {
                    return CallControlResult.NotNow; // Out of media ports: the call has ended.
                }

                transfer.Ringing.Add(branch);
            }

            PlayToOperator(_manager.Prompts.Get(StandardPrompts.Ringback), loop: true);
            _consultLimit = Stack.Scheduler.Schedule(RingLimitFor(target), _ => OnConsultRingLimit(transfer));
            return CallControlResult.Done;
        }
    }

    /// <summary>Completes an announced transfer: the caller talks to the target; the operator is free.</summary>
    public CallControlResult CompleteTransfer(string op)
    {
        lock (_sync)
        {
            if (Check(op, allowFailedConsult: false, consulting: true) is { } refused)
            {
                return refused;
            }

            if (_transfer is not { Consult: { } target } transfer)
            {
                return CallControlResult.NotNow;
            }

            ReleaseOperator();
            Complete(transfer, target);
            return CallControlResult.Done;
        }
    }

    /// <summary>Back to the caller: a consultation is ended (or its failure acknowledged); the operator talks to the caller again.</summary>
    public CallControlResult ReturnToCaller(string op)
    {
        lock (_sync)
        {
            if (Check(op, allowFailedConsult: true, consulting: true) is { } refused)
            {
                return refused;
            }

            if (_transfer is not { Kind: TransferKind.Announced } transfer)
            {
                return CallControlResult.NotNow;
            }

            if (transfer.Failed is null)
            {
                Emit(Event(CallEventKind.TransferFailed) with { Party = transfer.Target, Operator = op, Outcome = RingOutcome.Returned });
            }

            ClearConsultation();
            ReconnectOperator();
            return CallControlResult.Done;
        }
    }

    /// <summary>The caller waits for the busy target, who is rung as soon as they are free (or after the camp-on limit, recalled).</summary>
    public CallControlResult CampOn(string op, string target, string? targetName)
    {
        lock (_sync)
        {
            if (Check(op, allowFailedConsult: true) is { } refused)
            {
                return refused;
            }

            if (_manager.Bindings.Lookup(target).Count == 0)
            {
                return CallControlResult.TargetUnavailable;
            }

            ClearConsultation();
            _recall = null;
            Emit(Event(CallEventKind.CampOn) with { Party = target, Operator = op });
            ReleaseOperator();
            var campOn = new Transfer(TransferKind.CampOn, target, targetName, op, Now);
            _transfer = campOn;
            _campOnLimit = Stack.Scheduler.Schedule(_manager.Options.CampOnLimit, _ => OnCampOnLimit(campOn));
            _manager.WaitForFree(target, this);
            PlayThen(["vent-venligst"], () =>
            {
                // Music while the person is still busy; once they are rung, the ringing tone plays instead.
                if (ReferenceEquals(_transfer, campOn) && !campOn.Rung && State != CallState.Ended && _answered is null)
                {
                    PlayToCaller(_manager.MusicOnHold);
                }
            });
            if (!_manager.Activity.IsBusy(target))
            {
                RingTransferTarget();
            }

            return CallControlResult.Done;
        }
    }

    /// <summary>A camped-on target's call ended (called without any lock held).</summary>
    internal void OnPartyFree(string extension)
    {
        lock (_sync)
        {
            if (_transfer is { Kind: TransferKind.CampOn } transfer && transfer.Target == extension && State != CallState.Ended && _answered is null && !transfer.Rung)
            {
                Guarded(RingTransferTarget);
            }
        }
    }

    private void OnCampOnLimit(Transfer campOn)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_transfer, campOn) && State != CallState.Ended && _answered is null)
            {
                AbandonAttempt();
                TransferFailed(campOn, RingOutcome.Busy);
            }
        }
    }

    /// <summary>Rings the transfer's target for the caller, who hears the ringing tone.</summary>
    private void RingTransferTarget()
    {
        if (_transfer is not { } transfer || State == CallState.Ended)
        {
            return;
        }

        transfer.Rung = true;
        _ringTargets = [transfer.Target];
        var bindings = _manager.Bindings.Lookup(transfer.Target);
        if (bindings.Count == 0)
        {
            TransferFailed(transfer, RingOutcome.Unavailable);
            return;
        }

        if (transfer.Kind == TransferKind.Blind && _manager.Activity.IsBusy(transfer.Target))
        {
            TransferFailed(transfer, RingOutcome.Busy);
            return;
        }

        StartBranches([.. bindings], RingLimitFor(transfer.Target), ringback: true);
    }

    /// <summary>The target of a blind transfer or camp-on did not answer: the call comes back to the switchboard.</summary>
    private void TransferFailed(Transfer transfer, RingOutcome outcome)
    {
        _transfer = null;
        _campOnLimit?.Cancel();
        _manager.StopWaitingForFree(transfer.Target, this);
        Emit(Event(CallEventKind.TransferFailed) with { Party = transfer.Target, Operator = transfer.Operator, Outcome = outcome });
        RecallToSwitchboard(new Recall(transfer.Target, transfer.TargetName, outcome, transfer.Operator, Now));
    }

    /// <summary>
    /// Rings the operator who made the transfer when they are free; otherwise (or when that rings
    /// out) the caller waits at the head of the switchboard's queue. The caller hears music.
    /// </summary>
    private void RecallToSwitchboard(Recall recall)
    {
        _recall = recall;
        PlayToCaller(_manager.MusicOnHold);

        // Free and reserved in one step, so the queue cannot offer them another caller at the same moment.
        if (recall.Operator is { } op && _manager.Queues.TryReserve(this, op))
        {
            recall.Ringing = true;
            Emit(Event(CallEventKind.Recalled) with { Party = recall.Target, Operator = op, Outcome = recall.Outcome });
            _ringTargets = [op];
            StartBranches([.. _manager.Bindings.Lookup(op)], _manager.Options.RingLimit, ringback: false);
            return;
        }

        Emit(Event(CallEventKind.Recalled) with { Party = recall.Target, Outcome = recall.Outcome });
        RequeueAtHead();
    }

    private void RecallUnanswered(Recall recall)
    {
        recall.Ringing = false;
        if (recall.Operator is { } op)
        {
            // They did not take it: the head of the queue goes to someone else first.
            _manager.Queues.Rest(op);
        }

        RequeueAtHead();
    }

    private void RequeueAtHead()
    {
        if (_manager.Policy is { Switchboard.QueueId: { } queueId } policy && policy.Queues.TryGetValue(queueId, out var queue))
        {
            EnterQueue(queue, onBusy: null, recalled: true);
            return;
        }

        Finish(SipStatus.TemporarilyUnavailable, CallEndReason.NoAnswer, null);
    }

    private void OnConsultAnswered(Branch branch, Sip.Messages.SipResponse response)
    {
        if (!AcknowledgeAnswer(branch, response))
        {
            return;
        }

        if (State == CallState.Ended || _transfer is not { Kind: TransferKind.Announced, Consult: null } transfer
            || !transfer.Ringing.Contains(branch) || !ApplyAnswer(branch, response) || _answered is null)
        {
            StopAlerting(branch, RingEndReason.AnsweredElsewhere);
            ReleaseBranch(branch);
            return;
        }

        AnsweredBy(branch);
        _consultLimit?.Cancel();
        transfer.Consult = branch;
        foreach (var other in transfer.Ringing.Where(b => !ReferenceEquals(b, branch)))
        {
            ReleaseBranch(other);
        }

        _operatorPlayer?.Stop();
        _operatorPlayer = null;
        _consultBridge = new Bridge(_answered.Media.Stream, branch.Media.Stream, _manager.Media.Clock, _manager.MusicOnHold);
        Emit(Event(CallEventKind.ConsultAnswered) with { Party = transfer.Target, Operator = transfer.Operator });
        _manager.Queues.Unreserve(this);
    }

    private void OnConsultFailed(Branch branch)
    {
        if (_transfer is not { Kind: TransferKind.Announced, Consult: null, Failed: null } transfer || !transfer.Ringing.Contains(branch)
            || !transfer.Ringing.All(b => b.IsDone))
        {
            return;
        }

        ConsultFailed(transfer, RefusalOf(transfer.Ringing).Outcome); // busy if any of the target's phones was
    }

    private void OnConsultRingLimit(Transfer transfer)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_transfer, transfer) && transfer is { Consult: null, Failed: null } && State != CallState.Ended)
            {
                foreach (var branch in transfer.Ringing)
                {
                    ReleaseBranch(branch);
                }

                ConsultFailed(transfer, RingOutcome.NoAnswer);
            }
        }
    }

    /// <summary>
    /// The target did not take the consultation: the operator hears why, the caller keeps its music,
    /// and the console offers the choices (back to the caller, a message, a colleague, voicemail, camp-on).
    /// </summary>
    private void ConsultFailed(Transfer transfer, RingOutcome outcome)
    {
        transfer.Failed = outcome;
        _manager.Queues.Unreserve(this);
        _consultLimit?.Cancel();
        Emit(Event(CallEventKind.TransferFailed) with { Party = transfer.Target, Operator = transfer.Operator, Outcome = outcome });
        PlayToOperator(_manager.Prompts.Get(outcome == RingOutcome.Busy ? "optaget" : "intet-svar"), loop: false);
    }

    /// <summary>A leg other than the caller's hung up.</summary>
    private void OnPartyHungUp(Branch branch)
    {
        if (_transfer is { Kind: TransferKind.Announced } transfer && ReferenceEquals(branch, _answered))
        {
            OperatorLeftConsultation(transfer);
            return;
        }

        if (_transfer is { Kind: TransferKind.Announced } consulting && ReferenceEquals(branch, consulting.Consult))
        {
            // The target hung up on the operator: the operator is back with the caller.
            Emit(Event(CallEventKind.TransferFailed) with { Party = consulting.Target, Operator = consulting.Operator, Outcome = RingOutcome.HungUp });
            ClearConsultation();
            ReconnectOperator();
            return;
        }

        if (ReferenceEquals(branch, _answered))
        {
            End(CallEndReason.CalleeHungUp, null);
        }
    }

    /// <summary>
    /// The operator hung up during an announced transfer, as people do on desk phones: with the
    /// target on the line that completes it; while it still rings it goes on as a blind transfer;
    /// after it failed the caller waits at the head of the queue.
    /// </summary>
    private void OperatorLeftConsultation(Transfer transfer)
    {
        var op = _answered!.Party;
        _operatorPlayer?.Stop();
        _operatorPlayer = null;
        _consultBridge?.Dispose();
        _consultBridge = null;
        _answered = null;
        Emit(Event(CallEventKind.PartyLeft) with { Party = op });
        if (transfer.Consult is { } target)
        {
            Complete(transfer, target);
            return;
        }

        _consultLimit?.Cancel();
        if (transfer.Failed is { } outcome)
        {
            _transfer = null;
            State = CallState.Ringing;
            _recall = new Recall(transfer.Target, transfer.TargetName, outcome, null, Now);
            Emit(Event(CallEventKind.Recalled) with { Party = transfer.Target, Outcome = outcome });
            RequeueAtHead();
            return;
        }

        // Still ringing: the same INVITE goes on ringing for the caller, now as a blind transfer.
        _attempt++;
        foreach (var branch in transfer.Ringing.Where(b => !b.IsDone))
        {
            branch.Purpose = BranchPurpose.Ring;
            branch.Attempt = _attempt;
        }

        _transfer = new Transfer(TransferKind.Blind, transfer.Target, transfer.TargetName, transfer.Operator, transfer.StartedAt) { Rung = true };
        State = CallState.Ringing;
        PlayToCaller(_manager.Prompts.Get(StandardPrompts.Ringback));
        var left = RingLimitFor(transfer.Target) - (Now - transfer.StartedAt);
        ArmRingLimit(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(10));
    }

    /// <summary>The caller and the transfer's target are connected; the operator has already left.</summary>
    private void Complete(Transfer transfer, Branch target)
    {
        _consultBridge?.Dispose();
        _consultBridge = null;
        StopCallerPlayer();
        _operatorPlayer?.Stop();
        _operatorPlayer = null;
        _answered = target;
        _transfer = null;
        _recall = null;
        State = CallState.Answered;
        ConnectCaller(target);
        Emit(Event(CallEventKind.TransferCompleted) with { Party = transfer.Target, Operator = transfer.Operator });
    }

    /// <summary>After a phone answered for the caller: a blind transfer, camp-on or recall is done with.</summary>
    private void OnConnected(Branch branch)
    {
        if (_transfer is { } transfer && transfer.Kind != TransferKind.Announced)
        {
            _campOnLimit?.Cancel();
            _manager.StopWaitingForFree(transfer.Target, this);
            _transfer = null;
            _recall = null;
            Emit(Event(CallEventKind.TransferCompleted) with { Party = transfer.Target, Operator = transfer.Operator });
        }

        if (_recall is { } recall)
        {
            recall.Ringing = false;
        }

        if (_manager.IsOperator(branch.Party))
        {
            _handledBy = branch.Party;
            _onBoard = true;
        }
    }

    /// <summary>Hangs up the operator's leg; the caller goes on without them.</summary>
    private void ReleaseOperator()
    {
        _bridge?.Dispose();
        _bridge = null;
        _held = false;
        if (_answered is { } op)
        {
            ReleaseBranch(op);
            Emit(Event(CallEventKind.PartyLeft) with { Party = op.Party });
        }

        _answered = null;
        State = CallState.Ringing;

        // Whatever still answers or refuses from the ringing that led to the operator belongs to the past.
        _attempt++;
    }

    /// <summary>Ends an announced transfer's consultation leg, whatever state it is in.</summary>
    private void ClearConsultation()
    {
        if (_transfer is not { Kind: TransferKind.Announced } transfer)
        {
            return;
        }

        _consultLimit?.Cancel();
        _consultBridge?.Dispose();
        _consultBridge = null;
        _operatorPlayer?.Stop();
        _operatorPlayer = null;
        foreach (var branch in transfer.Ringing)
        {
            ReleaseBranch(branch);
        }

        if (transfer.Consult is not null)
        {
            Emit(Event(CallEventKind.PartyLeft) with { Party = transfer.Target });
        }

        _transfer = null;
        _manager.Queues.Unreserve(this);
    }

    /// <summary>The operator talks to the caller again (the caller's music stops).</summary>
    private void ReconnectOperator()
    {
        StopCallerPlayer();
        if (_answered is { } op)
        {
            ConnectCaller(op);

            // The caller's music (held for the consultation) ends: the history and the consoles learn it here.
            Emit(Event(CallEventKind.Resumed) with { Party = op.Party, Operator = op.Party });
        }
    }

    private void PlayToOperator(Omstilling.Media.Audio.AudioClip clip, bool loop)
    {
        _operatorPlayer?.Stop();
        _operatorPlayer = _answered is { } op ? PromptPlayer.Start(op.Media.Stream, _manager.Media.Clock, [clip], loop) : null;
    }

    private void StopTransferTimers()
    {
        _consultLimit?.Cancel();
        _campOnLimit?.Cancel();
        if (_transfer is { Kind: TransferKind.CampOn } transfer)
        {
            _manager.StopWaitingForFree(transfer.Target, this);
        }
    }

    /// <summary>
    /// Why <paramref name="op"/> may not act on the call now, or null when they may: they must be
    /// the one talking to the caller, and no consultation may be going on (unless it failed, or the
    /// command is about the consultation).
    /// </summary>
    private CallControlResult? Check(string op, bool allowFailedConsult, bool consulting = false)
    {
        if (State == CallState.Ended)
        {
            return CallControlResult.NoSuchCall;
        }

        if (_answered is null || _answered.Party != op)
        {
            return CallControlResult.NotYourCall;
        }

        var announced = _transfer is { Kind: TransferKind.Announced };
        if (consulting)
        {
            return announced ? null : CallControlResult.NotNow;
        }

        if (!announced)
        {
            return null;
        }

        return allowFailedConsult && _transfer!.Failed is not null ? null : CallControlResult.NotNow;
    }

    private DateTimeOffset Now => Stack.Scheduler.Time.GetUtcNow();

    /// <summary>How long a transfer target rings: their own ring limit in the policy, else the organisation's.</summary>
    private TimeSpan RingLimitFor(string extension)
    {
        if (_manager.Policy is { } policy)
        {
            if (policy.People.TryGetValue(extension, out var person) && person.RingLimit.Rings > 0)
            {
                return person.RingLimit.Duration;
            }

            if (policy.RingLimit.Rings > 0)
            {
                return policy.RingLimit.Duration;
            }
        }

        return _manager.Options.RingLimit;
    }

    /// <summary>A transfer under way (owned by the call, changed under its lock).</summary>
    private sealed class Transfer(TransferKind kind, string target, string? targetName, string op, DateTimeOffset startedAt)
    {
        public TransferKind Kind { get; } = kind;

        public string Target { get; } = target;

        public string? TargetName { get; } = targetName;

        public string Operator { get; } = op;

        public DateTimeOffset StartedAt { get; } = startedAt;

        /// <summary>The consultation's ringing legs (an announced transfer).</summary>
        public List<Branch> Ringing { get; init; } = [];

        /// <summary>The consultation leg, once the target answered the operator.</summary>
        public Branch? Consult { get; set; }

        /// <summary>Why the consultation failed; the console then offers the choices.</summary>
        public RingOutcome? Failed { get; set; }

        /// <summary>The target has been rung for the caller (a camp-on rings once).</summary>
        public bool Rung { get; set; }
    }

    /// <summary>An unanswered transfer back at the switchboard.</summary>
    private sealed class Recall(string target, string? targetName, RingOutcome outcome, string? op, DateTimeOffset at)
    {
        public string Target { get; } = target;

        public string? TargetName { get; } = targetName;

        public RingOutcome Outcome { get; } = outcome;

        public string? Operator { get; } = op;

        public DateTimeOffset At { get; } = at;

        /// <summary>The operator's phone rings for it now.</summary>
        public bool Ringing { get; set; }
    }

    /// <summary>The call was meant for someone who did not take it (busy, no answer) and went on as the policy says.</summary>
    private sealed record Diversion(string Party, RingOutcome Outcome);
}
