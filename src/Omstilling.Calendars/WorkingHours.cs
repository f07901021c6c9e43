using System.Collections.Immutable;
using Omstilling.Directory.Model;
using Omstilling.Policy;
using Omstilling.Policy.Schedule;

namespace Omstilling.Calendars;

/// <summary>
/// "Next free time": the first moment from now inside the person's working hours that no busy
/// span covers. Working hours are the telephone hours of the person's department in the policy
/// (its holidays, closing days, half days and exceptions included); a department with no hours of
/// its own works <see cref="DefaultHours"/> on working days. Thread-safe; reads the policy in
/// force on every call.
/// </summary>
public sealed class WorkingHours
{
    /// <summary>08:00-15:30, Monday to Friday, when the policy gives the department no hours.</summary>
    public static readonly TimeRange DefaultHours = new(8 * 60, 15 * 60 + 30);

    /// <summary>How far ahead to look; beyond it the next free time is not known.</summary>
    public const int DaysAhead = 31;

    private readonly Func<TelephonePolicy?> _policy;
    private readonly TimeZoneInfo _zone;

    /// <param name="policy">The policy in force, or null (then default hours and the Danish holidays).</param>
    /// <param name="zone">The time zone when there is no policy; the policy's own otherwise.</param>
    public WorkingHours(Func<TelephonePolicy?> policy, TimeZoneInfo zone)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    }

    /// <summary>
    /// The first moment at or after <paramref name="now"/> in working hours and outside every
    /// span of <paramref name="busy"/> (merged, in order); null when none within <see cref="DaysAhead"/> days.
    /// </summary>
    public DateTimeOffset? NextFree(Person person, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> busy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(busy);
        var policy = _policy();
        var zone = policy?.TimeZone ?? _zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var day = 0; day < DaysAhead; day++)
        {
            var date = today.AddDays(day);
            foreach (var range in HoursOn(policy, person.DepartmentId, date))
            {
                var start = At(date, range.StartMinute, zone);
                var end = At(date, range.EndMinute, zone);
                var candidate = start > now ? start : now;
                foreach (var (busyStart, busyEnd) in busy)
                {
                    if (busyEnd <= candidate)
                    {
                        continue;
                    }

                    if (busyStart > candidate)
                    {
                        break;
                    }

                    candidate = busyEnd;
                }

                if (candidate < end)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The department's hours on the date by the policy's one rule (<see cref="OpeningHours.Evaluate"/>), or the default hours on working days.</summary>
    private static ImmutableArray<TimeRange> HoursOn(TelephonePolicy? policy, string departmentId, DateOnly date)
    {
        var department = policy is null ? null
            : departmentId == policy.Switchboard.Id ? policy.Switchboard
            : policy.Departments.GetValueOrDefault(departmentId);
        if (department is not null && !department.Hours.IsAlways)
        {
            return department.Hours.Evaluate(date, 0, policy!.Calendar, department.Id).HoursToday?.Ranges ?? [];
        }

        var calendar = policy?.Calendar ?? HolidayCalendar.Danish;
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return weekend || calendar.Classify(date).IsClosed ? [] : [DefaultHours];
    }

    private static DateTimeOffset At(DateOnly date, int minute, TimeZoneInfo zone) =>
        LocalTimeResolver.Resolve(date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute), zone).Instant;
}
