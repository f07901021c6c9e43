using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>What arrives on the call's legs: requests in its dialogs, ACKs, CANCEL, responses, keys.</summary>
internal sealed partial class Call
{
    /// <summary>The caller cancelled before an answer (§9.2): stop ringing and answer the INVITE 487.</summary>
    public void OnCallerCancel()
    {
        lock (_sync)
        {
            if (_leg.IsAnswered || _ended)
            {
                return;
            }

            _leg.Refuse(SipStatus.RequestTerminated);
            _ringer.AbandonCurrent();

            End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated);
        }
    }

    /// <summary>A request inside one of the call's dialogs: answered as the dialog and the leg's stream go, then what it means for the call.</summary>
    public void OnInDialogRequest(ServerTransaction transaction, CallSide from)
    {
        lock (_sync)
        {
            var branch = from == CallSide.Callee ? _ringer.BranchOf(DialogId.ForIncoming(transaction.Request)) : null;
            var own = from == CallSide.Caller ? _leg.Dialog : branch?.Dialog;
            var over = _ended || (branch is null ? _leg.IsReleased : branch.State == BranchState.Released);
            var media = branch is null ? _leg.Media : branch.Media;
            var result = InDialogRequests.Answer(transaction, own, over, media, _leg);
            switch (result.Outcome)
            {
                case InDialogOutcome.Nothing:
                    break;
                case InDialogOutcome.Bye when branch is null:
                    _leg.OnBye();
                    End(CallEndReason.CallerHungUp, null);
                    break;
                case InDialogOutcome.Bye:
                    branch.Released();
                    branch.Media.Close();
                    OnPartyHungUp(branch);
                    break;
                case InDialogOutcome.Key:
                    Guarded(() => _keyRouter.Route(from, result.Key), "a key (SIP INFO)");
                    break;
                case InDialogOutcome.Refer:
                    Guarded(() => AnsweredEvenIfFailing(transaction, () => _phoneTransfers.OnRefer(transaction, branch)), "a phone's transfer (REFER)");
                    break;
                case InDialogOutcome.Hold:
                    _connection.PhoneHeld(media!.Stream, result.Held);
                    _transfers.PhoneHeld(media.Stream, result.Held);
                    Emit(Event(result.Held ? CallEventKind.Held : CallEventKind.Resumed) with { Party = branch?.Party ?? Caller });
                    break;
                default:
                    throw new System.Diagnostics.UnreachableException($"InDialogOutcome {result.Outcome}");
            }
        }
    }

    /// <summary>A step that answers <paramref name="transaction"/>: should it fail, the request is answered 500 before the call ends.</summary>
    private static void AnsweredEvenIfFailing(ServerTransaction transaction, Action step)
    {
        try
        {
            step();
        }
        catch
        {
            transaction.TryRespond(transaction.CreateResponse(SipStatus.ServerInternalError));
            throw;
        }
    }

    /// <summary>An ACK in one of the call's dialogs (for our 2xx to the INVITE or a re-INVITE).</summary>
    public void OnAck(SipRequest ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        lock (_sync)
        {
            _leg.OnAck(ack);
        }
    }

    /// <summary>A 2xx retransmitted by a phone whose INVITE transaction is over: our ACK was lost, send it again.</summary>
    public void OnStray2xx(DialogId dialogId)
    {
        lock (_sync)
        {
            _ringer.OnStray2xx(dialogId);
        }
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (transaction.Tag is Referral.ReferNotifier notifier)
        {
            lock (_sync)
            {
                Guarded(() => notifier.OnResponse(response, _services.Scheduler), "a phone's answer to a REFER's NOTIFY");
            }

            return;
        }

        if (transaction.Tag is not Branch branch)
        {
            return; // a BYE's answer, or an extra fork's
        }

        lock (_sync)
        {
            Guarded(() => _ringer.OnResponse(branch, response), "a phone's answer");
        }
    }

    /// <summary>Ends a call that could not be started (its handling threw); called by the manager.</summary>
    internal void Abort()
    {
        lock (_sync)
        {
            _leg.Refuse(SipStatus.ServerInternalError);
            End(CallEndReason.Failed, SipStatus.ServerInternalError);
        }
    }

    /// <summary>Creates our stream towards the caller and answers its SDP offer; false when the call ended instead.</summary>
    public bool PrepareCallerMedia()
    {
        if (CreateMedia(() => LegMedia.Create(_services.Media, CallerSrtp, _leg.Invite.Incoming.IsSecure)) is not { } media)
        {
            return false;
        }

        switch (_leg.PrepareMedia(media))
        {
            case CallerMediaSetup.Ready:
                return true;
            case CallerMediaSetup.Unreadable:
                Refuse(SipStatus.BadRequest, LegMedia.UnreadableSdp, CallEndReason.Rejected);
                return false;
            case CallerMediaSetup.NoCommonCodec:
                Refuse(SipStatus.NotAcceptableHere, LegMedia.NotAcceptable, CallEndReason.Rejected);
                return false;
            default:
                throw new System.Diagnostics.UnreachableException("CallerMediaSetup");
        }
    }

    /// <summary>A plain stream for a callee's leg; when the RTP port range is used up the caller gets 503 and the call ends (null).</summary>
    private LegMedia? CreateMedia() => CreateMedia(() => LegMedia.Create(_services.Media));

    private LegMedia? CreateMedia(Func<LegMedia> create)
    {
        try
        {
            return create();
        }
        catch (InvalidOperationException)
        {
            _leg.Refuse(SipStatus.ServiceUnavailable, "No media ports free", retryAfter: "5");
            End(CallEndReason.Failed, SipStatus.ServiceUnavailable);
            return null;
        }
    }

    private void OnAckTimedOut()
    {
        if (_leg.IsAnswered)
        {
            End(CallEndReason.Failed, null);
        }
    }
}
