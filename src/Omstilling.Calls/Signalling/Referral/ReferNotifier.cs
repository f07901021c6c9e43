using System.Globalization;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling.Referral;

/// <summary>
/// Answers an accepted REFER and reports the transfer's progress to the phone that sent it (RFC
/// 3515 §2.4.4-2.4.5): <c>202 Accepted</c>, then NOTIFYs in the same dialog with a
/// <c>message/sipfrag</c> body, "100 Trying" while the subscription is active and the final status
/// as it terminates. A phone that asked for no subscription (<c>Refer-Sub: false</c>, RFC 4488)
/// gets the 202 only. Used under the call's lock.
/// </summary>
internal sealed class ReferNotifier(SipStack stack, Dialog dialog, IClientTransactionOwner responses, ServerTransaction refer, bool subscribe)
{
    /// <summary>How long the implicit subscription lasts while the transfer is under way.</summary>
    public static readonly TimeSpan SubscriptionLength = TimeSpan.FromSeconds(60);

    private readonly string _eventId = refer.Request.CSeq.Number.ToString(CultureInfo.InvariantCulture);
    private bool _terminated;

    /// <summary>202 Accepted (with <c>Refer-Sub: false</c> when the phone asked for no NOTIFY), then "100 Trying".</summary>
    public void Accept()
    {
        var accepted = refer.CreateResponse(SipStatus.Accepted);
        accepted.Headers.Add(HeaderName.Contact, dialog.LocalContact.ToString());
        if (!subscribe)
        {
            accepted.Headers.Add(HeaderName.ReferSub, "false");
        }

        refer.Respond(accepted);
        Notify(SipStatus.Trying, final: false);
    }

    /// <summary>The transfer's outcome as the final NOTIFY (the subscription terminates); once.</summary>
    public void Finish(int status) => Notify(status, final: true);

    private void Notify(int status, bool final)
    {
        if (!subscribe || _terminated)
        {
            return;
        }

        _terminated = final;
        var notify = dialog.CreateRequest(SipMethod.Notify);
        notify.Headers.Add(HeaderName.Contact, dialog.LocalContact.ToString());
        notify.Headers.Add(HeaderName.Event, "refer;id=" + _eventId);
        notify.Headers.Add(HeaderName.SubscriptionState, final
            ? "terminated;reason=noresource"
            : "active;expires=" + ((int)SubscriptionLength.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        notify.Headers.Add(HeaderName.ContentType, "message/sipfrag;version=2.0");
        notify.Body = System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {status} {SipStatus.DefaultReason(status)}\r\n"));
        stack.SendRequest(notify, dialog.Peer, responses);
    }
}
