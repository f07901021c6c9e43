namespace Omstilling.Policy.Routing;

/// <summary>Which rule of the policy decided a routing decision (for explain and call events).</summary>
public enum RuleKind
{
    /// <summary>The dialled number is not in the number plan.</summary>
    NumberNotInPlan = 0,
    /// <summary>Inside the official telephone hours of the day.</summary>
    WithinHours = 1,
    /// <summary>Before the first opening of the day.</summary>
    BeforeOpening = 2,
    /// <summary>After the last closing of the day, or between two spans.</summary>
    AfterClosing = 3,
    /// <summary>The weekday has no telephone hours (e.g. Saturday and Sunday).</summary>
    ClosedWeekday = 4,
    /// <summary>A Danish public holiday.</summary>
    PublicHoliday = 5,
    /// <summary>An optional day the policy closes (e.g. 24 December).</summary>
    OptionalClosingDay = 6,
    /// <summary>A local closing day of the policy.</summary>
    LocalClosingDay = 7,
    /// <summary>Special hours for this date (open or closed as they say).</summary>
    DateException = 8,
    /// <summary>A half day: open in the morning, closed after the early closing time.</summary>
    HalfDay = 9,
    /// <summary>A manual override set by an admin (or planned in the file).</summary>
    ManualOverride = 10,
    /// <summary>The switchboard is open but no operator is logged in.</summary>
    NoOperatorLoggedIn = 11,
    /// <summary>An extension or a person's number: it rings at any hour.</summary>
    PersonalPhone = 12,
    /// <summary>The unit has no telephone hours: it is always open.</summary>
    AlwaysOpen = 13,
    /// <summary>An action written in the policy (a menu option, an overflow rule); the source says where.</summary>
    Action = 14,
    /// <summary>Resolving went deeper than the policy allows (a loop the loader should have refused).</summary>
    TooDeep = 15,
}
