using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Runtime;

namespace Omstilling.Calls.Tests.Support;

/// <summary>How a test phone answers an incoming INVITE.</summary>
internal enum PhoneBehaviour
{
    RingThenAnswer,
    RingForever,
    Busy,
    Decline,
    Silent,
}

/// <summary>
/// A phone built on our own SIP stack for in-memory tests: it registers, calls (answering 407
/// challenges), rings, answers, hangs up and records what reached it.
/// </summary>
internal sealed class TestPhone : ISipCore, IClientTransactionOwner
{
    private readonly B2buaFixture _fixture;
    private readonly string _password;
    private ClientInviteTransaction? _outgoing;

    /// <param name="secure">Signalling over the server's TLS transport instead of UDP.</param>
    public TestPhone(B2buaFixture fixture, string user, IPEndPoint address, bool secure = false)
    {
        Server = secure ? fixture.SecureServerEndPoint : fixture.ServerEndPoint;
        _fixture = fixture;
        User = user;
        _password = "demo" + user;
        Address = address;
        Stack = new SipStack(new SipStackOptions(), fixture.Time, NullLoggerFactory.Instance, new FaultMonitor(NullLoggerFactory.Instance, fixture.Time));
        Stack.AddTransport(fixture.Network.Attach(Server.Transport, address));
    }

    public string User { get; }

    /// <summary>Where the phone sends its requests: the server's UDP or its secure transport.</summary>
    public SipEndPoint Server { get; }

    public IPEndPoint Address { get; }

    public SipStack Stack { get; }

    public PhoneBehaviour Behaviour { get; set; } = PhoneBehaviour.RingThenAnswer;

    /// <summary>How the phone answers a NOTIFY (200 unless a test makes it forget its subscriptions: 481).</summary>
    public int NotifyAnswer { get; set; } = SipStatus.Ok;

    public ConcurrentQueue<SipResponse> Responses { get; } = new();

    public ConcurrentQueue<SipRequest> Received { get; } = new();

    public Dialog? Dialog { get; private set; }

    public ServerInviteTransaction? Ringing { get; private set; }

    public int[] Statuses => Responses.Select(r => r.StatusCode).ToArray();

    /// <summary>The SDP this phone offers in its INVITEs.</summary>
    public string? Body { get; set; }

    /// <summary>The SDP this phone answers with (default: PCMA and telephone-event).</summary>
    public string? AnswerBody { get; set; }

    public bool Supports(SipMethod method) => true;

    public SipResponse Register()
    {
        var request = NewRequest(SipMethod.Register, SipUri.Sip(null, B2buaFixture.ServerAddress.Address.ToString()), User, 1);
        request.Headers.Add(HeaderName.Contact, $"<sip:{User}@{Address}>");
        Send(request);
        var challenge = Responses.Last();
        if (challenge.StatusCode != SipStatus.Unauthorized)
        {
            return challenge;
        }

        var again = NewRequest(SipMethod.Register, request.RequestUri, User, 2, request.CallId);
        again.Headers.Add(HeaderName.Contact, $"<sip:{User}@{Address}>");
        again.Headers.Add(HeaderName.Authorization, Answer(challenge.Header(HeaderName.WwwAuthenticate)!, again));
        Send(again);
        return Responses.Last();
    }

    /// <summary>Removes the phone's binding (REGISTER with Expires: 0), answering the registrar's challenge.</summary>
    public SipResponse Unregister()
    {
        var request = NewRequest(SipMethod.Register, SipUri.Sip(null, B2buaFixture.ServerAddress.Address.ToString()), User, 10);
        request.Headers.Add(HeaderName.Contact, "*");
        request.Headers.Add(HeaderName.Expires, "0");
        Send(request);
        var challenge = Responses.Last();
        if (challenge.StatusCode != SipStatus.Unauthorized)
        {
            return challenge;
        }

        var again = NewRequest(SipMethod.Register, request.RequestUri, User, 11, request.CallId);
        again.Headers.Add(HeaderName.Contact, "*");
        again.Headers.Add(HeaderName.Expires, "0");
        again.Headers.Add(HeaderName.Authorization, Answer(challenge.Header(HeaderName.WwwAuthenticate)!, again));
        Send(again);
        return Responses.Last();
    }

    /// <summary>How many INVITEs (new calls, not re-INVITEs) reached this phone.</summary>
    public int InviteCount => Received.Count(r => r.Method == SipMethod.Invite && r.To.Tag is null);

