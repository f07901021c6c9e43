using Omstilling.Calls.Signalling;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Parts.Support;

/// <summary>A caller's leg on a real INVITE from the phone, its media prepared.</summary>
internal sealed class LegBench : IAsyncDisposable
{
    private Dialog? _phoneDialog;

    public LegBench(string? body = null)
    {
        Leg = NewLeg(Rig, Rig.Invite(body: body));
        Assert.Equal(CallerMediaSetup.Ready, Leg.PrepareMedia(Rig.NewMedia()));
    }

    public PartsRig Rig { get; } = new();

    public CallerLeg Leg { get; }

    public RecordingListener Listener { get; } = new();

    public static CallerLeg NewLeg(PartsRig rig, Omstilling.Sip.Transactions.ServerInviteTransaction invite) =>
        new(invite, rig.Server, rig.Registry, rig.Registry, new ResponseSink(), rig.Clock, "2002");

    /// <summary>The statuses the caller got for its INVITE, in order.</summary>
    public int[] InviteResponses()
    {
        Rig.Deliver();
        return [.. Rig.PhoneCore.Responses.Where(r => r.CSeq.Method == SipMethod.Invite && r.CSeq.Number == 1).Select(r => r.StatusCode)];
    }

    public int OksSent() => Rig.Network.Sent.Count(p => p.To.Equals(PartsRig.PhoneAddress) && p.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && p.Text.Contains("1 INVITE", StringComparison.Ordinal));

    /// <summary>The phone ACKs our 2xx (to its INVITE, or to its re-INVITE <paramref name="cseq"/>): the ACK as it reached us.</summary>
    public SipRequest PhoneAcks(uint cseq = 1, string? sdp = null)
    {
        Rig.Deliver();
        var outgoing = Rig.PhoneCore.Outgoing!;
        var ok = Rig.PhoneCore.Responses.First(r => r.StatusCode == 200 && r.CSeq.Method == SipMethod.Invite);
        _phoneDialog ??= Dialog.CreateUac(outgoing.Request, ok, Rig.ServerEndPoint, new NameAddress(SipUri.Sip("2001", PartsRig.PhoneAddress.Address.ToString(), PartsRig.PhoneAddress.Port)));
        var ack = _phoneDialog.CreateAck(cseq);
        if (sdp is not null)
        {
            ack.Headers.Add(HeaderName.ContentType, "application/sdp");
            ack.Body = System.Text.Encoding.ASCII.GetBytes(sdp);
        }

        var before = Rig.ServerCore.Acks.Count;
        Rig.Phone.SendAck(ack, Rig.ServerEndPoint);
        Rig.Deliver();
        Assert.Equal(before + 1, Rig.ServerCore.Acks.Count);
        return Rig.ServerCore.Acks.Last();
    }

    /// <summary>
    /// The phone sends a request in its dialog with us: our server transaction for it. A re-INVITE
    /// carries the phone's usual SDP unless <paramref name="body"/> says otherwise ("" for none).
    /// </summary>
    public Omstilling.Sip.Transactions.ServerTransaction PhoneSendsInDialog(SipMethod method, string? body = null, string? contentType = null, uint? cseq = null)
    {
        var request = _phoneDialog!.CreateRequest(method);
        body ??= method == SipMethod.Invite ? Omstilling.Calls.Tests.Support.TestPhone.Sdp("again") : "";
        if (body.Length > 0)
        {
            request.Headers.Add(HeaderName.ContentType, contentType ?? "application/sdp");
            request.Body = System.Text.Encoding.ASCII.GetBytes(body);
        }

        if (cseq is { } number)
        {
            request.Headers.Set(HeaderName.CSeq, new CSeq(number, method).ToString());
        }

        var before = Rig.ServerCore.Requests.Count;
        Rig.Phone.SendRequest(request, Rig.ServerEndPoint, Rig.PhoneCore);
        Rig.Deliver();
        Assert.Equal(before + 1, Rig.ServerCore.Requests.Count);
        return Rig.ServerCore.Requests.Last();
    }

    /// <summary>Answers the caller and lets the phone ACK it: a confirmed dialog on both sides.</summary>
    public LegBench Answered()
    {
        Assert.True(Leg.Answer(Listener));
        Leg.OnAck(PhoneAcks());
        return this;
    }

    /// <summary>The status of our last response to the phone's last in-dialog request.</summary>
    public int LastStatus()
    {
        Rig.Deliver();
        return Rig.PhoneCore.Responses.Last().StatusCode;
    }

    public ValueTask DisposeAsync() => Rig.DisposeAsync();
}
