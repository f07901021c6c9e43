namespace Omstilling.Policy.Schedule;

/// <summary>What kind of day a date is for the whole organisation.</summary>
public enum DayKind
{
    /// <summary>An ordinary day: the weekly hours apply (weekends are ordinary days with no hours).</summary>
    WorkingDay = 0,
    /// <summary>A Danish public holiday (helligdag): closed.</summary>
    PublicHoliday = 1,
    /// <summary>An optional day (24 and 31 December, 1 May, ...) that this policy chose to close.</summary>
    OptionalClosingDay = 2,
    /// <summary>A date the policy closes for its own reasons (lukkedag).</summary>
    LocalClosingDay = 3,
}
