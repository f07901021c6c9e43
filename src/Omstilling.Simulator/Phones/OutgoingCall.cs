using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// A call this phone places (RFC 3261 §13.2): the INVITE with our offer, the digest challenge
/// answered once when the phone has a password (same Call-ID and tags, CSeq + 1, §22.2), the ACK of
/// the 2xx (again for each retransmission), CANCEL before the answer and BYE after. Thread-safe.
/// </summary>
public sealed class OutgoingCall : SimulatedCall
{
    private readonly SipEndPoint _destination;
    private readonly NameAddress _contact;
    private readonly InviteResponses _responses;
    private ClientInviteTransaction? _invite;
    private bool _challenged;
    private bool _cancelled;

    internal OutgoingCall(SimulatedPhone phone, SipUri target, SipEndPoint destination)
        : base(phone, SipIds.NewCallId(phone.Network.Host))
    {
        Target = target;
        _destination = destination;
        _contact = Network.ContactOf(phone.User);
        _responses = new InviteResponses(this);
    }

    /// <summary>The Request-URI called.</summary>
    public SipUri Target { get; }

    /// <summary>True once a provisional answer above 100 came (180 Ringing, 183).</summary>
    public bool Rang { get; private set; }

    /// <summary>CANCEL (§9.1): the transaction sends it once a provisional response came (a server's 100 comes at once). Under the lock.</summary>
    private protected override CallEnding? HangUpUnanswered()
    {
        _cancelled = true;
        MoveTo(CallPhase.Ending);
        _invite!.Cancel();
        return null;
    }

    internal void Start()
    {
        var request = CreateInvite();
        lock (Sync)
        {
            _invite = (ClientInviteTransaction)Network.Stack.SendRequest(request, _destination, _responses);
        }
    }


    internal override void OnAck(SipRequest ack)
    {
        lock (Sync)
        {
            ReinviteAcknowledged(ack);
        }
    }

    internal override void OnStray2xx(SipResponse response)
    {
        lock (Sync)
        {
            Acknowledge(response);
        }
    }

    private void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        CallEnding? ending = null;
        lock (Sync)
        {
            if (!ReferenceEquals(transaction, _invite))
            {
                return; // The challenged first INVITE's transaction: its final answer was dealt with.
            }

            if (response.IsProvisional)
            {
                if (response.StatusCode > SipStatus.Trying)
                {
                    Rang = true;
                    MoveTo(CallPhase.Early);
                }

                return;
            }

            if (response.IsSuccess)
            {
                Answer(response);
            }
            else if (Phone.Credentials is { } credentials && !_challenged && !_cancelled && PhoneCredentials.IsChallenge(response))
            {
                _challenged = true;
                var retry = CreateInvite(_invite.Request.CSeq.Number + 1);
                if (credentials.Authorize(response, retry))
                {
                    _invite = (ClientInviteTransaction)Network.Stack.SendRequest(retry, _destination, _responses);
                    return;
                }

                ending = Refused(response.StatusCode);
            }
            else
            {
                ending = Refused(response.StatusCode);
            }
        }

        if (ending is { } how)
        {
            Finish(how);
        }
    }

    private CallEnding Refused(int status)
    {
        RefusedStatus = status;
        return _cancelled ? CallEnding.Cancelled : CallEnding.Refused;
    }

    /// <summary>A 2xx: the dialog, the ACK, the answer's SDP; a call cancelled meanwhile is hung up at once. Under the lock.</summary>
    private void Answer(SipResponse response)
    {
        if (Dialog is not null)
        {
            Acknowledge(response);
            return;
        }

        var dialog = Dialog.CreateUac(_invite!.Request, response, _destination, _contact);

        // Findable before the ACK leaves: the other side may send BYE the moment it has it.
        Dialog = dialog;
        Network.Index(dialog.Id, this);
        Network.Stack.SendAck(dialog.CreateAck(_invite.Request.CSeq.Number), dialog.Peer);
        var usable = Media.Accept(response);
        if (!usable)
        {
            PhoneLog.UnusableAnswer(Network.Logger, Phone.User, CallId);
        }

        if (_cancelled)
        {
            // Our CANCEL crossed the answer (§9.1): the call is up after all, so it is hung up.
            MarkAnswered();
            SendBye(CallEnding.HungUpHere);
            return;
        }

        Connect();
        if (!usable)
        {
            SendBye(CallEnding.Failed);
        }
    }

    /// <summary>A 2xx seen before: ACKed again (§13.2.2.4); one from another fork (a different To tag) is ACKed and hung up.</summary>
    private void Acknowledge(SipResponse response)
    {
        if (Dialog is not { } dialog || _invite is null)
        {
            return;
        }

        if (dialog.Id.RemoteTag == (response.To.Tag ?? ""))
        {
            Network.Stack.SendAck(dialog.CreateAck(_invite.Request.CSeq.Number), dialog.Peer);
            return;
        }

        var fork = Dialog.CreateUac(_invite.Request, response, _destination, _contact);
        Network.Stack.SendAck(fork.CreateAck(_invite.Request.CSeq.Number), fork.Peer);
        Network.Stack.SendRequest(fork.CreateRequest(SipMethod.Bye), fork.Peer, new FinalResponse());
    }

    private SipRequest CreateInvite(uint cseq = 1)
    {
        var host = Network.Host;
        var headers = new SipHeaders(12);
        var from = _invite?.Request.From ?? new NameAddress(SipUri.Sip(Phone.User, host), Phone.DisplayName).WithTag(SipIds.NewTag());
        headers.Add(HeaderName.From, from.ToString());
        headers.Add(HeaderName.To, new NameAddress(Target).ToString());
        headers.Add(HeaderName.CallId, CallId);
        headers.Add(HeaderName.CSeq, new CSeq(cseq, SipMethod.Invite).ToString());
        headers.Add(HeaderName.Contact, _contact.ToString());
        headers.Add(HeaderName.Allow, PhoneNetwork.AllowedMethods);
        headers.Add(HeaderName.UserAgent, Network.Stack.Options.UserAgent);
        var invite = new SipRequest(SipMethod.Invite, Target, headers);
        CallMedia.Attach(invite, _invite is { } first ? first.Request.BodyText : Media.Offer());
        return invite;
    }

    /// <summary>The INVITE's owner, kept off the public type (responses arrive on receive threads).</summary>
    private sealed class InviteResponses(OutgoingCall call) : IClientTransactionOwner
    {
        public void OnResponse(ClientTransaction transaction, SipResponse response) => call.OnResponse(transaction, response);
    }
}
