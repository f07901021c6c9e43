using Omstilling.Calls.Signalling;
using Omstilling.Policy.Model;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Queues;

/// <summary>
/// The callers waiting in each queue, first come first served (a recalled transfer goes to the
/// head), and who is offered them: a member is free when a phone of theirs is registered, they
/// are logged in (the default while their phone is registered; the console logs them out), not
/// paused, in no call, not being offered another caller, and did not just let one ring out.
/// Longest idle offers the head caller to the member free the longest; ring all to every free
/// member at once (the call takes the first answer and hangs up any later one).
/// Offers are made outside every lock (a call's lock is never taken while the queue's is held),
/// from the thread pool; a one-second tick while anyone waits catches phones that register or
/// members who come back. Thread-safe.
/// </summary>
public sealed partial class QueueManager : Control.IQueueMembers
{
    /// <summary>A member who let a caller ring out is passed over this long, so the next one gets a turn.</summary>
    private static readonly TimeSpan RestAfterMissed = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>Members of a ring-all offer someone else answered wait this long while their phones are cancelled.</summary>
    private static readonly TimeSpan StoppingRinging = TimeSpan.FromSeconds(2);

    private readonly Lock _sync = new();
    private readonly Dictionary<string, List<Waiting>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<Call, Offer> _offers = [];
    private readonly HashSet<string> _offered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _restUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paused = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loggedOut = new(StringComparer.Ordinal);
    private readonly Dictionary<Call, string[]> _reserved = [];
    private readonly BindingStore _bindings;
    private readonly SipScheduler _scheduler;
    private readonly Action<Exception> _failed;
    private readonly PhoneActivity _activity;
    private ScheduledTimer? _tick;
    private int _dispatchRequested;
    private long _offerIds;

    /// <param name="failed">Told of a failure while offering callers (the queue keeps going).</param>
    public QueueManager(BindingStore bindings, SipScheduler scheduler, PhoneActivity activity, Action<Exception>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(activity);
        _bindings = bindings;
        _scheduler = scheduler;
        _activity = activity;
        _failed = failed ?? (_ => { });
        activity.BecameFree += _ => RequestDispatch();
    }

    /// <summary>Raised (outside every lock) when a queue's callers or a member's state changed.</summary>
    public event Action? Changed;

    /// <summary>Who waits in the queue now, in order (position 1 first).</summary>
    public IReadOnlyList<QueueEntry> Entries(string queueId)
    {
        lock (_sync)
        {
            if (!_waiting.TryGetValue(queueId, out var list))
            {
                return [];
            }

            var entries = new QueueEntry[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                var w = list[i];
                entries[i] = new QueueEntry(w.Call.Id, queueId, i + 1, w.Since, _offers.TryGetValue(w.Call, out var offer) ? offer.Members : [], w.Recalled);
            }

            return entries;
        }
    }

    /// <summary>How many callers wait in each queue that has had any, for the metrics.</summary>
    public IReadOnlyList<(string QueueId, int Callers)> WaitingCounts()
    {
        lock (_sync)
        {
            return [.. _waiting.Select(q => (q.Key, q.Value.Count))];
        }
    }

    /// <summary>A member stops being offered callers (a break, a meeting) until <see cref="Resume"/>.</summary>
    public void Pause(string extension, string reason)
    {
        lock (_sync)
        {
            _paused[extension] = reason;
        }

        Changed?.Invoke();
    }

    public void EndPause(string extension)
    {
        lock (_sync)
        {
            _paused.Remove(extension);
        }

        Changed?.Invoke();
        RequestDispatch();
    }

    /// <summary>The member takes callers again (members are logged in by default while their phone is registered).</summary>
    public void LogIn(string extension)
    {
        lock (_sync)
        {
            _loggedOut.Remove(extension);
            _paused.Remove(extension);
        }

        Changed?.Invoke();
        RequestDispatch();
    }

    /// <summary>The member gets no callers until they log in again, whatever their phone does.</summary>
    public void LogOut(string extension)
    {
        lock (_sync)
        {
            _loggedOut.Add(extension);
            _paused.Remove(extension);
        }

        Changed?.Invoke();
    }

    /// <summary>The members who are logged out or paused, by extension (everyone else takes callers while registered).</summary>
    public IReadOnlyList<MemberSetting> Settings()
    {
        lock (_sync)
        {
            return [.. _loggedOut.Select(e => new MemberSetting(e, true, null))
                .Concat(_paused.Where(p => !_loggedOut.Contains(p.Key)).Select(p => new MemberSetting(p.Key, false, p.Value)))
                .OrderBy(s => s.Extension, StringComparer.Ordinal)];
        }
    }

    /// <summary>Puts back what members chose before a restart (<see cref="Settings"/> as it was kept).</summary>
    public void Restore(IEnumerable<MemberSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_sync)
        {
            foreach (var setting in settings)
            {
                if (setting.LoggedOut)
                {
                    _loggedOut.Add(setting.Extension);
                    _paused.Remove(setting.Extension);
                }
                else if (setting.PausedReason is { } reason)
                {
                    _paused[setting.Extension] = reason;
                }
            }
        }

        Changed?.Invoke();
    }

    /// <summary>Why the member is paused, or null when they are not.</summary>
    public string? PauseReason(string extension)
    {
        lock (_sync)
        {
            return _paused.GetValueOrDefault(extension);
        }
    }

    /// <summary>Logged in (not logged out on the console) with a registered phone.</summary>
    public bool IsLoggedIn(string extension)
    {
        lock (_sync)
        {
            return !_loggedOut.Contains(extension) && _bindings.Lookup(extension).Count > 0;
        }
    }

    /// <summary>The member's state for the console.</summary>
    public MemberState StateOf(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        lock (_sync)
        {
            var registered = _bindings.Lookup(extension).Count > 0;
            return new MemberState(
                extension,
                registered,
                !_loggedOut.Contains(extension),
                _paused.GetValueOrDefault(extension),
                registered ? _activity.StateOf(extension) : PhoneState.Offline);
        }
    }

    /// <summary>Whether a member of the queue could be offered a caller right now.</summary>
    public bool HasFreeMember(Queue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        lock (_sync)
        {
            return FreeMembers(queue).Count > 0;
        }
    }

    /// <summary>Whether any of the extensions is logged in (a registered phone) and not paused.</summary>
    public bool AnyLoggedIn(IEnumerable<string> extensions)
    {
        lock (_sync)
        {
            return extensions.Any(e => !_paused.ContainsKey(e) && !_loggedOut.Contains(e) && _bindings.Lookup(e).Count > 0);
        }
    }

    /// <summary>A phone registered or unregistered: an offer ringing a member with no phone left stops ringing them.</summary>
    public void OnBindingsChanged(string aor, IReadOnlyList<Binding> bindings)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        Call? withdraw = null;
        if (bindings.Count == 0)
        {
            lock (_sync)
            {
                withdraw = _offers.FirstOrDefault(o => o.Value.Members.Contains(aor, StringComparer.Ordinal)).Key;
            }
        }

        withdraw?.WithdrawQueueOffer(aor);
        Changed?.Invoke();
        RequestDispatch();
    }
}
