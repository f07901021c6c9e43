using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Media.Audio;
using Omstilling.Media.Players;

namespace Omstilling.Calls.Signalling;

/// <summary>How transfers end: answered, not taken (and recalled), the consultation's turns, a party hanging up.</summary>
internal sealed partial class Transfers
{
    /// <summary>The target of a blind transfer or camp-on did not take the call: it comes back to the switchboard.</summary>
    public void TargetFailed(RingOutcome outcome)
    {
        if (Session is not { } session)
        {
            return;
        }

        Session = null;
        session.Stop();
        services.Registry.StopWaitingForFree(session.Target, owner);
        call.Emit(call.Event(CallEventKind.TransferFailed) with { Party = session.Target, Operator = session.Operator, Outcome = outcome });
        var recall = new Recall(session.Target, session.TargetName, outcome, session.Operator, call.Now);
        if (outcome == RingOutcome.Forwarded && !services.IsOperator(session.Operator))
        {
            // The target forwards to the switchboard: a colleague's transfer goes there, not back to the colleague.
            recalls.ToQueue(recall);
            return;
        }

        recalls.ToSwitchboard(recall);
    }

    /// <summary>
    /// The target's own rules took the caller (their voicemail while absent, a department they
    /// forward to): the transfer is over and will not come back; the recall is forgotten.
    /// </summary>
    public void LeftToRules(RingOutcome outcome)
    {
        if (Session is not { IsAnnounced: false } session)
        {
            return;
        }

        Session = null;
        session.Stop();
        services.Registry.StopWaitingForFree(session.Target, owner);
        recalls.Forget();
        call.Emit(call.Event(CallEventKind.TransferFailed) with { Party = session.Target, Operator = session.Operator, Outcome = outcome });
    }

    /// <summary>A phone answered the caller: a blind transfer, camp-on or recall is done with.</summary>
    public void Connected()
    {
        if (Session is { IsAnnounced: false } session)
        {
            session.Stop();
            services.Registry.StopWaitingForFree(session.Target, owner);
            Session = null;
            recalls.Forget();
            call.Emit(call.Event(CallEventKind.TransferCompleted) with { Party = session.Target, Operator = session.Operator });
        }

        recalls.Answered();
    }

    /// <summary>Whether the consultation may take an answer for <paramref name="ringing"/> (it still rings, and the operator is on the line).</summary>
    public bool TakesConsultAnswer(RingGroup ringing) =>
        Session is { State: TransferState.Consulting } session && ReferenceEquals(session.Consultation, ringing) && connection.Party is not null;

    /// <summary>The target answered the operator: they talk while the caller keeps its music.</summary>
    public void ConsultAnswered(Branch target)
    {
        var session = Session!;
        ringer.AnsweredBy(target);
        session.Consultation!.Answered(target);
        session.ConsultAnswered(target, new Bridge(connection.Party!.Media.Stream, target.Media.Stream, Clock, services.MusicOnHold));
        call.Emit(call.Event(CallEventKind.ConsultAnswered) with { Party = session.Target, Operator = session.Operator });
        Queues.Unreserve(owner);
    }

    /// <summary>Every phone of the consultation refused.</summary>
    public void ConsultRefused(RingGroup ringing)
    {
        if (Session is { State: TransferState.Consulting } session && ReferenceEquals(session.Consultation, ringing))
        {
            ConsultFailed(session, ringing.Refusal().Outcome); // busy if any of the target's phones was
        }
    }

    /// <summary>The consultation rang for the target's ring limit.</summary>
    public void ConsultTimedOut(RingGroup ringing)
    {
        if (Session is { State: TransferState.Consulting } session && ReferenceEquals(session.Consultation, ringing))
        {
            ringing.Abandon();
            foreach (var branch in ringing.Branches)
            {
                ringer.Release(branch);
            }

            ConsultFailed(session, RingOutcome.NoAnswer);
        }
    }

    /// <summary>A leg other than the caller's hung up; true when it was the transfer's to handle.</summary>
    public bool OnHungUp(Branch branch)
    {
        if (Session is not { IsAnnounced: true } session)
        {
            return false;
        }

        if (ReferenceEquals(branch, connection.Party))
        {
            OperatorLeft(session);
            return true;
        }

        if (ReferenceEquals(branch, session.Consult))
        {
            // The target hung up on the operator: the operator is back with the caller.
            call.Emit(call.Event(CallEventKind.TransferFailed) with { Party = session.Target, Operator = session.Operator, Outcome = RingOutcome.HungUp });
            ClearConsultation();
            ReconnectOperator();
            return true;
        }

        return false;
    }