    /// <summary>Calls a number; answers a 407 with credentials (when <paramref name="authenticate"/>).</summary>
    public void Call(string number, bool authenticate = true)
    {
        var invite = NewInvite(number, 1, SipIds.NewCallId("phone"));
        _outgoing = (ClientInviteTransaction)Stack.SendRequest(invite, Server, this);
        _fixture.Deliver();
        var challenge = Responses.LastOrDefault(r => r.StatusCode == SipStatus.ProxyAuthenticationRequired);
        if (challenge is null || !authenticate)
        {
            return;
        }

        var again = NewInvite(number, 2, invite.CallId);
        again.Headers.Add(HeaderName.ProxyAuthorization, Answer(challenge.Header(HeaderName.ProxyAuthenticate)!, again));
        _outgoing = (ClientInviteTransaction)Stack.SendRequest(again, Server, this);
        _fixture.Deliver();
    }

    /// <summary>Cancels the call being made; with <paramref name="deliver"/> false the CANCEL waits on the network (it races an answer).</summary>
    public void CancelCall(bool deliver = true)
    {
        _outgoing!.Cancel();
        if (deliver)
        {
            _fixture.Deliver();
        }
    }

    /// <summary>Answers the ringing INVITE; with <paramref name="deliver"/> false the 200 waits on the network (two phones answering at once).</summary>
    public void Answer(bool deliver = true)
    {
        var ok = Ringing!.CreateResponse(SipStatus.Ok);
        ok.Headers.Add(HeaderName.Contact, $"<sip:{User}@{Address}>");
        ok.Headers.Add(HeaderName.ContentType, "application/sdp");
        ok.Body = System.Text.Encoding.ASCII.GetBytes(AnswerBody ?? Sdp(User));
        Dialog = Dialog.CreateUas(Ringing.Request, Ringing.LocalTag, new SipEndPoint(SipTransportKind.Udp, B2buaFixture.ServerAddress), new NameAddress(SipUri.Sip(User, Address.Address.ToString(), Address.Port)));
        Ringing.Respond(ok);
        if (deliver)
        {
            _fixture.Deliver();
        }
    }

    /// <summary>Refuses the ringing INVITE (603), as a user pressing "decline".</summary>
    public void Decline()
    {
        Ringing!.Respond(Ringing.CreateResponse(SipStatus.Decline));
        _fixture.Deliver();
    }

    public void HangUp()
    {
        Stack.SendRequest(Dialog!.CreateRequest(SipMethod.Bye), Dialog.Peer, this);
        _fixture.Deliver();
    }

    public void SendInDialog(SipMethod method, string? body = null)
    {
        var request = Dialog!.CreateRequest(method);
        if (body is not null)
        {
            request.Headers.Add(HeaderName.ContentType, method == SipMethod.Info ? "application/dtmf-relay" : "application/sdp");
            request.Body = System.Text.Encoding.ASCII.GetBytes(body);
        }

        Stack.SendRequest(request, Dialog.Peer, this);
        _fixture.Deliver();
    }

    /// <summary>
    /// Sends a REFER in <paramref name="dialog"/> (a desk phone's transfer key): Refer-To
    /// <paramref name="referTo"/> as written, Referred-By this phone, and <c>Refer-Sub</c> when given.
    /// </summary>
    public void Refer(Dialog dialog, string? referTo, string? referSub = null)
    {
        var refer = dialog.CreateRequest(SipMethod.Refer);
        if (referTo is not null)
        {
            refer.Headers.Add(HeaderName.ReferTo, referTo);
        }

        refer.Headers.Add(HeaderName.ReferredBy, $"<sip:{User}@{Address}>");
        refer.Headers.Add(HeaderName.Contact, $"<sip:{User}@{Address}>");
        if (referSub is not null)
        {
            refer.Headers.Add(HeaderName.ReferSub, referSub);
        }

        Stack.SendRequest(refer, dialog.Peer, this);
        _fixture.Deliver();
    }

    /// <summary>A REFER outside any dialog (no To tag), as a scanner or a confused phone might send.</summary>
    public void ReferOutsideDialog(string number, string referTo)
    {
        var refer = NewRequest(SipMethod.Refer, SipUri.Sip(number, B2buaFixture.ServerAddress.Address.ToString()), number, 1);
        refer.Headers.Add(HeaderName.ReferTo, referTo);
        refer.Headers.Add(HeaderName.Contact, $"<sip:{User}@{Address}>");
        Send(refer);
    }

    /// <summary>The status of the last response to a REFER, or 0.</summary>
    public int LastReferStatus => Responses.LastOrDefault(r => r.CSeq.Method == SipMethod.Refer)?.StatusCode ?? 0;

    /// <summary>The NOTIFYs this phone received: their sipfrag status lines and Subscription-State.</summary>
    public (string Fragment, string? State)[] Notifies =>
        [.. Received.Where(r => r.Method == SipMethod.Notify).Select(r => (r.BodyText.Trim(), r.Header(HeaderName.SubscriptionState)))];

