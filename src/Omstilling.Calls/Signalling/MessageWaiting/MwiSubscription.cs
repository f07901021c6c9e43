using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling.MessageWaiting;

/// <summary>
/// One phone's subscription to one voicemail box (RFC 3842 over RFC 6665): it answers the phone's
/// SUBSCRIBEs in its dialog, tells the box's counts in NOTIFYs (at once, on every change, on every
/// refresh), and ends when unsubscribed, when it expires, or when the phone refuses a NOTIFY.
/// Thread-safe: everything happens under its lock (a change comes on the voicemail store's
/// thread, a refresh on a receive thread, the expiry on the scheduler's); <paramref name="ended"/>
/// is told once, outside the lock.
/// </summary>
internal sealed class MwiSubscription(SipStack stack, Dialog dialog, string box, IMessageWaiting boxes, ILogger logger, Action<MwiSubscription, MwiEndReason> ended)
    : IClientTransactionOwner
{
    private readonly Lock _sync = new();
    private readonly SipUri _account = SipUri.Sip(box, dialog.LocalContact.Uri.Host);
    private ScheduledTimer? _expiry;
    private int _expiryGeneration;
    private DateTimeOffset _expiresAt;
    private MwiSubscriptionState _state;

    public Dialog Dialog => dialog;

    public string Box => box;

    /// <summary>Where it is now (for tests and logs; it may change at once).</summary>
    public MwiSubscriptionState State
    {
        get
        {
            lock (_sync)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Answers the SUBSCRIBE that made the subscription 200 and sends the first NOTIFY; with
    /// <paramref name="expires"/> zero (a fetch) that NOTIFY is the last (RFC 6665 §4.2.1.4).
    /// </summary>
    public void Accept(ServerTransaction subscribe, TimeSpan expires)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        bool fetched;
        lock (_sync)
        {
            Expect(MwiSubscriptionState.New);
            subscribe.Respond(Ok(subscribe, expires));
            fetched = expires == TimeSpan.Zero;
            if (fetched)
            {
                Send(final: true);
                _state = MwiSubscriptionState.Terminated;
            }
            else
            {
                Arm(expires);
                Send(final: false);
                _state = MwiSubscriptionState.Notifying;
            }
        }

        if (fetched)
        {
            ended(this, MwiEndReason.Fetched);
        }
    }

    /// <summary>
    /// A SUBSCRIBE in the subscription's dialog: a refresh (200, the expiry starts again, a NOTIFY)
    /// or, with <paramref name="expires"/> zero, the end (200, a terminating NOTIFY). One that comes
    /// after the end, or out of order, is refused.
    /// </summary>
    public void OnSubscribe(ServerTransaction subscribe, TimeSpan expires)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        var unsubscribed = false;
        lock (_sync)
        {
            switch (_state)
            {
                case MwiSubscriptionState.New or MwiSubscriptionState.EndingAfterNotify or MwiSubscriptionState.Terminated:
                    subscribe.Respond(SipStatus.CallOrTransactionDoesNotExist, "Subscription does not exist");
                    return;
                case MwiSubscriptionState.Idle or MwiSubscriptionState.Notifying or MwiSubscriptionState.NotifyingThenAgain:
                    break;
                default:
                    throw new UnreachableException($"MwiSubscriptionState {_state}");
            }

            if (!dialog.AcceptRemoteCSeq(subscribe.Request))
            {
                subscribe.Respond(SipStatus.ServerInternalError, "CSeq out of order");
                return;
            }

            subscribe.Respond(Ok(subscribe, expires));
            if (expires == TimeSpan.Zero)
            {
                unsubscribed = EndLocked(MwiEndReason.Unsubscribed);
            }
            else
            {
                Arm(expires);
                logger.Refreshed(dialog.Id.ToString(), box, (int)expires.TotalSeconds);
                NotifyLocked();
            }
        }

        if (unsubscribed)
        {
            ended(this, MwiEndReason.Unsubscribed);
        }
    }

    /// <summary>The box's counts changed: a NOTIFY with the counts now (after the one out, if one is).</summary>
    public void OnBoxChanged()
    {
        lock (_sync)
        {
            NotifyLocked();
        }
    }

    /// <summary>The answer to one of our NOTIFYs: the next NOTIFY when one waits; 481 or a timeout ends the subscription.</summary>
    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsProvisional)
        {
            return;
        }

        var status = response.StatusCode;
        if (!response.IsSuccess)
        {
            logger.NotifyFailed(box, transaction.Destination, status, response.ReasonPhrase);
        }

        MwiEndReason? end = status switch
        {
            SipStatus.CallOrTransactionDoesNotExist => MwiEndReason.RefusedByPhone,
            SipStatus.RequestTimeout => MwiEndReason.PhoneUnreachable,
            _ => null,
        };
        var endedNow = false;
        lock (_sync)
        {
            switch (_state)
            {
                case MwiSubscriptionState.Notifying:
                    _state = MwiSubscriptionState.Idle;
                    break;
                case MwiSubscriptionState.NotifyingThenAgain:
                    _state = MwiSubscriptionState.Idle;
                    if (end is null)
                    {
                        NotifyLocked();
                    }

                    break;
                case MwiSubscriptionState.EndingAfterNotify:
                    if (end is null)
                    {
                        Send(final: true);
                    }

                    _state = MwiSubscriptionState.Terminated;
                    return; // already forgotten when it began to end
                case MwiSubscriptionState.New or MwiSubscriptionState.Idle or MwiSubscriptionState.Terminated:
                    return; // the answer to a terminating NOTIFY, or a late one: nothing follows
                default:
                    throw new UnreachableException($"MwiSubscriptionState {_state}");
            }

            if (end is { } reason)
            {
                _expiry?.Cancel();
                _state = MwiSubscriptionState.Terminated;
                endedNow = true;
            }
        }

        if (endedNow)
        {
            ended(this, end!.Value);
        }
    }

    /// <summary>Starts (again) the time the phone has to refresh.</summary>
    private void Arm(TimeSpan expires)
    {
        _expiry?.Cancel();
        _expiresAt = stack.Scheduler.Time.GetUtcNow() + expires;
        var generation = ++_expiryGeneration;
        _expiry = stack.Scheduler.Schedule(expires, _ => Expire(generation));
    }

    /// <summary>Not refreshed in time (a timer that a refresh replaced while it fired does nothing).</summary>
    private void Expire(int generation)
    {
        bool endedNow;
        lock (_sync)
        {
            if (generation != _expiryGeneration)
            {
                return;
            }

            endedNow = EndLocked(MwiEndReason.Expired);
        }

        if (endedNow)
        {
            ended(this, MwiEndReason.Expired);
        }
    }

    /// <summary>A NOTIFY now, or after the one out; none once ending.</summary>
    private void NotifyLocked()
    {
        switch (_state)
        {
            case MwiSubscriptionState.Idle:
                Send(final: false);
                _state = MwiSubscriptionState.Notifying;
                return;
            case MwiSubscriptionState.Notifying:
                _state = MwiSubscriptionState.NotifyingThenAgain;
                return;
            case MwiSubscriptionState.NotifyingThenAgain or MwiSubscriptionState.EndingAfterNotify or MwiSubscriptionState.Terminated:
                return;
            case MwiSubscriptionState.New:
                throw new InvalidOperationException("A subscription tells nothing before it is accepted.");
            default:
                throw new UnreachableException($"MwiSubscriptionState {_state}");
        }
    }

    /// <summary>Ends an active subscription with a terminating NOTIFY (now, or after the one out); true when it just ended.</summary>
    private bool EndLocked(MwiEndReason reason)
    {
        switch (_state)
        {
            case MwiSubscriptionState.Idle:
                Send(final: true);
                _state = MwiSubscriptionState.Terminated;
                break;
            case MwiSubscriptionState.Notifying or MwiSubscriptionState.NotifyingThenAgain:
                _state = MwiSubscriptionState.EndingAfterNotify;
                break;
            case MwiSubscriptionState.New or MwiSubscriptionState.EndingAfterNotify or MwiSubscriptionState.Terminated:
                return false;
            default:
                throw new UnreachableException($"MwiSubscriptionState {_state}");
        }

        _expiry?.Cancel();
        return true;
    }

    private SipResponse Ok(ServerTransaction subscribe, TimeSpan expires)
    {
        var ok = subscribe.CreateResponse(SipStatus.Ok);
        ok.Headers.Add(HeaderName.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        ok.Headers.Add(HeaderName.Contact, dialog.LocalContact.ToString());
        return ok;
    }

    /// <summary>
    /// A NOTIFY with the box's counts now (RFC 3842 §5.2). The terminating one says
    /// <c>terminated;reason=timeout</c> (RFC 6665 §4.2.2: the phone may subscribe again at once),
    /// for an unsubscribe and a fetch as for an expiry.
    /// </summary>
    private void Send(bool final)
    {
        var notify = dialog.CreateRequest(SipMethod.Notify);
        notify.Headers.Add(HeaderName.Contact, dialog.LocalContact.ToString());
        notify.Headers.Add(HeaderName.Event, MessageSummary.EventPackage);
        notify.Headers.Add(HeaderName.SubscriptionState, final ? "terminated;reason=timeout" : "active;expires=" + SecondsLeft().ToString(CultureInfo.InvariantCulture));
        notify.Headers.Add(HeaderName.ContentType, MessageSummary.ContentType);
        notify.Body = MessageSummary.Body(boxes.CountsFor(box), _account);
        stack.SendRequest(notify, dialog.Peer, this);
    }

    private long SecondsLeft() =>
        Math.Max(0, (long)Math.Ceiling((_expiresAt - stack.Scheduler.Time.GetUtcNow()).TotalSeconds));

    private void Expect(MwiSubscriptionState state)
    {
        if (_state != state)
        {
            throw new InvalidOperationException($"A message-waiting subscription that is {_state} cannot do this; it must be {state}.");
        }
    }

    public override string ToString() => $"{dialog.Id} to box {box}";
}
