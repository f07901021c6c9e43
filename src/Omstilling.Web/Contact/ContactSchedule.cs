using System.Diagnostics;
using Omstilling.Directory.Text;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;

namespace Omstilling.Web.Contact;

/// <summary>
/// A unit's official telephone hours for the contact page, asked of the policy: whether it is open
/// now is the routing decision's own rule (overrides, holidays, half days), and each day's hours
/// are what <see cref="OpeningHours.Evaluate"/> gives for the date. Nothing here decides hours;
/// it only reads the policy's answers. Pure.
/// </summary>
internal static class ContactSchedule
{
    /// <summary>Days in <see cref="ContactHours.Week"/>: today and six more.</summary>
    public const int WeekDays = 7;

    /// <summary>How far ahead deviations are looked for.</summary>
    public const int DeviationHorizonDays = 366;

    /// <summary>How many deviations are listed, soonest first.</summary>
    public const int MaxDeviations = 6;

    /// <summary>How far ahead the next opening is looked for in the status.</summary>
    private const int OpeningHorizonDays = 14;

    public static ContactHours For(TelephonePolicy policy, Department unit, DateTimeOffset now)
    {
        var local = policy.ToLocal(now);
        var today = DateOnly.FromDateTime(local);
        var minute = (local.Hour * 60) + local.Minute;

        // The same decision a call gets: a department as its number routes it, the switchboard as the main number.
        var action = new PolicyAction(unit.Kind == UnitKind.Switchboard ? ActionKind.Operator : ActionKind.Department, unit.Id, unit.Source);
        var rule = policy.Resolve(action, now, PolicyState.Staffed).Rule;

        var week = Enumerable.Range(0, WeekDays).Select(d => Day(policy, unit, today.AddDays(d))).ToList();
        var deviations = Enumerable.Range(0, DeviationHorizonDays)
            .Select(d => Day(policy, unit, today.AddDays(d)))
            .Where(IsDeviation)
            .Take(MaxDeviations)
            .ToList();
        return new ContactHours(rule.IsOpen, Status(policy, unit, rule, now, today, minute), week[0], week, Regular(unit.Hours.Weekly), deviations);
    }

    /// <summary>The hours of one date, and the rule of the policy that gives them.</summary>
    public static ContactDay Day(TelephonePolicy policy, Department unit, DateOnly date)
    {
        var rule = unit.Hours.Evaluate(date, 0, policy.Calendar, unit.Id);
        var hours = rule.HoursToday ?? DailyHours.AllDay;
        var (kind, reason) = rule.Kind switch
        {
            RuleKind.AlwaysOpen => (ContactDayKind.AlwaysOpen, (string?)null),
            RuleKind.DateException => (ContactDayKind.Exception, rule.Exception?.Note),
            RuleKind.PublicHoliday => (ContactDayKind.Holiday, DanishDayNames.Danish(rule.Day)),
            RuleKind.OptionalClosingDay => (ContactDayKind.ClosingDay, DanishDayNames.Danish(rule.Day)),
            RuleKind.LocalClosingDay => (ContactDayKind.ClosingDay, rule.ClosingDay?.Name),

            // A working day: the week's hours, unless a half day cut them.
            RuleKind.WithinHours or RuleKind.BeforeOpening or RuleKind.AfterClosing or RuleKind.ClosedWeekday or RuleKind.HalfDay =>
                SameSpans(hours, unit.Hours.Weekly[date.DayOfWeek])
                    ? (ContactDayKind.Regular, null)
                    : (ContactDayKind.HalfDay, rule.Day == DanishDay.None ? null : DanishDayNames.Danish(rule.Day)),
            RuleKind.NumberNotInPlan or RuleKind.ManualOverride or RuleKind.NoOperatorLoggedIn or RuleKind.PersonalPhone
                or RuleKind.Action or RuleKind.TooDeep => throw new UnreachableException($"Hours do not decide by {rule.Kind}"),
            _ => throw new UnreachableException($"Not a rule kind: {rule.Kind}"),
        };
        return new ContactDay(date, ContactText.Weekday(date.DayOfWeek), Spans(hours), kind, reason);
    }

    private static bool IsDeviation(ContactDay day) => day.Kind switch
    {
        ContactDayKind.Regular or ContactDayKind.AlwaysOpen => false,
        ContactDayKind.Holiday or ContactDayKind.ClosingDay or ContactDayKind.HalfDay or ContactDayKind.Exception => true,
        _ => throw new UnreachableException($"Not a day kind: {day.Kind}"),
    };

    private static List<ContactWeekday> Regular(WeeklyHours weekly) =>
        [.. ContactText.MondayFirst.Select(d => new ContactWeekday(ContactText.Weekday(d), Spans(weekly[d])))];

    private static List<ContactSpan> Spans(DailyHours hours) =>
        [.. hours.Ranges.Select(r => new ContactSpan(TimeRange.FormatMinute(r.StartMinute), TimeRange.FormatMinute(r.EndMinute)))];

    private static bool SameSpans(DailyHours a, DailyHours b) => a.Ranges.SequenceEqual(b.Ranges);

    /// <summary>"Åben nu – lukker kl. 15.00", "Lukket nu – åbner i morgen kl. 08.00", "Åben hele døgnet".</summary>
    private static string Status(TelephonePolicy policy, Department unit, DecidingRule rule, DateTimeOffset now, DateOnly today, int minute)
    {
        if (rule.Kind == RuleKind.AlwaysOpen)
        {
            return "Åben hele døgnet";
        }

        if (rule.Kind == RuleKind.ManualOverride)
        {
            // An admin's switch: its own end, not the hours, says when it changes.
            var word = rule.IsOpen ? "Åben nu" : "Lukket nu";
            return rule.Override?.Reason is { Length: > 0 } reason ? $"{word} ({reason})" : word;
        }

        if (rule.IsOpen)
        {
            return rule.HoursToday is { } hours && hours.IsOpen(minute, out var span) && span.EndMinute < TimeRange.MinutesPerDay
                ? $"Åben nu – lukker {ContactText.Clock(span.EndMinute)}"
                : "Åben nu";
        }

        return NextOpening(policy, unit, today, minute) is { } opening
            ? $"Lukket nu – åbner {DanishTime.Until(opening, now, policy.TimeZone)}"
            : "Lukket nu";
    }

    /// <summary>The start of the next open span by the hours of each coming day, as an instant.</summary>
    private static DateTimeOffset? NextOpening(TelephonePolicy policy, Department unit, DateOnly today, int minute)
    {
        for (var d = 0; d <= OpeningHorizonDays; d++)
        {
            var date = today.AddDays(d);
            var hours = unit.Hours.Evaluate(date, 0, policy.Calendar, unit.Id).HoursToday ?? DailyHours.AllDay;
            int? start = d == 0
                ? (hours.TryGetNextOpening(minute, out var span) ? span.StartMinute : null)
                : (hours.IsClosedAllDay ? null : hours.Ranges[0].StartMinute);
            if (start is { } first)
            {
                var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(first);
                return LocalTimeResolver.Resolve(local, policy.TimeZone).Instant;
            }
        }

        return null;
    }
}
