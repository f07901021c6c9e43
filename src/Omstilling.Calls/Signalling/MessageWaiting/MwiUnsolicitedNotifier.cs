using System.Globalization;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Signalling.MessageWaiting;

/// <summary>
/// Unsolicited message-waiting indication: a NOTIFY outside any dialog with the box's counts to
/// every phone registered for the box's extension, for phones set up to take MWI without
/// subscribing (many desk phones can). No RFC describes it; the NOTIFY is as a subscription's
/// would be, with <c>Subscription-State: terminated</c> as there is no subscription to keep.
/// Stateless between changes; thread-safe.
/// </summary>
internal sealed class MwiUnsolicitedNotifier(SipStack stack, BindingStore bindings, IMessageWaiting boxes, Func<string, SipEndPoint, NameAddress> contactFor, ILogger logger)
    : IClientTransactionOwner
{
    /// <summary>Tells every phone registered for <paramref name="box"/> its counts now.</summary>
    public void Notify(string box)
    {
        var phones = bindings.Lookup(box);
        if (phones.Count == 0)
        {
            return;
        }

        var counts = boxes.CountsFor(box);
        foreach (var phone in phones)
        {
            var host = SipStack.FormatHost(stack.LocalEndPointFor(phone.Source).Address);
            var us = new NameAddress(SipUri.Sip(box, host));
            var headers = new SipHeaders(10);
            headers.Add(HeaderName.From, us.WithTag(SipIds.NewTag()).ToString());
            headers.Add(HeaderName.To, new NameAddress(SipUri.Sip(box, host)).ToString());
            headers.Add(HeaderName.CallId, SipIds.NewCallId(host));
            headers.Add(HeaderName.CSeq, new CSeq(1, SipMethod.Notify).ToString());
            headers.Add(HeaderName.Contact, contactFor(box, phone.Source).ToString());
            headers.Add(HeaderName.Event, MessageSummary.EventPackage);
            headers.Add(HeaderName.SubscriptionState, "terminated");
            headers.Add(HeaderName.ContentType, MessageSummary.ContentType);
            var notify = new SipRequest(SipMethod.Notify, phone.Contact, headers, MessageSummary.Body(counts, us.Uri));
            stack.SendRequest(notify, phone.Source, this, box);
        }

        logger.UnsolicitedSent(box, phones.Count);
    }

    /// <summary>A phone's answer: nothing follows from it; a refusal is logged.</summary>
    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsFinal && !response.IsSuccess)
        {
            logger.NotifyFailed(Convert.ToString(transaction.Tag, CultureInfo.InvariantCulture) ?? "?", transaction.Destination, response.StatusCode, response.ReasonPhrase);
        }
    }
}
