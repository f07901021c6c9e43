using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Queues;
using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Players;
using Omstilling.Media.Prompts;
using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The operator puts the caller through (blind, announced, camp-on; see <see cref="TransferSession"/>),
/// and whatever the target does not take comes back to the switchboard (<see cref="Recalls"/>):
/// to the same operator when they are free, else to the head of the queue. Commands are checked
/// against the call as it is, so two operators acting at once get one answer each. Owned by its
/// call and used under the call's lock.
/// </summary>
internal sealed partial class Transfers(ITransferHost call, Call owner, CallServices services, Ringer ringer, Connection connection, Recalls recalls, CallerLeg leg, MenuRunner menus, Func<LegMedia?> media)
{
    private BindingStore Bindings => services.Bindings;

    private QueueManager Queues => services.Queues;

    private IMediaClock Clock => services.Media.Clock;

    /// <summary>The transfer under way, or null.</summary>
    public TransferSession? Session { get; private set; }

    /// <summary>An announced transfer's target talks to the operator (no keys pass to the caller then).</summary>
    public bool IsConsulting => Session is { State: TransferState.Talking };

    /// <summary>Blind transfer: rings the target for the caller (after the name, when given) and frees the operator.</summary>
    /// <param name="keepLeg">A phone's transfer: the operator's leg is released later, by <see cref="ReleaseLeg"/>.</param>
    public CallControlResult Blind(string op, string target, string? targetName, IReadOnlyList<string>? announcement, bool keepLeg = false)
    {
        if (Refusal(op, allowFailedConsult: true) is { } refused)
        {
            return refused;
        }

        if (!services.CanTake(target, call.Now))
        {
            return CallControlResult.TargetUnavailable;
        }

        // The name is made sure of before anything changes: a prompt that cannot be read is left
        // out rather than leaving the caller in silence after the operator is gone.
        if (announcement is { Count: > 0 } && !services.Prompts.TryGet(announcement))
        {
            announcement = null;
        }

        ClearConsultation();
        recalls.Forget();
        call.Emit(call.Event(CallEventKind.TransferStarted) with { Party = target, Operator = op, Transfer = TransferKind.Blind });
        ReleaseOperator(keepLeg);
        Session = new TransferSession(TransferKind.Blind, target, targetName, op, call.Now);
        if (announcement is { Count: > 0 })
        {
            call.PlayThen(announcement, RingTarget);
        }
        else
        {
            RingTarget();
        }

        return CallControlResult.Done;
    }

    /// <summary>
    /// Announced transfer: the caller hears music; the operator's phone rings the target's, or, by
    /// the person's rules, the colleague their forwarding of every call leads to (told whose call it
    /// is). A person coded absent is not rung: the consultation fails at once and the operator hears
    /// their absence greeting, then chooses (voicemail, a message, a colleague, back to the caller).
    /// </summary>
    public CallControlResult Consult(string op, string target, string? targetName)
    {
        if (Refusal(op, allowFailedConsult: true) is { } refused)
        {
            return refused;
        }

        if (!services.CanTake(target, call.Now))
        {
            return CallControlResult.TargetUnavailable;
        }

        ClearConsultation();
        recalls.Forget();
        call.Emit(call.Event(CallEventKind.TransferStarted) with { Party = target, Operator = op, Transfer = TransferKind.Announced });
        if (connection.State != ConnectionState.OnHold)
        {
            // The caller hears music while the operator consults: held, until the operator is back (Resumed) or the transfer completes.
            call.Emit(call.Event(CallEventKind.Held) with { Party = op, Operator = op });
        }

        MusicForCaller();
        var session = new TransferSession(TransferKind.Announced, target, targetName, op, call.Now);
        Session = session;
        var reach = call.ReachForConsultation(target);
        var ringing = new RingGroup(RingPurpose.Consultation, [reach.Extension ?? target]) { Diversions = reach.Diversions };
        session.StartConsultation(ringing);
        if (reach.Away is { } away)
        {
            var (recordings, prompts) = VoicemailPrompts.Away(services.Voicemail.GreetingFor(target), away);
            ConsultFailed(session, RingOutcome.Absent, [.. recordings, .. services.Prompts.Get(prompts)]);
            return CallControlResult.Done;
        }

        var rung = reach.Extension;
        var bindings = rung is null ? [] : Bindings.Lookup(rung);
        if (rung is null || bindings.Count == 0)
        {
            ConsultFailed(session, rung is null ? RingOutcome.Forwarded : RingOutcome.Unavailable);
            return CallControlResult.Done;
        }

        Queues.Reserve(owner, [rung]);
        if (!ringer.Start(ringing, [.. bindings], services.RingLimitFor(rung), media))
        {
            return CallControlResult.NotNow; // Out of media ports: the call has ended.
        }

        session.PlayToOperator(connection.Party!, Clock, services.Prompts.Get(StandardPrompts.Ringback), loop: true);
        return CallControlResult.Done;
    }

