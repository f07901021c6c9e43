using Omstilling.Calls.Control;
using Omstilling.Policy.Model;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The switchboard's side of a call: the console's commands (each checked against the call as it
/// is, under its lock, so two operators acting at once get one answer each), the call as the
/// console sees it, and the queue's offers.
/// </summary>
internal sealed partial class Call
{
    /// <summary>Runs an operator's command (checked against the call as it is) under the call's lock.</summary>
    public CallControlResult Command(Func<Transfers, CallControlResult> command)
    {
        lock (_sync)
        {
            return command(_transfers);
        }
    }

    /// <summary>The call as the console shows it now.</summary>
    public CallView Snapshot()
    {
        lock (_sync)
        {
            return CallViews.Of(this, _connection, _queue, _menus, _policy, _transfers, _recalls);
        }
    }

    /// <summary>Whether <paramref name="extension"/> is a party of the call now: talking, consulting, or ringing for it.</summary>
    public bool Involves(string extension)
    {
        lock (_sync)
        {
            return !_ended
                && (_connection.Party?.Party == extension || _transfers.IsConsultingOperator(extension)
                    || _ringer.Rings(extension));
        }
    }

    /// <summary>A camped-on target's call ended (called without any lock held).</summary>
    internal void OnPartyFree(string extension) => Locked(() => _transfers.OnPartyFree(extension), "a camp-on's target became free");

    /// <summary>The queue offers this caller to <paramref name="members"/> (called without any lock held).</summary>
    internal void OfferFromQueue(string[] members, TimeSpan ringFor, string? pickedBy, long offerId) =>
        Locked(() => _queue.Offer(members, ringFor, pickedBy, offerId), "a queue's offer");

    /// <summary>A member being offered this caller lost their phone (called without any lock held).</summary>
    internal void WithdrawQueueOffer(string member) => Locked(() => _queue.Withdraw(member), "a withdrawn queue offer");

    public void EnterQueue(Queue queue, PolicyAction? onBusy, bool recalled) => _queue.Enter(queue, onBusy, recalled);

    public void RequeueAtHead() => _queue.RequeueAtHead(_services.Policy);
}
