using Omstilling.Media.Dtmf;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Simulator.Phones;

/// <summary>Requests inside the call's dialog: BYE, re-INVITE (hold and resume), OPTIONS, INFO, and NOTIFY for a transfer (SimulatedCall.Transfer.cs).</summary>
public abstract partial class SimulatedCall
{
    private ServerInviteTransaction? _pendingReinvite;

    /// <summary>
    /// Answers a request in the dialog as a phone does (RFC 3261 §12.2.2, §14.2, §15.1.2): 481 when
    /// the call is over, 500 for a CSeq out of order, 200 to BYE, OPTIONS and INFO, a re-INVITE
    /// answered with our SDP, a NOTIFY as its REFER's subscription says. Returns how the call ends when the request ends it.
    /// </summary>
    private CallEnding? InDialog(ServerTransaction transaction)
    {
        var request = transaction.Request;
        lock (Sync)
        {
            if (request.Method == SipMethod.Notify)
            {
                // A REFER's subscription: a dialog usage of its own, which may outlast the call (RFC 5057).
                OnNotify(transaction);
                return null;
            }

            if (Dialog is not { } dialog || Phase == CallPhase.Ended)
            {
                transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
                return null;
            }

            if (!dialog.AcceptRemoteCSeq(request))
            {
                transaction.Respond(SipStatus.ServerInternalError, "CSeq out of order");
                return null;
            }

            if (request.Method == SipMethod.Bye)
            {
                transaction.Respond(SipStatus.Ok);

                // Both sides hung up at once: ours was first here, it ends as ours when the BYE's answer comes.
                return Phase == CallPhase.Ending ? null : CallEnding.HungUpThere;
            }

            if (request.Method == SipMethod.Invite)
            {
                Reinvite((ServerInviteTransaction)transaction);
                return null;
            }

            if (request.Method == SipMethod.Info && SipInfoDtmf.Parse(request.ContentType, request.BodyText) is { } digit)
            {
                Media.OnInfoDigit(digit);
            }

            if (request.Method == SipMethod.Options || request.Method == SipMethod.Info)
            {
                var ok = transaction.CreateResponse(SipStatus.Ok);
                ok.Headers.Add(HeaderName.Allow, PhoneNetwork.AllowedMethods);
                transaction.Respond(ok);
                return null;
            }

            transaction.Respond(SipStatus.NotImplemented);
            return null;
        }
    }

    /// <summary>A re-INVITE (the server holds or resumes us, §14.2): answered with our SDP on the same stream.</summary>
    private void Reinvite(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        var status = Media.AnswerOffer(request, out var answer);
        if (status != SipStatus.Ok)
        {
            transaction.Respond(status);
            return;
        }

        Dialog!.UpdateRemoteTarget(request);
        var ok = transaction.CreateResponse(SipStatus.Ok);
        ok.Headers.Add(HeaderName.Contact, Dialog.LocalContact.ToString());
        CallMedia.Attach(ok, answer ?? Media.Offer());
        transaction.Respond(ok);
        _pendingReinvite = transaction;
    }

    /// <summary>An ACK for our 200 to a re-INVITE: its retransmissions stop. Under the lock.</summary>
    private protected void ReinviteAcknowledged(SipRequest ack)
    {
        _pendingReinvite?.AckReceived();
        _pendingReinvite = null;
        if (!ack.Body.IsEmpty)
        {
            // The answer to the offer we made in a 200 to a re-INVITE without SDP.
            Media.Accept(ack);
        }
    }
}
