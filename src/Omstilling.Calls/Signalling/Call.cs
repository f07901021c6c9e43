using Omstilling.Policy.Outbound;
using Omstilling.Calls.Events;
using Omstilling.Media.Audio;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// One call, the owner of its parts (docs/architecture.md, "The call"): <see cref="CallerLeg"/>,
/// <see cref="Ringer"/>, <see cref="PolicyRunner"/>, <see cref="MenuRunner"/>, <see cref="QueuedCaller"/>,
/// <see cref="Connection"/>, <see cref="Transfers"/> (and a phone's, <see cref="Referral.PhoneTransfers"/>), <see cref="Recalls"/>, <see cref="PostCallSurvey"/>
/// and <see cref="KeyRouter"/>, each with its own state machine. The call carries out the policy's
/// decisions in turn and decides what an answer or a refusal means. Everything that happens to it is
/// handled under its lock; events are posted in order under it and delivered outside it. Its
/// <see cref="State"/> is worked out from the parts, never kept beside them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The bridge, players and streams are released in End(), which every way out of a call reaches.")]
internal sealed partial class Call : IDialogOwner, IClientTransactionOwner, IRingHost, ITransferHost, IPolicyHost, IQueueHost
{
    private readonly Lock _sync = new();
    private readonly CallServices _services;
    private readonly CallerLeg _leg;
    private readonly Ringer _ringer;
    private readonly MenuRunner _menus;
    private readonly QueuedCaller _queue;
    private readonly Transfers _transfers;
    private readonly Recalls _recalls;
    private readonly PolicyRunner _policy;
    private readonly PostCallSurvey _survey;
    private readonly KeyQueue _keys;
    private readonly KeyRouter _keyRouter;
    private readonly Connection _connection;
    private readonly Referral.PhoneTransfers _phoneTransfers;
    private volatile bool _onBoard;
    private bool _ended;

