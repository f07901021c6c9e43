using Omstilling.Calls.Signalling;
using Omstilling.Policy.Model;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Queues;

/// <summary>The callers' side of the queues: reservations, picks, places, and the rounds of offers to free members.</summary>
public sealed partial class QueueManager
{
    /// <summary>
    /// The call rings these extensions itself (a transfer, a recall, a camp-on): the queue offers
    /// them no caller until <see cref="Unreserve"/>. One reservation per call; a new one replaces it.
    /// </summary>
    internal void Reserve(Call call, IEnumerable<string> extensions)
    {
        lock (_sync)
        {
            _reserved[call] = [.. extensions.Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>Reserves <paramref name="extension"/> for the call only if they are free now, in one step; false when they are not.</summary>
    internal bool TryReserve(Call call, string extension)
    {
        lock (_sync)
        {
            if (!IsFreeUnlocked(extension, _scheduler.Time.GetUtcNow(), ignoreRest: true))
            {
                return false;
            }

            _reserved[call] = [extension];
            return true;
        }
    }

    internal void Unreserve(Call call)
    {
        bool released;
        lock (_sync)
        {
            released = _reserved.Remove(call);
        }

        if (released)
        {
            RequestDispatch();
        }
    }

    /// <summary>The member let a caller ring out: they are passed over for a moment.</summary>
    internal void Rest(string extension)
    {
        lock (_sync)
        {
            _restUntil[extension] = _scheduler.Time.GetUtcNow() + RestAfterMissed;
        }
    }

    /// <summary>Whether <paramref name="offerId"/> is the queue's current offer of this caller.</summary>
    internal bool IsCurrentOffer(Call call, long offerId)
    {
        lock (_sync)
        {
            return _offers.TryGetValue(call, out var offer) && offer.Id == offerId;
        }
    }

    /// <summary>
    /// The operator answers this waiting caller from the console: their phone alone is rung for it
    /// (also while they are paused or logged out). The first operator to ask wins; a caller
    /// already ringing someone else is theirs.
    /// </summary>
    internal PickResult Pick(Call call, string extension)
    {
        TimeSpan ringFor;
        long offerId;
        lock (_sync)
        {
            var waiting = _waiting.Values.SelectMany(l => l).FirstOrDefault(w => ReferenceEquals(w.Call, call));
            if (waiting is null)
            {
                return PickResult.NotWaiting;
            }

            if (_offers.TryGetValue(call, out var offer))
            {
                return offer.Members.Contains(extension, StringComparer.Ordinal) ? PickResult.Offered : PickResult.TakenByOther;
            }

            // Picking is the operator's own choice: a pause or a logout only keeps the queue from offering them callers.
            if (_offered.Contains(extension) || _activity.IsBusy(extension) || _activity.IsRinging(extension) || _bindings.Lookup(extension).Count == 0)
            {
                return PickResult.NotFree;
            }

            if (IsReserved(extension))
            {
                return PickResult.NotFree;
            }

            offerId = ++_offerIds;
            _offers[call] = new Offer(offerId, [extension], extension);
            _offered.Add(extension);
            ringFor = waiting.Queue.RingMember;
        }

        Changed?.Invoke();
        call.OfferFromQueue([extension], ringFor, pickedBy: extension, offerId);
        return PickResult.Offered;
    }

    /// <summary>Puts the caller at the back of the queue (a recall at the head, after earlier recalls); its position (1 = next).</summary>
    internal int Enqueue(Call call, Queue queue, bool recalled = false)
    {
        int position;
        lock (_sync)
        {
            if (!_waiting.TryGetValue(queue.Id, out var list))
            {
                _waiting[queue.Id] = list = [];
            }

            var entry = new Waiting(call, queue, _scheduler.Time.GetUtcNow(), recalled);
            if (recalled)
            {
                var at = list.FindLastIndex(w => w.Recalled) + 1;
                list.Insert(at, entry);
                position = at + 1;
            }
            else
            {
                list.Add(entry);
                position = list.Count;
            }

            _tick ??= _scheduler.Schedule(Tick, static s => ((QueueManager)s!).OnTick(), this);
        }

        Changed?.Invoke();
        RequestDispatch();
        return position;
    }

    /// <summary>The caller's place in its queue (1 = next), or 0 when it is not waiting.</summary>
    internal int PositionOf(Call call)
    {
        lock (_sync)
        {
            foreach (var list in _waiting.Values)
            {
                var index = list.FindIndex(w => ReferenceEquals(w.Call, call));
                if (index >= 0)
                {
                    return index + 1;
                }
            }

            return 0;
        }
    }

    /// <summary>
    /// The caller is no longer waiting (answered, gone, or sent on by the queue's timeout). The
    /// other members of an offer someone answered rest a moment while their phones stop ringing.
    /// </summary>
    internal void Leave(Call call, string? answeredBy = null)
    {
        lock (_sync)
        {
            foreach (var list in _waiting.Values)
            {
                list.RemoveAll(w => ReferenceEquals(w.Call, call));
            }

            if (_offers.Remove(call, out var offer))
            {
                _offered.ExceptWith(offer.Members);
                if (answeredBy is not null)
                {
                    var until = _scheduler.Time.GetUtcNow() + StoppingRinging;
                    foreach (var member in offer.Members.Where(m => m != answeredBy))
                    {
                        _restUntil[member] = until;
                    }
                }
            }
        }

        Changed?.Invoke();
        RequestDispatch();
    }

    /// <summary>
    /// The offer <paramref name="offerId"/> rang out, was refused, failed, or came too late: the
    /// caller keeps its place, and (<paramref name="rest"/>) its members rest a moment. Another,
    /// newer offer of the caller is left alone.
    /// </summary>
    internal void OfferFailed(Call call, long offerId, bool rest)
    {
        lock (_sync)
        {
            if (_offers.TryGetValue(call, out var offer) && offer.Id == offerId)
            {
                _offers.Remove(call);
                _offered.ExceptWith(offer.Members);
                if (rest)
                {
                    var until = _scheduler.Time.GetUtcNow() + RestAfterMissed;
                    foreach (var member in offer.Members)
                    {
                        _restUntil[member] = until;
                    }
                }
            }
        }

        Changed?.Invoke();
        RequestDispatch();
    }

    private void OnTick()
    {
        lock (_sync)
        {
            _tick = _waiting.Values.Any(l => l.Count > 0) ? _scheduler.Schedule(Tick, static s => ((QueueManager)s!).OnTick(), this) : null;
        }

        RequestDispatch();
    }

    private void RequestDispatch()
    {
        if (Interlocked.Exchange(ref _dispatchRequested, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Dispatch(), this, preferLocal: false);
        }
    }

    private void Dispatch()
    {
        try
        {
            DispatchOffers();
        }
#pragma warning disable CA1031 // A work item that throws would end the process; the next change dispatches again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failed(e);
        }
    }

    private void DispatchOffers()
    {
        Interlocked.Exchange(ref _dispatchRequested, 0);
        List<(Call Call, string[] Members, TimeSpan RingFor, long Id)>? offers = null;
        lock (_sync)
        {
            foreach (var list in _waiting.Values)
            {
                if (list.Count == 0)
                {
                    continue;
                }

                var free = FreeMembers(list[0].Queue);
                foreach (var waiting in list)
                {
                    if (free.Count == 0)
                    {
                        break;
                    }

                    if (_offers.ContainsKey(waiting.Call))
                    {
                        continue;
                    }

                    string[] chosen = waiting.Queue.Strategy == QueueStrategy.RingAll ? [.. free] : [free[0]];
                    free.RemoveAll(chosen.Contains);
                    var id = ++_offerIds;
                    _offers[waiting.Call] = new Offer(id, chosen, null);
                    _offered.UnionWith(chosen);
                    (offers ??= []).Add((waiting.Call, chosen, waiting.Queue.RingMember, id));
                }
            }
        }

        if (offers is null)
        {
            return;
        }

        Changed?.Invoke();
        foreach (var (call, members, ringFor, id) in offers)
        {
            call.OfferFromQueue(members, ringFor, pickedBy: null, id);
        }
    }

    /// <summary>The members who may be offered a caller now, free the longest first (under the lock).</summary>
    private List<string> FreeMembers(Queue queue)
    {
        var now = _scheduler.Time.GetUtcNow();
        return queue.Members
            .Where(m => IsFreeUnlocked(m, now, ignoreRest: false))
            .OrderBy(_activity.FreeSince)
            .ThenBy(m => m, StringComparer.Ordinal)
            .ToList();
    }

    private bool IsFreeUnlocked(string member, DateTimeOffset now, bool ignoreRest) =>
        !_offered.Contains(member) && !_paused.ContainsKey(member) && !_loggedOut.Contains(member)
        && !_activity.IsBusy(member) && !_activity.IsRinging(member)
        && (ignoreRest || _restUntil.GetValueOrDefault(member) <= now)
        && !IsReserved(member)
        && _bindings.Lookup(member).Count > 0;

    private bool IsReserved(string member)
    {
        foreach (var extensions in _reserved.Values)
        {
            if (Array.IndexOf(extensions, member) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Waiting(Call Call, Queue Queue, DateTimeOffset Since, bool Recalled);

    /// <param name="Id">Tells this offer from a later one of the same caller (offers are carried out outside the lock).</param>
    /// <param name="PickedBy">The operator who picked the caller on the console, or null for the queue's own offer.</param>
    private sealed record Offer(long Id, string[] Members, string? PickedBy);
}
