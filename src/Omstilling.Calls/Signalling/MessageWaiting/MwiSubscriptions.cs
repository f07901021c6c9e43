using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Runtime;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Signalling.MessageWaiting;

/// <summary>
/// Message-waiting indication (RFC 3842): takes the phones' SUBSCRIBEs to <c>message-summary</c>,
/// keeps their subscriptions (found by dialog for refreshes and by box for changes), and tells
/// them when a box's counts change; a box nobody subscribes to is told to its phones unsolicited
/// when <see cref="MessageWaitingOptions.Unsolicited"/> says so.
/// A subscriber authenticates with digest (401) and may subscribe to its own box only: the box is
/// the user of the Request-URI (else of To) and must be the authenticated account.
/// Thread-safe. Its lock guards the boxes' lists and the count; a subscription's lock may be held
/// when taking it, never the other way round, and no subscription is told anything under it.
/// </summary>
internal sealed class MwiSubscriptions
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, List<MwiSubscription>> _byBox = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DialogId, MwiSubscription> _byDialog = new();
    private readonly SipStack _stack;
    private readonly DigestAuthenticator _authenticator;
    private readonly IMessageWaiting _boxes;
    private readonly MessageWaitingOptions _options;
    private readonly Func<string, SipEndPoint, NameAddress> _contactFor;
    private readonly MwiUnsolicitedNotifier _unsolicited;
    private readonly FaultBoundary _faults;
    private readonly ILogger _logger;
    private int _count;

    /// <param name="contactFor">Our Contact for a box's dialog with a phone at an address.</param>
    /// <param name="faults">Where a failure while telling a change is contained (<c>calls.mwi</c>): the voicemail store that raised it must not see it.</param>
    public MwiSubscriptions(SipStack stack, DigestAuthenticator authenticator, IMessageWaiting boxes, MwiUnsolicitedNotifier unsolicited, MessageWaitingOptions options, Func<string, SipEndPoint, NameAddress> contactFor, FaultBoundary faults, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(unsolicited);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contactFor);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(logger);
        _stack = stack;
        _authenticator = authenticator;
        _boxes = boxes;
        _unsolicited = unsolicited;
        _options = options;
        _contactFor = contactFor;
        _faults = faults;
        _logger = logger;

        // For the platform's life, as the registrar's Changed is: the Pbx has no end.
        boxes.Changed += OnBoxChanged;
    }

    /// <summary>Subscriptions kept now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The subscriptions to <paramref name="box"/> now.</summary>
    public IReadOnlyList<MwiSubscription> To(string box)
    {
        lock (_sync)
        {
            return _byBox.TryGetValue(box, out var list) ? [.. list] : [];
        }
    }

    /// <summary>A SUBSCRIBE outside any dialog (no To tag): a new subscription, or a fetch with Expires: 0.</summary>
    public void OnSubscribe(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (RefuseUnserved(transaction))
        {
            return;
        }

        var auth = _authenticator.Authenticate(transaction, proxy: false);
        if (!auth.IsAuthenticated)
        {
            transaction.Respond(_authenticator.Challenge(request, transaction.LocalTag, proxy: false, stale: auth.Outcome == AuthenticationOutcome.Stale));
            return;
        }

        var box = request.RequestUri.UnescapedUser ?? request.To.Uri.UnescapedUser;
        if (box is null)
        {
            transaction.Respond(SipStatus.NotFound, "No voicemail box named");
            return;
        }

        if (!string.Equals(box, auth.Username, StringComparison.Ordinal))
        {
            transaction.Respond(SipStatus.Forbidden, "Only your own voicemail box");
            return;
        }

        if (!TryExpiry(transaction, out var expires))
        {
            return;
        }

        var contact = _contactFor(box, transaction.Incoming.Source);
        var dialog = Dialog.CreateUas(request, transaction.LocalTag, transaction.Incoming.Source, contact);
        var subscription = new MwiSubscription(_stack, dialog, box, _boxes, _logger, Forget);
        if (expires > TimeSpan.Zero)
        {
            // Findable before the 200 leaves: the phone's refresh or unsubscribe may come at once.
            if (Admit(subscription) is { } limit)
            {
                _logger.LimitReached(box, transaction.Incoming.Source, limit.Reason);
                transaction.Respond(limit.Status, limit.Reason);
                return;
            }
        }

        _logger.Subscribed(dialog.Id.ToString(), box, transaction.Incoming.Source, (int)expires.TotalSeconds);

        subscription.Accept(transaction, expires);
    }

    /// <summary>A request with a To tag: true when it was in a subscription's dialog and is answered here.</summary>
    public bool TryHandleInDialog(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (!_byDialog.TryGetValue(DialogId.ForIncoming(request), out var subscription))
        {
            return false;
        }

        if (request.Method != SipMethod.Subscribe)
        {
            var refusal = transaction.CreateResponse(SipStatus.MethodNotAllowed, "Only SUBSCRIBE in a subscription");
            refusal.Headers.Add(HeaderName.Allow, "SUBSCRIBE");
            transaction.Respond(refusal);
            return true;
        }

        if (!RefuseUnserved(transaction) && TryExpiry(transaction, out var expires))
        {
            subscription.OnSubscribe(transaction, expires);
        }

        return true;
    }

    /// <summary>
    /// Another event package (489 with Allow-Events, RFC 6665 §4.2.1.1) or a phone that cannot take
    /// our body (406, RFC 3842 §4): answered here, and true.
    /// </summary>
    private static bool RefuseUnserved(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!MessageSummary.IsThisPackage(request.Header(HeaderName.Event)))
        {
            var bad = transaction.CreateResponse(SipStatus.BadEvent);
            bad.Headers.Add(HeaderName.AllowEvents, MessageSummary.EventPackage);
            transaction.Respond(bad);
            return true;
        }

        if (!MessageSummary.IsAcceptedBy(request))
        {
            var notAcceptable = transaction.CreateResponse(SipStatus.NotAcceptable);
            notAcceptable.Headers.Add(HeaderName.Accept, MessageSummary.ContentType);
            transaction.Respond(notAcceptable);
            return true;
        }

        return false;
    }

    /// <summary>
    /// How long the subscription lasts: the request's Expires (our default without one) cut to
    /// the maximum; a non-zero one under the minimum is answered 423 with Min-Expires (RFC 6665
    /// §4.2.1.1) and false.
    /// </summary>
    private bool TryExpiry(ServerTransaction transaction, out TimeSpan expires)
    {
        var asked = transaction.Request.Expires is { } seconds ? TimeSpan.FromSeconds(seconds) : _options.DefaultExpiry;
        if (asked > TimeSpan.Zero && asked < _options.MinExpiry)
        {
            var brief = transaction.CreateResponse(SipStatus.IntervalTooBrief);
            brief.Headers.Add(HeaderName.MinExpires, ((long)_options.MinExpiry.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            transaction.Respond(brief);
            expires = default;
            return false;
        }

        expires = asked > _options.MaxExpiry ? _options.MaxExpiry : asked;
        return true;
    }

    /// <summary>Keeps the subscription, or says which limit refuses it.</summary>
    private (int Status, string Reason)? Admit(MwiSubscription subscription)
    {
        lock (_sync)
        {
            if (_count >= _options.MaxSubscriptions)
            {
                return (SipStatus.ServiceUnavailable, "Too many message-waiting subscriptions");
            }

            var list = _byBox.GetValueOrDefault(subscription.Box);
            if ((list?.Count ?? 0) >= _options.MaxPerAccount)
            {
                return (SipStatus.Forbidden, "Too many message-waiting subscriptions for this account");
            }

            if (list is null)
            {
                list = [];
                _byBox[subscription.Box] = list;
            }

            list.Add(subscription);
            _byDialog[subscription.Dialog.Id] = subscription;
            _count++;
            return null;
        }
    }

    /// <summary>A subscription ended: forgotten, so a later SUBSCRIBE in its dialog gets 481 and changes pass it by.</summary>
    private void Forget(MwiSubscription subscription, MwiEndReason reason)
    {
        lock (_sync)
        {
            if (_byDialog.TryRemove(new KeyValuePair<DialogId, MwiSubscription>(subscription.Dialog.Id, subscription))
                && _byBox.TryGetValue(subscription.Box, out var list))
            {
                list.Remove(subscription);
                if (list.Count == 0)
                {
                    _byBox.Remove(subscription.Box);
                }

                _count--;
            }
        }

        _logger.Ended(subscription.Dialog.Id.ToString(), subscription.Box, reason);
    }

    /// <summary>The voicemail store's news, on its thread: every subscription to the box is told; with none, its phones may be.</summary>
    private void OnBoxChanged(string box)
    {
        _faults.Run(() =>
        {
            var subscriptions = To(box);
            foreach (var subscription in subscriptions)
            {
                subscription.OnBoxChanged();
            }

            if (subscriptions.Count == 0 && _options.Unsolicited)
            {
                _unsolicited.Notify(box);
            }
        }, box, "a message-waiting change (the phones are told at the next one)");
    }
}
