namespace Omstilling.Policy.Schedule;

/// <summary>
/// What a date is: its kind, the named Danish day it is (if any, even on a working day: 1 May
/// when the policy keeps it open), and the local closing day behind it.
/// </summary>
public readonly record struct DayClassification(DayKind Kind, DanishDay Day, ClosingDay? ClosingDay)
{
    public bool IsClosed => Kind != DayKind.WorkingDay;
}