    /// <summary>Completes an announced transfer: the caller talks to the target; the operator is free.</summary>
    public CallControlResult Complete(string op)
    {
        if (Refusal(op, allowFailedConsult: false, consulting: true) is { } refused)
        {
            return refused;
        }

        if (Session is not { Consult: { } target } session)
        {
            return CallControlResult.NotNow;
        }

        ReleaseOperator();
        Connect(session, target);
        return CallControlResult.Done;
    }

    /// <summary>Back to the caller: a consultation is ended (or its failure acknowledged); the operator talks to the caller again.</summary>
    public CallControlResult Return(string op)
    {
        if (Refusal(op, allowFailedConsult: true, consulting: true) is { } refused)
        {
            return refused;
        }

        if (Session is not { Kind: TransferKind.Announced } session)
        {
            return CallControlResult.NotNow;
        }

        if (session.Failed is null)
        {
            call.Emit(call.Event(CallEventKind.TransferFailed) with { Party = session.Target, Operator = op, Outcome = RingOutcome.Returned });
        }

        ClearConsultation();
        ReconnectOperator();
        return CallControlResult.Done;
    }

    /// <summary>The caller waits for the busy target, who is rung as soon as they are free (or after the camp-on limit, recalled).</summary>
    public CallControlResult CampOn(string op, string target, string? targetName)
    {
        if (Refusal(op, allowFailedConsult: true) is { } refused)
        {
            return refused;
        }

        if (Bindings.Lookup(target).Count == 0)
        {
            return CallControlResult.TargetUnavailable;
        }

        ClearConsultation();
        recalls.Forget();
        call.Emit(call.Event(CallEventKind.CampOn) with { Party = target, Operator = op });
        ReleaseOperator();
        var campOn = new TransferSession(TransferKind.CampOn, target, targetName, op, call.Now);
        Session = campOn;
        campOn.ArmLimit(services.Scheduler, services.Options.CampOnLimit, s => call.Locked(() => OnCampOnLimit(s), "a camp-on's limit"));
        services.Registry.WaitForFree(target, owner);
        call.PlayThen(["vent-venligst"], () =>
        {
            // Music while the person is still busy; once they are rung, the ringing tone plays instead.
            if (ReferenceEquals(Session, campOn) && !campOn.Rung && connection.Party is null)
            {
                call.PlayToCaller(services.MusicOnHold);
            }
        });
        if (!services.Activity.IsBusy(target))
        {
            RingTarget();
        }

        return CallControlResult.Done;
    }

    /// <summary>The caller leaves a message in <paramref name="box"/>; a consultation is ended first; the operator is free.</summary>
    public CallControlResult ToVoicemail(string op, string box)
    {
        if (Refusal(op, allowFailedConsult: true) is { } refused)
        {
            return refused;
        }

        ClearConsultation();
        recalls.Forget();
        call.Emit(call.Event(CallEventKind.TransferStarted) with { Party = box, Operator = op, VoicemailBox = box });
        ReleaseOperator();
        menus.RecordVoicemail(box);
        return CallControlResult.Done;
    }

    /// <summary>The operator puts the caller on hold from the console (the caller hears music).</summary>
    public CallControlResult Hold(string op)
    {
        if (Refusal(op, allowFailedConsult: false) is { } refused)
        {
            return refused;
        }

        if (connection.Hold())
        {
            call.Emit(call.Event(CallEventKind.Held) with { Party = op, Operator = op });
        }

        return CallControlResult.Done;
    }