    /// <summary>Ends an announced transfer's consultation, whatever state it is in.</summary>
    private void ClearConsultation()
    {
        if (Session is not { IsAnnounced: true } session)
        {
            return;
        }

        session.Stop();
        foreach (var branch in session.Consultation?.Branches ?? [])
        {
            ringer.Release(branch);
        }

        session.Consultation?.Abandon();
        if (session.Consult is not null)
        {
            call.Emit(call.Event(CallEventKind.PartyLeft) with { Party = session.Target });
        }

        Session = null;
        Queues.Unreserve(owner);
    }

    /// <summary>
    /// The target did not take the consultation: the operator hears why, the caller keeps its music,
    /// and the console offers the choices (back to the caller, a message, a colleague, voicemail, camp-on).
    /// </summary>
    /// <param name="heard">What the operator hears instead of "optaget" or "intet-svar" (an absent person's greeting).</param>
    private void ConsultFailed(TransferSession session, RingOutcome outcome, IReadOnlyList<AudioClip>? heard = null)
    {
        session.ConsultationFailed(outcome);
        Queues.Unreserve(owner);
        call.Emit(call.Event(CallEventKind.TransferFailed) with { Party = session.Target, Operator = session.Operator, Outcome = outcome });
        if (connection.Party is { } op)
        {
            session.PlayToOperator(op, Clock, heard ?? [services.Prompts.Get(outcome == RingOutcome.Busy ? "optaget" : "intet-svar")]);
        }
    }

    /// <summary>
    /// The operator hung up during an announced transfer, as people do on desk phones: with the
    /// target on the line that completes it; while it still rings it goes on as a blind transfer;
    /// after it failed the caller waits at the head of the queue.
    /// </summary>
    private void OperatorLeft(TransferSession session)
    {
        var op = connection.Party!.Party;
        session.StopOperatorTone();
        session.EndConsultBridge();
        connection.Leave();
        call.Emit(call.Event(CallEventKind.PartyLeft) with { Party = op });
        if (session.Consult is { } target)
        {
            Connect(session, target);
            return;
        }

        if (session.Failed is { } outcome)
        {
            session.Stop();
            Session = null;
            recalls.ToQueue(new Recall(session.Target, session.TargetName, outcome, null, call.Now));
            return;
        }

        // Still ringing: the same INVITE goes on ringing for the caller, now as a blind transfer.
        session.ContinueBlind();
        var left = services.RingLimitFor(session.Target) - (call.Now - session.StartedAt);
        call.RingOn(session.Consultation!, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(10));
    }

    /// <summary>The caller and the transfer's target are connected; the operator has already left.</summary>
    private void Connect(TransferSession session, Branch target)
    {
        session.Stop();
        Session = null;
        recalls.Forget();
        ConnectTo(target);
        call.Emit(call.Event(CallEventKind.TransferCompleted) with { Party = session.Target, Operator = session.Operator });
    }

    /// <summary>
    /// The operator's leg leaves the caller, who goes on without them; it is hung up now, or, for a
    /// phone's transfer (<paramref name="keepLeg"/>), once the phone has had its report (<see cref="ReleaseLeg"/>).
    /// </summary>
    private void ReleaseOperator(bool keepLeg = false)
    {
        if (connection.Leave() is { } op)
        {
            if (!keepLeg)
            {
                ringer.Release(op);
            }

            call.Emit(call.Event(CallEventKind.PartyLeft) with { Party = op.Party });
        }
    }

    /// <summary>Hangs up a leg that has left the caller (a phone that transferred, once told how it went); nothing if it hung up itself.</summary>
    public void ReleaseLeg(Branch leg) => ringer.Release(leg);

    /// <summary>The caller hears music while the operator consults (the bridge to the operator comes down).</summary>
    private void MusicForCaller()
    {
        connection.Consult();
        call.PlayToCaller(services.MusicOnHold);
    }

    /// <summary>The caller and <paramref name="target"/> talk.</summary>
    private void ConnectTo(Branch target)
    {
        leg.StopPlaying();
        connection.Connect(leg.Media!.Stream, target);
    }

    /// <summary>The operator talks to the caller again (the caller's music stops).</summary>
    private void ReconnectOperator()
    {
        leg.StopPlaying();
        if (connection.Party is { } op)
        {
            connection.Reconnect(leg.Media!.Stream);

            // The caller's music (held for the consultation) ends: the history and the consoles learn it here.
            call.Emit(call.Event(CallEventKind.Resumed) with { Party = op.Party, Operator = op.Party });
        }
    }
}
