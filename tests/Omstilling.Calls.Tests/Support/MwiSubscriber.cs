using System.Globalization;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Tests.Support;

/// <summary>
/// A test phone's message-waiting subscription: SUBSCRIBE (answering the 401), refresh and
/// unsubscribe in the dialog the 200 made, and the NOTIFYs that came of it.
/// </summary>
internal sealed class MwiSubscriber(B2buaFixture fixture, TestPhone phone)
{
    private string? _callId;

    /// <summary>The subscription's dialog, once a SUBSCRIBE was answered 2xx.</summary>
    public Dialog? Dialog { get; private set; }

    /// <summary>
    /// SUBSCRIBE outside a dialog to <paramref name="box"/> (the phone's own by default), answering
    /// a 401 with the phone's credentials; the last answer. Headers left null are not sent.
    /// </summary>
    public SipResponse Subscribe(long? expires = 3600, string? box = null, string? eventPackage = "message-summary", string? accept = null, bool authenticate = true)
    {
        _callId = SipIds.NewCallId("phone");
        var first = NewSubscribe(box ?? phone.User, 1, expires, eventPackage, accept);
        var answer = Send(first);
        if (answer.StatusCode != SipStatus.Unauthorized || !authenticate)
        {
            return Keep(first, answer);
        }

        var again = NewSubscribe(box ?? phone.User, 2, expires, eventPackage, accept);
        var challenge = DigestChallenge.TryParse(answer.Header(HeaderName.WwwAuthenticate)!)!;
        again.Headers.Add(HeaderName.Authorization, new DigestClient(phone.User, "demo" + phone.User).Answer(challenge, "SUBSCRIBE", again.RequestUri.ToString()));
        return Keep(again, Send(again));
    }

    /// <summary>SUBSCRIBE in the subscription's dialog: a refresh, or with 0 the end.</summary>
    public SipResponse Resubscribe(long expires, string eventPackage = "message-summary")
    {
        var request = Dialog!.CreateRequest(SipMethod.Subscribe);
        request.Headers.Add(HeaderName.Event, eventPackage);
        request.Headers.Add(HeaderName.Expires, expires.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(HeaderName.Contact, Contact);
        return Send(request);
    }

    /// <summary>The NOTIFYs of message-summary that reached the phone, in order.</summary>
    public SipRequest[] Notifies => [.. phone.Received.Where(r => r.Method == SipMethod.Notify && r.Header(HeaderName.Event) == "message-summary")];

    /// <summary>Those of this subscription's dialog.</summary>
    public SipRequest[] InDialog => [.. Notifies.Where(n => n.CallId == _callId)];

    private string Contact => $"<sip:{phone.User}@{phone.Address}>";

    private SipResponse Keep(SipRequest request, SipResponse answer)
    {
        if (answer.IsSuccess)
        {
            Dialog = Dialog.CreateUac(request, answer, fixture.ServerEndPoint, new NameAddress(SipUri.Sip(phone.User, phone.Address.Address.ToString(), phone.Address.Port)));
        }

        return answer;
    }

    private SipRequest NewSubscribe(string box, uint cseq, long? expires, string? eventPackage, string? accept)
    {
        var server = B2buaFixture.ServerAddress.Address.ToString();
        var headers = new SipHeaders();
        headers.Add(HeaderName.From, $"<sip:{phone.User}@{server}>;tag=s{phone.User}{_callId!.GetHashCode(StringComparison.Ordinal)}");
        headers.Add(HeaderName.To, $"<sip:{box}@{server}>");
        headers.Add(HeaderName.CallId, _callId);
        headers.Add(HeaderName.CSeq, new CSeq(cseq, SipMethod.Subscribe).ToString());
        headers.Add(HeaderName.Contact, Contact);
        if (eventPackage is not null)
        {
            headers.Add(HeaderName.Event, eventPackage);
        }

        if (expires is { } seconds)
        {
            headers.Add(HeaderName.Expires, seconds.ToString(CultureInfo.InvariantCulture));
        }

        if (accept is not null)
        {
            headers.Add(HeaderName.Accept, accept);
        }

        return new SipRequest(SipMethod.Subscribe, SipUri.Sip(box, server), headers);
    }

    /// <summary>Sends in a client transaction of the phone (which keeps the answers) and delivers until quiet; the final answer.</summary>
    private SipResponse Send(SipRequest request)
    {
        var before = phone.Responses.Count;
        phone.Stack.SendRequest(request, new SipEndPoint(SipTransportKind.Udp, B2buaFixture.ServerAddress), phone);
        fixture.Deliver();
        return phone.Responses.Skip(before).Last(r => r.IsFinal && r.CSeq.Number == request.CSeq.Number && r.CallId == request.CallId);
    }
}
