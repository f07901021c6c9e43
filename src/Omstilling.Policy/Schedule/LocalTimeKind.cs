namespace Omstilling.Policy.Schedule;

/// <summary>How a wall-clock time maps to instants in a zone with daylight saving time.</summary>
public enum LocalTimeKind
{
    /// <summary>Exactly one instant has this wall-clock time.</summary>
    Unique = 0,
    /// <summary>
    /// The time does not exist: the clocks jumped over it (02:00-03:00 on the last Sunday in
    /// March in Copenhagen). It is moved forward by the length of the gap (02:30 → 03:30).
    /// </summary>
    Skipped = 1,
    /// <summary>
    /// The time happens twice: the clocks were put back over it (02:00-03:00 on the last Sunday
    /// in October). The earlier occurrence (summer time) is chosen; the later is kept too.
    /// </summary>
    Ambiguous = 2,
}
