using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Runtime;

namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// A phone for load runs, on our own SIP stack over real UDP: places calls (answering 407
/// challenges), answers calls with a given SDP, hangs up. Every SDP it sends points at one media
/// socket, so a single receiving thread can time every stream.
/// </summary>
internal sealed class LoadPhone : ISipCore, IClientTransactionOwner, IAsyncDisposable
{
    private readonly SipStack _stack;
    private readonly SipEndPoint _server;
    private readonly string _user;
    private readonly DigestClient _digest;
    private readonly IPEndPoint _media;
    private int _sdpSession;

    public LoadPhone(string user, IPEndPoint local, IPEndPoint server, IPEndPoint media)
    {
        _user = user;
        _digest = new DigestClient(user, "demo" + user);
        _server = new SipEndPoint(SipTransportKind.Udp, server);
        _media = media;
        var faults = new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System);
        _stack = new SipStack(new SipStackOptions(), TimeProvider.System, NullLoggerFactory.Instance, faults);
        _stack.AddTransport(new UdpTransport(local, SipParserLimits.Default, faults, NullLogger<UdpTransport>.Instance));
    }

    /// <summary>Calls answered by this phone: the dialog and where the server wants our media.</summary>
    public ConcurrentQueue<(Dialog Dialog, IPEndPoint ServerMedia)> Answered { get; } = new();

    public Task StartAsync() => _stack.StartAsync(this, CancellationToken.None);

    public async Task RegisterAsync()
    {
        var callId = SipIds.NewCallId("load");
        var register = Request(SipMethod.Register, SipUri.Sip(null, _server.EndPoint.Address.ToString(), _server.EndPoint.Port), _user, 1, callId);
        register.Headers.Add(HeaderName.Contact, $"<sip:{_user}@{_stack.Transports[0].LocalEndPoint}>");
        var first = await SendAsync(register);
        var again = Request(SipMethod.Register, first.Request.RequestUri, _user, 2, callId);
        again.Headers.Add(HeaderName.Contact, $"<sip:{_user}@{_stack.Transports[0].LocalEndPoint}>");
        again.Headers.Add(HeaderName.Authorization, Answer(first.Response.Header(HeaderName.WwwAuthenticate)!, again));
        var done = await SendAsync(again);
        if (done.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"{_user} could not register: {done.Response.StatusCode}");
        }
    }

    /// <summary>Calls a number and waits for the 200 (after the 407 round); returns the dialog and the server's media address.</summary>
    public async Task<(Dialog Dialog, IPEndPoint ServerMedia)> CallAsync(string number)
    {
        var callId = SipIds.NewCallId("load");
        var uri = SipUri.Sip(number, _server.EndPoint.Address.ToString(), _server.EndPoint.Port);
        var first = await SendAsync(Invite(uri, number, 1, callId));
        var response = first.Response;
        var request = first.Request;
        if (response.StatusCode == SipStatus.ProxyAuthenticationRequired)
        {
            request = Invite(uri, number, 2, callId);
            request.Headers.Add(HeaderName.ProxyAuthorization, Answer(response.Header(HeaderName.ProxyAuthenticate)!, request));
            response = (await SendAsync(request)).Response;
        }

        if (response.StatusCode != 200)
        {
            throw new InvalidOperationException($"call to {number} got {response.StatusCode}");
        }

        var dialog = Dialog.CreateUac(request, response, _server, new NameAddress(SipUri.Sip(_user, "127.0.0.1")));
        _stack.SendAck(dialog.CreateAck(request.CSeq.Number), _server);
        return (dialog, MediaOf(response));
    }

    public void HangUp(Dialog dialog) => _stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), _server, this);

    public bool Supports(SipMethod method) => true;

    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Method == SipMethod.Invite && request.To.Tag is null)
        {
            var ok = transaction.CreateResponse(SipStatus.Ok);
            ok.Headers.Add(HeaderName.Contact, $"<sip:{_user}@{_stack.Transports[0].LocalEndPoint}>");
            ok.Headers.Add(HeaderName.ContentType, "application/sdp");
            ok.Body = System.Text.Encoding.ASCII.GetBytes(Sdp());
            var dialog = Dialog.CreateUas(request, transaction.LocalTag, _server, new NameAddress(SipUri.Sip(_user, "127.0.0.1")));
            transaction.Respond(ok);
            Answered.Enqueue((dialog, MediaOf(request)));
            return;
        }

        transaction.Respond(SipStatus.Ok);
    }

    public void OnAck(IncomingMessage ack)
    {
    }

    public void OnCancel(ServerInviteTransaction invite) => invite.TryRespond(invite.CreateResponse(SipStatus.RequestTerminated));

    public void OnStray2xx(IncomingMessage response)
    {
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (response.IsFinal && transaction.Tag is TaskCompletionSource<SipResponse> done)
        {
            done.TrySetResult(response);
        }
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    private static IPEndPoint MediaOf(SipMessage message)
    {
        var sdp = Omstilling.Media.Sdp.SessionDescription.Parse(message.BodyText);
        var audio = sdp.Media[0];
        return new IPEndPoint(sdp.ConnectionOf(audio)!, audio.Port);
    }

    private async Task<(SipRequest Request, SipResponse Response)> SendAsync(SipRequest request)
    {
        var done = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _stack.SendRequest(request, _server, this, done);
        return (request, await done.Task.WaitAsync(TimeSpan.FromSeconds(40)));
    }

    private SipRequest Invite(SipUri uri, string number, uint cseq, string callId)
    {
        var invite = Request(SipMethod.Invite, uri, number, cseq, callId);
        invite.Headers.Add(HeaderName.Contact, $"<sip:{_user}@{_stack.Transports[0].LocalEndPoint}>");
        invite.Headers.Add(HeaderName.ContentType, "application/sdp");
        invite.Body = System.Text.Encoding.ASCII.GetBytes(Sdp());
        return invite;
    }

    private string Sdp() =>
        $"v=0\r\no=- {Interlocked.Increment(ref _sdpSession)} 1 IN IP4 {_media.Address}\r\ns=load\r\nc=IN IP4 {_media.Address}\r\nt=0 0\r\n" +
        $"m=audio {_media.Port} RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\n";

    private SipRequest Request(SipMethod method, SipUri uri, string to, uint cseq, string callId)
    {
        var headers = new SipHeaders();
        headers.Add(HeaderName.From, $"<sip:{_user}@{_server.EndPoint.Address}>;tag=l{callId.GetHashCode(StringComparison.Ordinal):x}");
        headers.Add(HeaderName.To, $"<sip:{to}@{_server.EndPoint.Address}>");
        headers.Add(HeaderName.CallId, callId);
        headers.Add(HeaderName.CSeq, new CSeq(cseq, method).ToString());
        return new SipRequest(method, uri, headers);
    }

    private string Answer(string challenge, SipRequest request) =>
        _digest.Answer(DigestChallenge.TryParse(challenge)!, request.Method.Name, request.RequestUri.ToString());
}
