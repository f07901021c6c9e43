using Omstilling.Policy.Schedule;

namespace Omstilling.Policy.Model;

/// <summary>
/// When a menu option is offered: in a season, within weekly hours, both, or always; and whether
/// it is switched on at all (an option switched off is only offered while an override opens it).
/// </summary>
public sealed record OptionAvailability(bool IsEnabled, Season? Season, WeeklyHours? Hours)
{
    public static OptionAvailability Always { get; } = new(true, null, null);

    public bool IsAlways => IsEnabled && Season is null && Hours is null;

    /// <summary>Offered at the local date and minute (overrides are checked by the caller).</summary>
    public bool IsAvailable(DateOnly date, int minuteOfDay) =>
        IsEnabled
        && (Season is null || Season.Contains(date))
        && (Hours is null || Hours[date.DayOfWeek].IsOpen(minuteOfDay, out _));
}
