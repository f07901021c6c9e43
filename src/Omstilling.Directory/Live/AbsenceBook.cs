using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Directory.Model;

namespace Omstilling.Directory.Live;

/// <summary>
/// The live absence state: each person's current absence coding (one at a time) and the notices
/// that whole departments are away. In memory only; a storage layer restores it with
/// <see cref="Load"/> and follows <see cref="Changed"/> to persist it.
/// <para>
/// Time: queries take the instant to judge by (so one console refresh sees one moment); the
/// <see cref="TimeProvider"/> drives a single timer set for the next moment something starts or
/// ends, which drops what has ended and raises <see cref="Changed"/> for it, so a console updates
/// when a meeting ends without polling.
/// </para>
/// Thread-safe: state is guarded by one lock; <see cref="Changed"/> is raised outside it, on the
/// thread that made the change (or the timer's), so handlers may call back into the book.
/// </summary>
public sealed partial class AbsenceBook : IDisposable
{
    /// <summary>The timer is re-armed at least this often, as a timer cannot wait for months.</summary>
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromHours(6);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Absence> _absences = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, DepartmentAbsence> _notices = [];
    private readonly ITimer _timer;

    /// <summary>Transitions up to this instant have been announced (notices starting are announced once).</summary>
    private DateTimeOffset _announcedUpTo;
    private bool _disposed;

    public AbsenceBook(TimeProvider time, ILogger<AbsenceBook>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _announcedUpTo = time.GetUtcNow();
        // Created stopped; armed by the first change that has an end.
        _timer = time.CreateTimer(static state => ((AbsenceBook)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// A person's absence or a department's notices changed (set, cleared, posted, withdrawn,
    /// started or ended): the person id or department id. Raised outside the lock; a handler that
    /// throws is logged and does not stop the others.
    /// </summary>
    public event Action<string>? Changed;

    /// <summary>Every notice not yet ended (current and planned), by start.</summary>
    public ImmutableArray<DepartmentAbsence> AllNotices
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                return [.. _notices.Values.Where(n => n.Until > now).OrderBy(n => n.From).ThenBy(n => n.Id)];
            }
        }
    }

    /// <summary>Sets the person's absence, replacing any earlier one.</summary>
    /// <exception cref="ArgumentException">The absence has already ended.</exception>
    public void Set(Absence absence)
    {
        var now = CheckSettable(absence);
        lock (_gate)
        {
            _absences[absence.PersonId] = absence;
            Rearm(now);
        }

        Raise(absence.PersonId);
    }

    /// <summary>Clears the person's absence; false when there was none.</summary>
    public bool Clear(string personId)
    {
        ArgumentNullException.ThrowIfNull(personId);
        bool removed;
        lock (_gate)
        {
            removed = _absences.Remove(personId);
            if (removed)
            {
                Rearm(_time.GetUtcNow());
            }
        }

        if (removed)
        {
            Raise(personId);
        }

        return removed;
    }

    /// <summary>The person's absence in force at <paramref name="now"/>, or null (never one that has ended).</summary>
    public Absence? Current(string personId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(personId);
        lock (_gate)
        {
            return _absences.TryGetValue(personId, out var absence) && absence.IsActive(now) ? absence : null;
        }
    }

    /// <summary>The person's absence in force now, by the book's clock.</summary>
    public Absence? Current(string personId) => Current(personId, _time.GetUtcNow());

    /// <summary>Everyone's absence in force at <paramref name="now"/>, by person id.</summary>
    public ImmutableArray<Absence> ActiveAbsences(DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _absences.Values.Where(a => a.IsActive(now)).OrderBy(a => a.PersonId, StringComparer.Ordinal)];
        }
    }

    /// <summary>Posts a department notice, replacing one with the same id.</summary>
    /// <exception cref="ArgumentException">It ends before it starts, or has already ended.</exception>
    public void Post(DepartmentAbsence notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentException.ThrowIfNullOrEmpty(notice.DepartmentId, nameof(notice));
        if (notice.Until <= notice.From)
        {
            throw new ArgumentException($"The notice for '{notice.DepartmentId}' ends ({notice.Until:O}) before it starts ({notice.From:O}).", nameof(notice));
        }

        var now = _time.GetUtcNow();
        if (notice.Until <= now)
        {
            throw new ArgumentException($"The notice for '{notice.DepartmentId}' ended at {notice.Until:O}.", nameof(notice));
        }

        string? moved;
        lock (_gate)
        {
            moved = _notices.TryGetValue(notice.Id, out var earlier) && earlier.DepartmentId != notice.DepartmentId ? earlier.DepartmentId : null;
            _notices[notice.Id] = notice;
            Rearm(now);
        }

        if (moved is not null)
        {
            Raise(moved);
        }

        Raise(notice.DepartmentId);
    }

    /// <summary>Withdraws a notice; false when there is none with that id.</summary>
    public bool Withdraw(Guid id)
    {
        DepartmentAbsence? removed;
        lock (_gate)
        {
            if (_notices.Remove(id, out removed))
            {
                Rearm(_time.GetUtcNow());
            }
        }

        if (removed is not null)
        {
            Raise(removed.DepartmentId);
        }

        return removed is not null;
    }

    /// <summary>The department's notices in force at <paramref name="now"/>, by start.</summary>
    public ImmutableArray<DepartmentAbsence> ActiveNotices(string departmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(departmentId);
        lock (_gate)
        {
            return [.. _notices.Values
                .Where(n => n.DepartmentId == departmentId && n.IsActive(now))
                .OrderBy(n => n.From)
                .ThenBy(n => n.Id)];
        }
    }

    /// <summary>
    /// Replaces the whole state with what storage holds (at startup). Entries that have ended are
    /// dropped; of two absences for one person the later set wins. Raises <see cref="Changed"/>
    /// for every id whose state may have changed.
    /// </summary>
    public void Load(IEnumerable<Absence> absences, IEnumerable<DepartmentAbsence> notices)
    {
        ArgumentNullException.ThrowIfNull(absences);
        ArgumentNullException.ThrowIfNull(notices);
        var now = _time.GetUtcNow();
        var affected = new SortedSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            affected.UnionWith(_absences.Keys);
            affected.UnionWith(_notices.Values.Select(n => n.DepartmentId));
            _absences.Clear();
            _notices.Clear();
            foreach (var absence in absences.Where(a => a.IsActive(now)).OrderBy(a => a.SetAt))
            {
                _absences[absence.PersonId] = absence;
            }

            foreach (var notice in notices.Where(n => n.Until > now && n.Until > n.From))
            {
                _notices[notice.Id] = notice;
            }

            affected.UnionWith(_absences.Keys);
            affected.UnionWith(_notices.Values.Select(n => n.DepartmentId));
            _announcedUpTo = now;
            Rearm(now);
        }

        foreach (var id in affected)
        {
            Raise(id);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }
}
