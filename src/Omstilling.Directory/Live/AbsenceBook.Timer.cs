using Microsoft.Extensions.Logging;

namespace Omstilling.Directory.Live;

/// <summary>The one timer: set for the next start or end, announcing what passed and dropping what ended.</summary>
public sealed partial class AbsenceBook
{
    /// <summary>Arms the timer for the next transition after <paramref name="now"/>. Call under the lock.</summary>
    private void Rearm(DateTimeOffset now)
    {
        if (_disposed)
        {
            return;
        }

        DateTimeOffset? next = null;
        foreach (var absence in _absences.Values)
        {
            if (absence.Until is { } until && until > now && (next is null || until < next))
            {
                next = until;
            }
        }

        foreach (var notice in _notices.Values)
        {
            var moment = notice.From > now ? notice.From : notice.Until;
            if (moment > now && (next is null || moment < next))
            {
                next = moment;
            }
        }

        var due = next is { } at ? at - now : Timeout.InfiniteTimeSpan;
        _timer.Change(due > MaxTimerWait ? MaxTimerWait : due, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            foreach (var absence in _absences.Values.Where(a => !a.IsActive(now)).ToList())
            {
                _absences.Remove(absence.PersonId);
                changed.Add(absence.PersonId);
            }

            foreach (var notice in _notices.Values.ToList())
            {
                if (notice.Until <= now)
                {
                    _notices.Remove(notice.Id);
                    changed.Add(notice.DepartmentId);
                }
                else if (notice.From > _announcedUpTo && notice.From <= now)
                {
                    changed.Add(notice.DepartmentId);
                }
            }

            _announcedUpTo = now;
            Rearm(now);
        }

        foreach (var id in changed)
        {
            Raise(id);
        }
    }

    /// <summary>Calls each handler in turn; one that throws is logged and the rest still run.</summary>
    private void Raise(string id) => ChangeHandlers.Raise(Changed, id, LogHandlerFailed);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "A handler of AbsenceBook.Changed failed for '{Id}'")]
    private partial void LogHandlerFailed(Exception exception, string id);
}
