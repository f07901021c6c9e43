using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Players;
using Omstilling.Media.Sdp;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// One call: the caller's leg (our UAS side), the phones or trunk rung for it (our UAC side), and
/// the telephone policy's decisions carried out in turn: ring, queue, menu, message, voicemail,
/// forward, with the overflow rules when nobody answers or all are busy. Media is anchored here
/// and bridged once a phone answers. The call is the single owner of its legs; everything that
/// happens to either arrives here and is handled under the call's lock, and events go out
/// through the <see cref="CallManager"/>. Split by concern: ringing (Branches), the caller's leg
/// (Caller), menus, messages and voicemail (Menus).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The bridge, players and streams are released in End(), which every way out of a call reaches.")]
internal sealed partial class Call : IDialogOwner, IClientTransactionOwner
{
    /// <summary>Decisions one call may take: a policy whose rules lead round in a circle ends here instead of forever.</summary>
    private const int MaxSteps = 25;

    private readonly Lock _sync = new();
    private readonly CallManager _manager;
    private readonly ServerInviteTransaction _invite;
    private int _steps;
    private ScheduledTimer? _ringLimit;
    private Dialog? _callerDialog;
    private LegMedia? _callerMedia;
    private string? _callerAnswer;
    private Bridge? _bridge;
    private PromptPlayer? _player;
    private ServerInviteTransaction? _pendingReinvite;
    private bool _callerReleased;
    private DateTimeOffset? _answeredAt;

    public Call(CallManager manager, ServerInviteTransaction invite, string caller, string dialled, bool fromOutside = false)
    {
        _manager = manager;
        _invite = invite;
        Caller = caller;
        Dialled = dialled;
        FromOutside = fromOutside;
        StartedAt = manager.Stack.Scheduler.Time.GetUtcNow();
        invite.UserState = this;
        invite.AckTimedOut += _ => OnAckTimedOut();
    }

    public Guid Id { get; } = Guid.CreateVersion7();

    public string Caller { get; }

    public string Dialled { get; }

    /// <summary>The caller came in without credentials (a citizen through the trunk), not from one of our phones.</summary>
    public bool FromOutside { get; }

    public DateTimeOffset StartedAt { get; }

    public CallState State { get; private set; }

    /// <summary>True once our 200 went to the caller (for a menu, a message, or when a phone answered).</summary>
    private bool CallerAnswered => _callerDialog is not null;

    private SipStack Stack => _manager.Stack;

    /// <summary>An internal call: ring the extension's phones for the ring limit; 480 when none is registered.</summary>
    public void StartExtension(string extension)
    {
        lock (_sync)
        {
            Emit(Event(CallEventKind.Started));
            if (_manager.Bindings.Lookup(extension).Count == 0)
            {
                Refuse(SipStatus.TemporarilyUnavailable, null, CallEndReason.Unavailable);
                return;
            }

            if (PrepareCallerMedia())
            {
                Ring([extension], _manager.Options.RingLimit, onBusy: null, onNoAnswer: null, ringback: false);
            }
        }
    }

    /// <summary>A call to a number of the policy: carry out what it decided.</summary>
    public void StartPolicy(RoutingDecision decision)
    {
        lock (_sync)
        {
            Emit(Event(CallEventKind.Started));
            if (PrepareCallerMedia())
            {
                Execute(decision);
            }
        }
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (transaction.Tag is Branch branch)
        {
            OnBranchResponse(branch, response);
        }
    }

    /// <summary>Carries out one decision of the policy (under the lock).</summary>
    private void Execute(RoutingDecision decision)
    {
        if (State == CallState.Ended)
        {
            return;
        }

        if (++_steps > MaxSteps)
        {
            Finish(SipStatus.ServerInternalError, CallEndReason.Failed, "policy loop");
            return;
        }

        Emit(Event(CallEventKind.Routed) with { Decision = decision.Kind, Rule = decision.Rule.Kind, Target = TargetOf(decision) });
        switch (decision.Kind)
        {
            case DecisionKind.Ring:
                GreetThen(decision.Greeting, () => Ring(decision.Extensions, RingLimitOf(decision), decision.OnBusy, decision.OnNoAnswer, ringback: CallerAnswered));
                break;
            case DecisionKind.Queue when decision.Queue is { } queue:
                GreetThen(decision.Greeting, () => EnterQueue(queue, decision.OnBusy, recalled: false));
                break;
            case DecisionKind.Queue:
                GreetThen(decision.Greeting, () => Ring(decision.Extensions, RingLimitOf(decision), decision.OnBusy, decision.OnNoAnswer, ringback: CallerAnswered));
                break;
            case DecisionKind.Forward:
                var externalLimit = decision.RingLimit.Rings > 0 ? decision.RingLimit.Duration : _manager.Options.ExternalRingLimit;
                GreetThen(decision.Greeting, () => Forward(decision.ExternalNumber!, externalLimit, decision.OnBusy, decision.OnNoAnswer));
                break;
            case DecisionKind.Menu:
                GreetThen(decision.Greeting, () => OpenMenu(decision.Menu!.Value.Menu));
                break;
            case DecisionKind.Message:
                PlayMessage(decision.Message!, decision.AfterMessage);
                break;
            case DecisionKind.Voicemail:
                RecordVoicemail(decision.VoicemailBox!);
                break;
            case DecisionKind.Back:
                GoBack();
                break;
            case DecisionKind.Hangup:
                Finish(SipStatus.TemporarilyUnavailable, CallEndReason.Completed, null);
                break;
            default:
                Finish(SipStatus.NotFound, CallEndReason.Rejected, null);
                break;
        }
    }

