using System.Globalization;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// Transfers from the phone (RFC 3515): a REFER in the call's dialog, and the NOTIFYs of its
/// implicit subscription that report how it went. The subscription is a dialog usage of its own
/// (RFC 5057): a NOTIFY that comes after the other side's BYE (they cross on the receive threads)
/// still finds the call until the subscription is over.
/// </summary>
public abstract partial class SimulatedCall
{
    /// <summary>How long after the 202 the final NOTIFY may take (64*T1, a non-INVITE transaction's longest life).</summary>
    private static readonly TimeSpan NotifyWait = TimeSpan.FromSeconds(32);

    /// <summary>The implicit subscription of the last REFER sent; null before the first.</summary>
    private ReferSubscription? _refer;

    /// <summary>
    /// Transfers the other side to <paramref name="number"/> (blind, as a phone's transfer key does):
    /// REFER with <c>Refer-To: &lt;sip:NUMBER@server&gt;</c> in the call's dialog, then, once it is
    /// accepted, waits for the NOTIFY that ends the subscription (each NOTIFY is answered 200).
    /// A refusal is no exception: <see cref="TransferResult.ReferStatus"/> says it. The other side
    /// usually hangs this call up after a transfer that went through; <see cref="SimulatedCall.Ended"/> tells.
    /// </summary>
    /// <exception cref="InvalidOperationException">The call does not talk, or a transfer of it is under way.</exception>
    public async Task<TransferResult> TransferAsync(string number, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(number);
        var answer = new FinalResponse();
        ReferSubscription subscription;
        lock (Sync)
        {
            if (Phase != CallPhase.Talking)
            {
                throw new InvalidOperationException($"A call is transferred while it talks; it is {Phase}.");
            }

            if (_refer is { Over: false })
            {
                throw new InvalidOperationException("A transfer of the call is under way.");
            }

            var dialog = Dialog!;
            var refer = dialog.CreateRequest(SipMethod.Refer);
            refer.Headers.Add(HeaderName.ReferTo, new NameAddress(SipUri.Sip(number, Network.ServerHost, Network.Server.EndPoint.Port)).ToString());
            refer.Headers.Add(HeaderName.ReferredBy, new NameAddress(dialog.Local.Uri).ToString());
            refer.Headers.Add(HeaderName.Contact, dialog.LocalContact.ToString());
            subscription = new ReferSubscription(refer.CSeq.Number);
            _refer = subscription;
            Network.Stack.SendRequest(refer, dialog.Peer, answer);
        }

        try
        {
            var response = await answer.Task.WaitAsync(cancellationToken);
            PhoneLog.ReferAnswered(Network.Logger, Phone.User, CallId, number, response.StatusCode);
            if (!response.IsSuccess)
            {
                return new TransferResult(response.StatusCode, null);
            }

            if (string.Equals(response.Header(HeaderName.ReferSub)?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                return new TransferResult(response.StatusCode, null); // RFC 4488: no NOTIFY will come
            }

            var final = subscription.Final.Task;
            var waited = await Task.WhenAny(final, Task.Delay(NotifyWait, Network.Time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            return new TransferResult(response.StatusCode, waited == final ? await final : null);
        }
        finally
        {
            CloseSubscription(subscription);
        }
    }

    /// <summary>
    /// A NOTIFY in the dialog, under the lock: one for the last REFER's subscription is answered 200
    /// (whatever phase the call is in; its CSeq is recorded but not enforced, as the final state is
    /// what counts), and the terminating one gives the transfer's outcome; any other is answered 481 (RFC 6665 §4.1.3).
    /// </summary>
    private void OnNotify(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (_refer is not { } subscription || !subscription.Reports(request.Header(HeaderName.Event)))
        {
            transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
            return;
        }

        Dialog?.AcceptRemoteCSeq(request);
        var status = SipFragStatus(request.BodyText);
        var state = request.Header(HeaderName.SubscriptionState)?.Trim() ?? "";
        transaction.Respond(SipStatus.Ok);
        PhoneLog.Notified(Network.Logger, Phone.User, CallId, status, state);
        if (state.StartsWith("terminated", StringComparison.OrdinalIgnoreCase))
        {
            subscription.Final.TrySetResult(status);
        }
    }

    /// <summary>The transfer is no longer waited for: the subscription is over, and a call that ended meanwhile forgets its dialog now.</summary>
    private void CloseSubscription(ReferSubscription subscription)
    {
        lock (Sync)
        {
            subscription.Final.TrySetResult(null);
            if (Phase == CallPhase.Ended && ReferenceEquals(_refer, subscription) && Dialog is { } dialog)
            {
                Network.Unindex(dialog.Id, this);
            }
        }
    }

    /// <summary>Whether the dialog must stay findable after the call ended: a REFER's subscription still waits for its final NOTIFY. Under the lock.</summary>
    private bool SubscriptionOpen => _refer is { Over: false };

    /// <summary>The status code of a <c>message/sipfrag</c> body's status line (<c>SIP/2.0 200 OK</c>); null when it has none.</summary>
    private static int? SipFragStatus(string body)
    {
        var line = body.AsSpan();
        var end = line.IndexOfAny('\r', '\n');
        line = (end < 0 ? line : line[..end]).Trim();
        if (!line.StartsWith("SIP/2.0 ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = line["SIP/2.0 ".Length..].TrimStart();
        var space = rest.IndexOf(' ');
        return int.TryParse(space < 0 ? rest : rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 699
            ? status
            : null;
    }

    /// <summary>A REFER's implicit subscription (RFC 3515 §2.4.4): its event id is the REFER's CSeq number; <see cref="Final"/> completes with the final NOTIFY's status, or null when it is no longer waited for.</summary>
    private sealed class ReferSubscription(uint cseq)
    {
        private readonly string _eventId = cseq.ToString(CultureInfo.InvariantCulture);

        public TaskCompletionSource<int?> Final { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Over => Final.Task.IsCompleted;

        /// <summary>Whether an Event header (<c>refer;id=7</c>) names this subscription; a REFER's first subscription may leave the id out.</summary>
        public bool Reports(string? eventHeader)
        {
            if (eventHeader is null)
            {
                return false;
            }

            var parts = eventHeader.Split(';', StringSplitOptions.TrimEntries);
            if (!parts[0].Equals("refer", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var parameter in parts.AsSpan(1))
            {
                if (parameter.StartsWith("id=", StringComparison.OrdinalIgnoreCase))
                {
                    return parameter[3..] == _eventId;
                }
            }

            return true;
        }
    }
}