    /// <summary>The operator takes the caller back from hold.</summary>
    public CallControlResult TakeOffHold(string op)
    {
        if (Refusal(op, allowFailedConsult: false) is { } refused)
        {
            return refused;
        }

        if (connection.TakeOffHold())
        {
            call.Emit(call.Event(CallEventKind.Resumed) with { Party = op, Operator = op });
        }

        return CallControlResult.Done;
    }

    /// <summary>The operator ends the call from the console (every leg is hung up).</summary>
    public CallControlResult HangUp(string op)
    {
        if (call.HasEnded)
        {
            return CallControlResult.NoSuchCall;
        }

        if (connection.Party?.Party != op)
        {
            return CallControlResult.NotYourCall;
        }

        call.HangUp(CallEndReason.CalleeHungUp);
        return CallControlResult.Done;
    }

    /// <summary>
    /// Why <paramref name="op"/> may not act on the call now, or null when they may: they must be
    /// the one talking to the caller, and no consultation may be going on (unless it failed, or the
    /// command is about the consultation).
    /// </summary>
    public CallControlResult? Refusal(string op, bool allowFailedConsult, bool consulting = false)
    {
        if (call.HasEnded)
        {
            return CallControlResult.NoSuchCall;
        }

        if (connection.Party is null || connection.Party.Party != op)
        {
            return CallControlResult.NotYourCall;
        }

        var announced = Session is { IsAnnounced: true };
        if (consulting)
        {
            return announced ? null : CallControlResult.NotNow;
        }

        if (!announced)
        {
            return null;
        }

        return allowFailedConsult && Session!.Failed is not null ? null : CallControlResult.NotNow;
    }

    /// <summary>A phone in the consultation held (re-INVITE sendonly/inactive) or took back the other side.</summary>
    public void PhoneHeld(Omstilling.Media.Rtp.RtpStream phone, bool held)
    {
        if (Session?.ConsultBridge is not { } bridge || !(ReferenceEquals(bridge.A, phone) || ReferenceEquals(bridge.B, phone)))
        {
            return;
        }

        if (held)
        {
            bridge.Hold(phone);
        }
        else
        {
            bridge.Resume(phone);
        }
    }

    /// <summary>Whether the extension is the operator of an announced transfer now.</summary>
    public bool IsConsultingOperator(string extension) => Session is { IsAnnounced: true } s && s.Operator == extension;

    /// <summary>A camped-on target's call ended: they are rung now.</summary>
    public void OnPartyFree(string extension)
    {
        if (Session is { Kind: TransferKind.CampOn, Rung: false } session && session.Target == extension && connection.Party is null)
        {
            RingTarget();
        }
    }

    /// <summary>The call's end: the session's timers and media stop, and a camp-on stops waiting.</summary>
    public void Stop()
    {
        if (Session is { } session)
        {
            session.Stop();
            if (session.Kind == TransferKind.CampOn)
            {
                services.Registry.StopWaitingForFree(session.Target, owner);
            }
        }
    }

    /// <summary>
    /// Rings the transfer's target for the caller, who hears the ringing tone: a blind transfer by
    /// the person's forwarding and absence as a call dialled to them; a camp-on (the operator chose to
    /// wait for this phone) their phones.
    /// </summary>
    private void RingTarget()
    {
        if (Session is not { } session || call.HasEnded)
        {
            return;
        }

        session.RingTarget();
        if (session.Kind == TransferKind.Blind)
        {
            call.RingTransferTarget(session.Target);
            return;
        }

        var bindings = Bindings.Lookup(session.Target);
        if (bindings.Count == 0)
        {
            TargetFailed(RingOutcome.Unavailable);
            return;
        }

        call.Ring(new RingGroup(RingPurpose.Transfer, [session.Target]), [.. bindings], services.RingLimitFor(session.Target), ringback: true);
    }

    private void OnCampOnLimit(TransferSession campOn)
    {
        if (ReferenceEquals(Session, campOn) && connection.Party is null)
        {
            call.AbandonRinging();
            TargetFailed(RingOutcome.Busy);
        }
    }
}
