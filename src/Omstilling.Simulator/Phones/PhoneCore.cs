using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Sip.UserAgent;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// The transaction user of the phones' stack: every request first passes the UAS checks of RFC
/// 3261 §8.2; one in a dialog goes to its call (481 when none), a new INVITE to the phone of its
/// Request-URI's user (404 when none), OPTIONS is answered 200, anything else 405. A failure in
/// handling a request is contained and answered 500, so nothing from the network throws out of
/// the receive path. Called on the stack's receive threads; thread-safe.
/// </summary>
internal sealed class PhoneCore(PhoneNetwork network) : ISipCore
{
    private readonly UasRequestChecks _checks = new()
    {
        AcceptedBodies = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["INFO"] = ["application/dtmf-relay", "application/dtmf"],

            // A transfer's progress (RFC 3515 §2.4.5).
            ["NOTIFY"] = ["message/sipfrag"],
        },
    };

    public bool Supports(SipMethod method) =>
        method == SipMethod.Invite || method == SipMethod.Ack || method == SipMethod.Cancel || method == SipMethod.Bye ||
        method == SipMethod.Options || method == SipMethod.Info || method == SipMethod.Notify || method == SipMethod.Register;

    public void OnRequest(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        try
        {
            Dispatch(transaction);
        }
#pragma warning disable CA1031 // The boundary: a bug in one request's handling still answers it, and the next request is served.
        catch (Exception e)
#pragma warning restore CA1031
        {
            network.Background.Contain(e, transaction.Incoming.Source, $"a {transaction.Request.Method} (answered 500)");
            transaction.TryRespond(transaction.CreateResponse(SipStatus.ServerInternalError));
        }
    }

    public void OnAck(IncomingMessage ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        network.Find(DialogId.ForIncoming(ack.Request))?.OnAck(ack.Request);
    }

    public void OnCancel(ServerInviteTransaction invite)
    {
        ArgumentNullException.ThrowIfNull(invite);

        // Every other INVITE is answered finally on the thread that received it, or (a new call
        // still being handed to its phone) sees IsCancelled when its call is made.
        (invite.UserState as IncomingCall)?.OnCancel();
    }

    public void OnStray2xx(IncomingMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var message = (SipResponse)response.Message;
        network.Find(new DialogId(message.CallId, message.From.Tag ?? "", message.To.Tag ?? ""))?.OnStray2xx(message);
    }

    private void Dispatch(ServerTransaction transaction)
    {
        if (_checks.RejectIfUnfit(transaction))
        {
            return;
        }

        var request = transaction.Request;

        if (request.To.Tag is not null)
        {
            if (network.Find(DialogId.ForIncoming(request)) is { } call)
            {
                call.OnInDialogRequest(transaction);
            }
            else
            {
                transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
            }

            return;
        }

        if (request.Method == SipMethod.Invite)
        {
            var user = request.RequestUri.UnescapedUser ?? request.To.Uri.UnescapedUser;
            if (user is not null && network.Find(user) is { } phone)
            {
                phone.OnInvite((ServerInviteTransaction)transaction);
            }
            else
            {
                transaction.Respond(SipStatus.NotFound);
            }
        }
        else if (request.Method == SipMethod.Options)
        {
            var ok = transaction.CreateResponse(SipStatus.Ok);
            ok.Headers.Add(HeaderName.Allow, PhoneNetwork.AllowedMethods);
            ok.Headers.Add(HeaderName.Accept, "application/sdp");
            transaction.Respond(ok);
        }
        else if (request.Method == SipMethod.Register)
        {
            // Phones are no registrar.
            var refusal = transaction.CreateResponse(SipStatus.MethodNotAllowed);
            refusal.Headers.Add(HeaderName.Allow, PhoneNetwork.AllowedMethods);
            transaction.Respond(refusal);
        }
        else
        {
            // BYE, INFO or NOTIFY without a To tag cannot belong to a dialog.
            transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
        }
    }
}