    /// <summary>The decision's ring limit; a decision without one rings for the platform's.</summary>
    private TimeSpan RingLimitOf(RoutingDecision decision) =>
        decision.RingLimit.Rings > 0 ? decision.RingLimit.Duration : _manager.Options.RingLimit;

    /// <summary>What an overflow rule or a menu choice says next; with none, the call ends with <paramref name="status"/>.</summary>
    private void Follow(PolicyAction? action, int status, CallEndReason reason)
    {
        if (action is null || _manager.Policy is not { } policy)
        {
            Finish(status, reason, null);
            return;
        }

        var now = Stack.Scheduler.Time.GetUtcNow();
        Execute(action.Kind == ActionKind.Operator
            ? policy.Route(policy.MainNumber, now, _manager.PolicyState)
            : policy.Resolve(action, now, _manager.PolicyState));
    }

    /// <summary>
    /// Ends the call for want of anyone to take it: before an answer with <paramref name="status"/>;
    /// after one (a menu led here) with a spoken reason and a BYE.
    /// </summary>
    private void Finish(int status, CallEndReason reason, string? phrase)
    {
        if (!CallerAnswered)
        {
            Refuse(status, phrase, reason);
            return;
        }

        var prompt = reason switch
        {
            CallEndReason.Busy => "optaget",
            CallEndReason.NoAnswer or CallEndReason.Unavailable => "intet-svar",
            _ => "farvel",
        };
        PlayThen([prompt], () => HangUp(reason));
    }

    /// <summary>Plays the greeting first when there is one (answering the caller for it).</summary>
    private void GreetThen(Prompt? greeting, Action then)
    {
        if (greeting is null)
        {
            then();
            return;
        }

        PlayThen([PolicyPrompts.Key(greeting.Name)], then);
    }

    private void End(CallEndReason reason, int? status)
    {
        if (State == CallState.Ended)
        {
            return;
        }

        State = CallState.Ended;

        // A caller never answered gets a final response whatever ended the call (it may have
        // had one already: then this does nothing).
        if (!CallerAnswered)
        {
            _invite.TryRespond(_invite.CreateResponse(status is >= 300 ? status.Value : SipStatus.TemporarilyUnavailable));
        }

        LeaveQueue();
        _manager.Queues.Unreserve(this);
        StopTransferTimers();
        _ringLimit?.Cancel();
        _player?.Stop();
        _operatorPlayer?.Stop();
        StopCollecting();
        _recorder?.Stop();
        _bridge?.Dispose();
        _consultBridge?.Dispose();

        // Every leg still up is hung up (BYE) or stopped (CANCEL); those already gone are left alone.
        if (_callerDialog is { } callerDialog && !_callerReleased)
        {
            _callerReleased = true;
            Stack.SendRequest(callerDialog.CreateRequest(SipMethod.Bye), callerDialog.Peer, this);
        }

        _callerDialog?.Terminate();
        _callerMedia?.Close();
        foreach (var branch in _branches)
        {
            ReleaseBranch(branch);
            branch.Dialog?.Terminate();
        }

        _manager.Remove(Id, _callerDialog?.Id, _branches.Select(b => b.Dialog?.Id).OfType<DialogId>());
        Emit(Event(CallEventKind.Ended) with { EndReason = reason, Status = status });
    }

    private CallEvent Event(CallEventKind kind) => new(Id, kind, Stack.Scheduler.Time.GetUtcNow(), Caller, Dialled);

    private void Emit(CallEvent e) => _manager.Publish(e);

    /// <summary>What a decision names, for its Routed event.</summary>
    private static string? TargetOf(RoutingDecision d) => d.Kind switch
    {
        DecisionKind.Ring => string.Join(',', d.Extensions),
        DecisionKind.Queue => d.Queue?.Id ?? string.Join(',', d.Extensions),
        DecisionKind.Menu => d.Menu?.Menu.Id,
        DecisionKind.Message => d.Message?.Name,
        DecisionKind.Voicemail => d.VoicemailBox,
        DecisionKind.Forward => d.ExternalNumber,
        DecisionKind.NotFound or DecisionKind.Back or DecisionKind.Hangup => null,
        _ => throw new System.Diagnostics.UnreachableException($"DecisionKind {d.Kind} names no target"),
    };
}
