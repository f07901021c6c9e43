using System.Globalization;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling.Referral;

/// <summary>Where the report of an accepted REFER is (RFC 3515 §2.4.4-2.4.5, RFC 6665 §4.2.2).</summary>
internal enum ReferReportState
{
    /// <summary>Nothing sent yet.</summary>
    NotStarted,

    /// <summary>The NOTIFY "100 Trying" is out; the next waits for its answer (one NOTIFY at a time).</summary>
    AwaitingTrying,

    /// <summary>The final NOTIFY is out (the subscription terminated); the transferring leg is released when it is answered.</summary>
    AwaitingFinal,

    /// <summary>Reported (or no report was wanted); the transferring leg may go.</summary>
    Done,
}

/// <summary>
/// Answers an accepted REFER and reports the transfer to the phone that sent it: <c>202 Accepted</c>,
/// then NOTIFYs in the same dialog (<c>Event: refer;id=CSeq</c>, <c>message/sipfrag</c>): "100 Trying"
/// while the subscription is active, and once that is answered the final status as it terminates.
/// Only then is the transferring leg released (<paramref name="done"/>), as a NOTIFY after our BYE
/// would find no dialog. A phone that does not answer a NOTIFY within <see cref="AnswerWait"/> is
/// released anyway. A phone that asked for no subscription (<c>Refer-Sub: false</c>, RFC 4488) gets
/// the 202 only. Used under the call's lock; its answers come through the call (the NOTIFYs'
/// transactions carry it as their tag).
/// </summary>
internal sealed class ReferNotifier(SipStack stack, Dialog dialog, IClientTransactionOwner responses, ServerTransaction refer, bool subscribe, Action<Action> locked, Action done)
{
    /// <summary>How long a NOTIFY's answer is waited for (a few retransmissions, RFC 3261's T1 = 500 ms).</summary>
    public static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(4);

    /// <summary>How long the implicit subscription lasts while the transfer is under way.</summary>
    public static readonly TimeSpan SubscriptionLength = TimeSpan.FromSeconds(60);

    private readonly string _eventId = refer.Request.CSeq.Number.ToString(CultureInfo.InvariantCulture);
    private int _finalStatus = SipStatus.Ok;
    private ScheduledTimer? _wait;

    public ReferReportState State { get; private set; }

    /// <summary>202 Accepted (with <c>Refer-Sub: false</c> when the phone asked for no NOTIFY), then the report of <paramref name="finalStatus"/>.</summary>
    public void Accept(SipScheduler scheduler, int finalStatus)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        Expect(ReferReportState.NotStarted);
        _finalStatus = finalStatus;
        var accepted = refer.CreateResponse(SipStatus.Accepted);
        accepted.Headers.Add(HeaderName.Contact, dialog.LocalContact.ToString());
        if (!subscribe)
        {
            accepted.Headers.Add(HeaderName.ReferSub, "false");
        }

        refer.Respond(accepted);
        if (!subscribe)
        {
            State = ReferReportState.Done;
            done();
            return;
        }

        Notify(SipStatus.Trying, final: false);
        State = ReferReportState.AwaitingTrying;
        _wait = scheduler.Schedule(AnswerWait, _ => locked(NoAnswer));
    }

    /// <summary>A response to one of our NOTIFYs: the next step once it is final.</summary>
    public void OnResponse(SipResponse response, SipScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsProvisional)
        {
            return;
        }

        switch (State)
        {
            case ReferReportState.AwaitingTrying:
                _wait?.Cancel();
                Notify(_finalStatus, final: true);
                State = ReferReportState.AwaitingFinal;
                _wait = scheduler.Schedule(AnswerWait, _ => locked(NoAnswer));
                return;
            case ReferReportState.AwaitingFinal:
                Finish();
                return;
            case ReferReportState.NotStarted or ReferReportState.Done:
                return; // a retransmitted answer, or one after we gave up waiting
            default:
                throw new System.Diagnostics.UnreachableException($"ReferReportState {State}");
        }
    }

    /// <summary>A NOTIFY went unanswered: the final one is sent (if it was not) and the leg released all the same.</summary>
    private void NoAnswer()
    {
        switch (State)
        {
            case ReferReportState.AwaitingTrying:
                Notify(_finalStatus, final: true);
                Finish();
                return;
            case ReferReportState.AwaitingFinal:
                Finish();
                return;
            case ReferReportState.NotStarted or ReferReportState.Done:
                return;
            default:
                throw new System.Diagnostics.UnreachableException($"ReferReportState {State}");
        }
    }

    private void Finish()
    {
        _wait?.Cancel();
        State = ReferReportState.Done;
        done();
    }

    private void Notify(int status, bool final)
    {
        var notify = dialog.CreateRequest(SipMethod.Notify);
        notify.Headers.Add(HeaderName.Contact, dialog.LocalContact.ToString());
        notify.Headers.Add(HeaderName.Event, "refer;id=" + _eventId);
        notify.Headers.Add(HeaderName.SubscriptionState, final
            ? "terminated;reason=noresource"
            : "active;expires=" + ((int)SubscriptionLength.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        notify.Headers.Add(HeaderName.ContentType, "message/sipfrag;version=2.0");
        notify.Body = System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {status} {SipStatus.DefaultReason(status)}\r\n"));
        stack.SendRequest(notify, dialog.Peer, responses, this);
    }

    private void Expect(ReferReportState state)
    {
        if (State != state)
        {
            throw new InvalidOperationException($"A REFER's report that is {State} cannot do this; it must be {state}.");
        }
    }
}