    public void OnRequest(ServerTransaction transaction)
    {
        Received.Enqueue(transaction.Request);
        var request = transaction.Request;
        if (request.Method == SipMethod.Invite && request.To.Tag is null)
        {
            Ringing = (ServerInviteTransaction)transaction;
            switch (Behaviour)
            {
                case PhoneBehaviour.Busy:
                    transaction.Respond(SipStatus.BusyHere);
                    break;
                case PhoneBehaviour.Decline:
                    transaction.Respond(SipStatus.Decline);
                    break;
                case PhoneBehaviour.RingThenAnswer:
                case PhoneBehaviour.RingForever:
                    var ringing = transaction.CreateResponse(SipStatus.Ringing);
                    ringing.Headers.Add(HeaderName.Contact, $"<sip:{User}@{Address}>");
                    transaction.Respond(ringing);
                    break;
            }

            return;
        }

        if (request.Method == SipMethod.Bye && Dialog is not null)
        {
            Dialog.Terminate();
        }

        var ok = transaction.CreateResponse(request.Method == SipMethod.Notify ? NotifyAnswer : SipStatus.Ok);
        if (request.Method == SipMethod.Invite)
        {
            ok.Headers.Add(HeaderName.Contact, $"<sip:{User}@{Address}>");
            ok.Headers.Add(HeaderName.ContentType, "application/sdp");
            ok.Body = System.Text.Encoding.ASCII.GetBytes(Sdp(User + "-reinvite"));
        }

        transaction.Respond(ok);
    }

    public void OnAck(IncomingMessage ack) => Received.Enqueue(ack.Request);

    public void OnCancel(ServerInviteTransaction invite)
    {
        Received.Enqueue(SipParserCopy(invite));
        invite.TryRespond(invite.CreateResponse(SipStatus.RequestTerminated));
    }

    public void OnStray2xx(IncomingMessage response)
    {
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        Responses.Enqueue(response);
        if (transaction is ClientInviteTransaction && response.IsSuccess && transaction.Request.To.Tag is null)
        {
            Dialog = Dialog.CreateUac(transaction.Request, response, Server, new NameAddress(SipUri.Sip(User, Address.Address.ToString(), Address.Port)));
            Stack.SendAck(Dialog.CreateAck(transaction.Request.CSeq.Number), Server);
        }
        else if (transaction is ClientInviteTransaction && response.IsSuccess && Dialog is not null)
        {
            Stack.SendAck(Dialog.CreateAck(transaction.Request.CSeq.Number), Server);
        }
    }

    public bool ReceivedMethod(SipMethod method) => Received.Any(r => r.Method == method);

    private static SipRequest SipParserCopy(ServerInviteTransaction invite) =>
        new(SipMethod.Cancel, invite.Request.RequestUri);

    /// <summary>A phone's SDP; its media address is loopback's discard port, so nothing the server sends leaves the machine.</summary>
    public static string Sdp(string session, string direction = "sendrecv") =>
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns={session}\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na={direction}\r\n";

    private SipRequest NewInvite(string number, uint cseq, string callId)
    {
        var invite = NewRequest(SipMethod.Invite, SipUri.Sip(number, B2buaFixture.ServerAddress.Address.ToString()), number, cseq, callId);
        invite.Headers.Add(HeaderName.Contact, $"<sip:{User}@{Address}>");
        invite.Headers.Add(HeaderName.ContentType, "application/sdp");
        invite.Body = System.Text.Encoding.ASCII.GetBytes(Body ?? Sdp(User));
        return invite;
    }

    private SipRequest NewRequest(SipMethod method, SipUri uri, string toUser, uint cseq, string? callId = null)
    {
        var headers = new SipHeaders();
        headers.Add(HeaderName.From, $"\"Phone {User}\" <sip:{User}@{B2buaFixture.ServerAddress.Address}>;tag=t{User}{callId?.GetHashCode(StringComparison.Ordinal) ?? 0}");
        headers.Add(HeaderName.To, $"<sip:{toUser}@{B2buaFixture.ServerAddress.Address}>");
        headers.Add(HeaderName.CallId, callId ?? SipIds.NewCallId("phone"));
        headers.Add(HeaderName.CSeq, new CSeq(cseq, method).ToString());
        return new SipRequest(method, uri, headers);
    }

    private string Answer(string challengeHeader, SipRequest request) =>
        new DigestClient(User, _password).Answer(DigestChallenge.TryParse(challengeHeader)!, request.Method.Name, request.RequestUri.ToString());

    private void Send(SipRequest request)
    {
        Stack.SendRequest(request, Server, this);
        _fixture.Deliver();
    }
}
