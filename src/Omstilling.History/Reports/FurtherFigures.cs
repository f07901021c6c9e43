namespace Omstilling.History.Reports;

/// <summary>The figures beside the goals over a report's calls (<see cref="CallFigures"/> defines each). Immutable.</summary>
/// <param name="Abandonment">Callers who gave up, of the calls from outside that waited for a person.</param>
/// <param name="AverageWaitBeforeGivingUp">How long those who gave up had waited, on average; null when none did.</param>
/// <param name="LongestWaitBeforeGivingUp">The longest of those waits.</param>
/// <param name="ServiceLevel">Calls that waited and were answered within the ring limit's time of starting to wait, of those that waited.</param>
/// <param name="WaitingTimes">The waits of the calls that waited, in buckets.</param>
/// <param name="CallsPerHour">Calls by the local hour they arrived in (24 entries, 0 = 00–01).</param>
/// <param name="CallsPerWeekday">Calls by local weekday (7 entries, Monday first).</param>
/// <param name="MenuChoices">How often each menu option was chosen (the after-hours menu and any other).</param>
/// <param name="Voicemails">Calls that reached a voicemail box, of all calls.</param>
/// <param name="Recalled">Transfers to a person that came back to the switchboard, of transfers to a person.</param>
/// <param name="UnansweredTransfers">Transfers to a person that the person did not take, per target, most first.</param>
public sealed record FurtherFigures(
    KpiFigure Abandonment,
    TimeSpan? AverageWaitBeforeGivingUp,
    TimeSpan? LongestWaitBeforeGivingUp,
    KpiFigure ServiceLevel,
    IReadOnlyList<WaitBucket> WaitingTimes,
    IReadOnlyList<int> CallsPerHour,
    IReadOnlyList<int> CallsPerWeekday,
    IReadOnlyList<MenuChoiceCount> MenuChoices,
    KpiFigure Voicemails,
    KpiFigure Recalled,
    IReadOnlyList<TargetCount> UnansweredTransfers);

/// <summary>Waits from <paramref name="From"/> (excluded, except 0) to <paramref name="To"/> (included; null = no upper bound).</summary>
public sealed record WaitBucket(TimeSpan From, TimeSpan? To, int Calls, int Answered, int Abandoned);

/// <summary>A menu option and how many calls chose it.</summary>
public sealed record MenuChoiceCount(string Menu, string Option, int Calls);

/// <summary>A transfer target (the extension) and how many transfers to it were not taken.</summary>
public sealed record TargetCount(string Target, int Calls);