    public Call(CallServices services, ServerInviteTransaction invite, string caller, string dialled, bool fromOutside = false)
    {
        _services = services;
        Caller = caller;
        Dialled = dialled;
        FromOutside = fromOutside;
        StartedAt = services.Now;
        _leg = new CallerLeg(invite, services.Stack, services.Registry, this, this, services.Media.Clock, dialled);
        _ringer = new Ringer(this, new BranchDialer(services.Stack, services.Registry, services.TrunkCredentials, this, this, caller, invite.Request.From.DisplayName, invite.Request.MaxForwards), services.Scheduler);
        _menus = new MenuRunner(this, services.Scheduler, () => services.Policy, services.PolicyState, services.Voicemail, services.Staff.Absence, services.Options);
        _queue = new QueuedCaller(this, this, services.Queues, services.Bindings, services.Scheduler, services.Prompts, services.MusicOnHold, services.Logger);
        _keys = new KeyQueue((side, key) => Locked(() => _keyRouter!.Route(side, key), "a key"));
        _connection = new Connection(services.Media.Clock, services.MusicOnHold, _keys.Enqueue);
        _recalls = new Recalls(this, this, services);
        _transfers = new Transfers(this, this, services, _ringer, _connection, _recalls, _leg, _menus, CreateMedia);
        _phoneTransfers = new Referral.PhoneTransfers(this, services, _connection, _transfers);
        _survey = new PostCallSurvey(this, services.Scheduler, services.Options.SurveyAnswerTime);
        _policy = new PolicyRunner(this, services, _menus, _survey, fromOutside);
        _keyRouter = new KeyRouter(_leg, _menus, _survey, _connection, () => _transfers.IsConsulting, services.Media.Clock);
        _keyRouter.Attach(_keys);
        invite.UserState = this;
        invite.AckTimedOut += _ => Locked(OnAckTimedOut, "the caller's missing ACK");
    }

    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>The SRTP policy of the caller's account, for the caller's leg (the callees' legs are plain RTP).</summary>
    public Omstilling.Media.Srtp.SrtpPolicy CallerSrtp { get; init; } = Omstilling.Media.Srtp.SrtpPolicy.Optional;

    public string Caller { get; }

    public string Dialled { get; }

    /// <summary>The caller came in without credentials (a citizen through the trunk), not from one of our phones.</summary>
    public bool FromOutside { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The call as a whole, from its parts: over, a person talks to the caller, phones ring for the caller, or the platform has it.</summary>
    public CallState State =>
        _ended ? CallState.Ended
        : _connection.Party is not null ? CallState.Answered
        : _ringer.Current is { IsRinging: true } ? CallState.Ringing
        : CallState.Routing;

    /// <summary>
    /// The switchboard has to do with this call: it waited in a queue, an operator answered it, or
    /// it is being transferred. Only these are on the consoles' board (read without the lock).
    /// </summary>
    public bool OnBoard => _onBoard;

    public bool HasEnded => _ended;

    public bool CallerAnswered => _leg.IsAnswered;

    public bool Connected => _connection.Party is not null;

    public RingGroup? Ringing => _ringer.Current;

    public bool Recalled => _recalls.Current is not null;

    public void ShowOnBoard() => _onBoard = true;

    public DateTimeOffset Now => _services.Now;

    /// <summary>An internal call: ring the extension's phones for the ring limit; 480 when none is registered.</summary>
    public void StartExtension(string extension)
    {
        lock (_sync)
        {
            _policy.StartExtension(extension);
        }
    }

    /// <summary>A phone's call to a number outside that the toll-fraud guard allowed: through the trunk.</summary>
    public void StartOutbound(OutboundVerdict allowed)
    {
        lock (_sync)
        {
            _policy.StartOutbound(allowed);
        }
    }

    /// <summary>A call to a number of the policy: carry out what it decided.</summary>
    public void StartPolicy(RoutingDecision decision)
    {
        lock (_sync)
        {
            _policy.Start(decision);
        }
    }

    public CallEvent Event(CallEventKind kind) => new(Id, kind, Now, Caller, Dialled);

    public void Emit(CallEvent e) => _services.Registry.Publish(e);

    public void Locked(Action step, string what)
    {
        lock (_sync)
        {
            if (!_ended)
            {
                Guarded(step, what);
            }
        }
    }

    public void Observe(Task task, string what) => _services.Faults.Observe(task, Id, what);

    public void After(Task task, Action then, string what) =>
        _services.Faults.Observe(task.ContinueWith(_ => Locked(then, what), TaskScheduler.Default), Id, what);

    public bool AnswerCaller()
    {
        if (_leg.Answer(_keyRouter))
        {
            return true;
        }

        End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated);
        return false;
    }

    public void PlayThen(IReadOnlyList<string> prompts, Action then) => PlayThen([], prompts, then);

    public void PlayThen(IReadOnlyList<AudioClip> recordings, IReadOnlyList<string> prompts, Action then)
    {
        if (!AnswerCaller())
        {
            return;
        }

        var player = _leg.Play([.. recordings, .. _services.Prompts.Get(prompts)]);
        _keyRouter.ListenToCaller();
        _services.Faults.Observe(player.Completion.ContinueWith(
            t =>
            {
                lock (_sync)
                {
                    if (t.Result && _leg.IsPlaying(player) && !_ended)
                    {
                        _leg.StopPlaying();
                        Guarded(then, "what follows a prompt");
                    }
                }
            },
            TaskScheduler.Default), Id, "what follows a prompt");
    }

    public void PlayToCaller(AudioClip clip)
    {
        _leg.Play([clip], loop: true);
        _keyRouter.ListenToCaller();
    }

    public void Follow(PolicyAction? action, int status, CallEndReason reason) => _policy.Follow(action, status, reason);

    public void Finish(int status, CallEndReason reason) => _policy.Finish(status, reason, null);

    public void HangUp(CallEndReason reason) => End(reason, null);

    public void EndForShutdown() => Locked(() => End(CallEndReason.Shutdown, SipStatus.ServiceUnavailable), "the server's stop");

    public void Refuse(int status, string? reason, CallEndReason endReason)
    {
        _leg.Refuse(status, reason);
        End(endReason, status);
    }

    /// <summary>The one way out: every part stops, every leg still up is hung up or cancelled, the call is forgotten, then Ended.</summary>
    private void End(CallEndReason reason, int? status)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;

        // A caller never answered gets a final response whatever ended the call (one it had already stays).
        _leg.Refuse(status is >= 300 ? status.Value : SipStatus.TemporarilyUnavailable);
        _queue.Leave();
        _services.Queues.Unreserve(this);
        _transfers.Stop();
        _menus.Close();
        _survey.Close();
        _connection.Dispose();
        _leg.HangUp();
        _leg.Close();
        _ringer.ReleaseAll();
        _services.Registry.Remove(Id, _leg.Dialog?.Id, _ringer.Branches.Where(b => b.State != BranchState.HandedOver).Select(b => b.Dialog?.Id).OfType<DialogId>());
        Emit(Event(CallEventKind.Ended) with { EndReason = reason, Status = status });
    }

    /// <summary>
    /// Runs a step that follows a prompt, a recording, a timer or a key (under the lock); a failure
    /// there (a prompt that cannot be read, a full disk) ends the call cleanly instead of leaving
    /// the caller in silence.
    /// </summary>
    private void Guarded(Action step, string what)
    {
        try
        {
            step();
        }
#pragma warning disable CA1031 // Any failure must end the call in a defined state; it is contained at calls.call.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _services.Faults.Contain(e, Id, $"the call (ended) at {what}");
            End(CallEndReason.Failed, null);
        }
    }
}
