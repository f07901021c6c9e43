using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// A call to this phone (RFC 3261 §13.3): ring (180), answer (200 with our SDP, retransmitted by
/// the INVITE server transaction until the ACK), refuse, or hang up; the caller's CANCEL is
/// answered 487. Thread-safe.
/// </summary>
public sealed class IncomingCall : SimulatedCall
{
    private readonly ServerInviteTransaction _invite;
    private readonly NameAddress _contact;
    private string? _answer;

    private IncomingCall(SimulatedPhone phone, ServerInviteTransaction invite)
        : base(phone, invite.Request.CallId)
    {
        _invite = invite;
        _contact = Network.ContactOf(phone.User);
        CallerNumber = invite.Request.From.Uri.UnescapedUser ?? "anonymous";
        CallerName = invite.Request.From.DisplayName;
        invite.UserState = this;
        invite.AckTimedOut += OnAckTimedOut;
    }

    /// <summary>The user part of the INVITE's From: who calls.</summary>
    public string CallerNumber { get; }

    /// <summary>The display name of the INVITE's From, if any.</summary>
    public string? CallerName { get; }

    /// <summary>The user part of the INVITE's Request-URI: what was dialled.</summary>
    public string Dialled => _invite.Request.RequestUri.UnescapedUser ?? "";

    /// <summary>180 Ringing (again if called again; nothing once answered or over).</summary>
    public Task RingAsync(CancellationToken cancellationToken)
    {
        lock (Sync)
        {
            if (Phase is CallPhase.Setup or CallPhase.Early)
            {
                var ringing = _invite.CreateResponse(SipStatus.Ringing);
                ringing.Headers.Add(HeaderName.Contact, _contact.ToString());
                if (_invite.TryRespond(ringing))
                {
                    MoveTo(CallPhase.Early);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// 200 with our SDP; completes when the caller's ACK came (true), or when the call ended first
    /// (false: the caller cancelled, or no ACK within 64*T1).
    /// </summary>
    public Task<bool> AnswerAsync(CancellationToken cancellationToken)
    {
        lock (Sync)
        {
            if (Phase is CallPhase.Setup or CallPhase.Early)
            {
                SendOk();
            }
        }

        return Answered.WaitAsync(cancellationToken);
    }

    /// <summary>Refuses the call with a final status (486, 603, 480, ...); nothing once answered or over.</summary>
    public Task RejectAsync(int status, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 699);
        if (Refuse(status))
        {
            Finish(CallEnding.Refused);
        }

        return Task.CompletedTask;
    }

    /// <summary>Refuses the unanswered call (486), as a phone's "decline" key does. Under the lock.</summary>
    private protected override CallEnding? HangUpUnanswered() => Refuse(SipStatus.BusyHere) ? CallEnding.Refused : null;

    /// <summary>
    /// Takes a new INVITE for <paramref name="phone"/>: the call, or null when it was refused at
    /// once (an offer we cannot read: 400; no audio we share: 488).
    /// </summary>
    internal static IncomingCall? Receive(SimulatedPhone phone, ServerInviteTransaction invite)
    {
        var call = new IncomingCall(phone, invite);

        // The offer is read now, so a call we cannot take is refused before anyone is asked.
        var status = call.Media.AnswerOffer(invite.Request, out call._answer);
        if (status == SipStatus.Ok)
        {
            if (invite.IsCancelled)
            {
                // The CANCEL came while the INVITE was being handed to the phone, before the call could hear of it.
                call.OnCancel();
            }

            return call;
        }

        if (call.Refuse(status))
        {
            call.Finish(CallEnding.Failed);
        }

        return null;
    }

    /// <summary>The caller cancelled (the stack answered the CANCEL 200): 487 to the INVITE unless our 200 won.</summary>
    internal void OnCancel()
    {
        var cancelled = false;
        lock (Sync)
        {
            if (Phase is CallPhase.Setup or CallPhase.Early && _invite.TryRespond(_invite.CreateResponse(SipStatus.RequestTerminated)))
            {
                cancelled = true;
            }
        }

        if (cancelled)
        {
            Finish(CallEnding.Cancelled);
        }
    }

    internal override void OnAck(SipRequest ack)
    {
        lock (Sync)
        {
            if (Phase != CallPhase.Accepting)
            {
                ReinviteAcknowledged(ack);
                return;
            }

            _invite.AckReceived();
            if (_answer is null && !ack.Body.IsEmpty)
            {
                // The INVITE came without an offer: ours went in the 200, the answer comes in the ACK (§13.2.1).
                Media.Accept(ack);
            }

            Connect();
        }
    }

    /// <summary>
    /// Our 200, under the lock. Only this call answers its INVITE finally, always under the lock, so
    /// the 200 goes out. The dialog is findable before it does: the ACK may come at once on another
    /// receive thread (it then waits for the lock).
    /// </summary>
    private void SendOk()
    {
        var ok = _invite.CreateResponse(SipStatus.Ok);
        ok.Headers.Add(HeaderName.Contact, _contact.ToString());
        ok.Headers.Add(HeaderName.Allow, PhoneNetwork.AllowedMethods);
        CallMedia.Attach(ok, _answer ?? Media.Offer());
        Dialog = Dialog.CreateUas(_invite.Request, _invite.LocalTag, _invite.Incoming.Source, _contact);
        Network.Index(Dialog.Id, this);
        _invite.Respond(ok);
        MoveTo(CallPhase.Accepting);
    }

    /// <summary>A final refusal (under the lock or not); true when it went out, so the call ends as refused.</summary>
    private bool Refuse(int status)
    {
        lock (Sync)
        {
            if (Phase is not (CallPhase.Setup or CallPhase.Early) || !_invite.TryRespond(_invite.CreateResponse(status)))
            {
                return false;
            }

            RefusedStatus = status;
            return true;
        }
    }

    /// <summary>Timer L: our 200 was never acknowledged; the session is ended with a BYE (§13.3.1.4).</summary>
    private void OnAckTimedOut(ServerInviteTransaction transaction)
    {
        lock (Sync)
        {
            if (Phase == CallPhase.Accepting && Dialog is { } dialog)
            {
                Network.Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, new FinalResponse());
            }
        }

        Finish(CallEnding.Failed);
    }
}
