using Omstilling.Calls.Signalling.MessageWaiting;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Sip.UserAgent;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The transaction user of the platform: REGISTER goes to the registrar, OPTIONS is answered
/// here (keep-alive probes from trunks and Kamailio), SUBSCRIBEs to message-waiting go to the
/// <see cref="MwiSubscriptions"/>, calls go to the <see cref="CallManager"/>.
/// Every request first passes the UAS checks of RFC 3261 §8.2. Thread-safe.
/// </summary>
public sealed class SipServer : ISipCore
{
    private readonly SipRegistrar _registrar;
    private readonly CallManager _calls;
    private readonly MwiSubscriptions _messageWaiting;
    private readonly UasRequestChecks _checks;
    private readonly string _userAgent;

    internal SipServer(SipRegistrar registrar, CallManager calls, MwiSubscriptions messageWaiting, UasRequestChecks checks, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(messageWaiting);
        ArgumentNullException.ThrowIfNull(checks);
        _registrar = registrar;
        _calls = calls;
        _messageWaiting = messageWaiting;
        _checks = checks;
        _userAgent = userAgent;
    }

    public bool Supports(SipMethod method) =>
        method == SipMethod.Invite || method == SipMethod.Ack || method == SipMethod.Cancel || method == SipMethod.Bye ||
        method == SipMethod.Options || method == SipMethod.Register || method == SipMethod.Info || method == SipMethod.Refer ||
        method == SipMethod.Subscribe;

    public void OnRequest(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        try
        {
            Dispatch(transaction);
        }
#pragma warning disable CA1031 // A bug in one request's handling must still answer it: an unanswered INVITE would wait forever.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _calls.RequestFaults.Contain(e, transaction.Incoming.Source, $"a {transaction.Request.Method} (answered 500)");
            transaction.TryRespond(transaction.CreateResponse(SipStatus.ServerInternalError));
        }
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
            if (!_messageWaiting.TryHandleInDialog(transaction))
            {
                _calls.OnInDialogRequest(transaction);
            }

            return;
        }

        if (request.Method == SipMethod.Register)
        {
            _registrar.Handle(transaction);
        }
        else if (request.Method == SipMethod.Options)
        {
            var ok = transaction.CreateResponse(SipStatus.Ok);
            ok.Headers.Add(HeaderName.Allow, CallManager.AllowedMethods + ", REGISTER, SUBSCRIBE");
            ok.Headers.Add(HeaderName.AllowEvents, MessageSummary.EventPackage);
            ok.Headers.Add(HeaderName.Accept, "application/sdp");
            ok.Headers.Add(HeaderName.Server, _userAgent);
            transaction.Respond(ok);
        }
        else if (request.Method == SipMethod.Invite)
        {
            _calls.OnInvite((ServerInviteTransaction)transaction);
        }
        else if (request.Method == SipMethod.Subscribe)
        {
            _messageWaiting.OnSubscribe(transaction);
        }
        else
        {
            // BYE, INFO or REFER without a To tag cannot belong to a dialog.
            transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
        }
    }

    public void OnAck(IncomingMessage ack) => _calls.OnAck(ack);

    public void OnCancel(ServerInviteTransaction invite) => _calls.OnCancel(invite);

    public void OnStray2xx(IncomingMessage response) => _calls.OnStray2xx(response);
}
