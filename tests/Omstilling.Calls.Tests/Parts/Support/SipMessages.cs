using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Tests.Parts.Support;

/// <summary>SIP messages made by hand for the parts' tests.</summary>
internal static class SipMessages
{
    /// <summary>An INVITE from us to a phone of <paramref name="to"/>, never sent.</summary>
    public static SipRequest Invite(string from = "2001", string to = "2002")
    {
        var headers = new SipHeaders();
        headers.Add(HeaderName.Via, $"SIP/2.0/UDP {PartsRig.ServerAddress};branch={SipIds.NewBranch()}");
        headers.Add(HeaderName.From, $"<sip:{from}@{PartsRig.ServerAddress.Address}>;tag={SipIds.NewTag()}");
        headers.Add(HeaderName.To, $"<sip:{to}@{PartsRig.PhoneAddress.Address}>");
        headers.Add(HeaderName.CallId, SipIds.NewCallId("parts"));
        headers.Add(HeaderName.CSeq, new CSeq(1, SipMethod.Invite).ToString());
        headers.Add(HeaderName.Contact, $"<sip:{from}@{PartsRig.ServerAddress}>");
        return new SipRequest(SipMethod.Invite, SipUri.Sip(to, PartsRig.PhoneAddress.Address.ToString()), headers);
    }

    /// <summary>The phone's response to <paramref name="request"/>, with its Contact; a 2xx carries <paramref name="sdp"/> (the phone's usual answer when null).</summary>
    public static SipResponse Response(SipRequest request, int status, string? toTag = null, string? sdp = null)
    {
        var response = SipResponses.Create(request, status, null, status == SipStatus.Trying ? null : toTag ?? SipIds.NewTag());
        response.Headers.Add(HeaderName.Contact, $"<sip:{request.To.Uri.User}@{PartsRig.PhoneAddress}>");
        if (status is >= 200 and < 300 && sdp is not "")
        {
            response.Headers.Add(HeaderName.ContentType, "application/sdp");
            response.Body = System.Text.Encoding.ASCII.GetBytes(sdp ?? TestPhone.Sdp("phone"));
        }

        return response;
    }

    /// <summary>The dialog a 2xx to <paramref name="invite"/> makes on our side, and our ACK in it.</summary>
    public static (Dialog Dialog, SipRequest Ack) Answered(SipRequest invite, SipResponse ok)
    {
        var dialog = Dialog.CreateUac(invite, ok, new(Omstilling.Sip.Transport.SipTransportKind.Udp, PartsRig.PhoneAddress), new NameAddress(SipUri.Sip("2001", PartsRig.ServerAddress.Address.ToString())));
        return (dialog, dialog.CreateAck(invite.CSeq.Number));
    }

    /// <summary>The phone answers our INVITE (a provisional, a refusal, or a 2xx with SDP) and the answer is delivered.</summary>
    public static void Respond(PartsRig rig, ServerInviteTransaction invite, int status, string? sdp = null)
    {
        invite.Respond(Response(invite.Request, status, invite.LocalTag, sdp));
        rig.Deliver();
    }
}
