namespace Omstilling.History.CallLists;

/// <summary>The switchboard's day so far, as the console's call history shows it, newest first. Immutable.</summary>
public sealed record SwitchboardDay(DateOnly Day, IReadOnlyList<SwitchboardCall> Calls, IReadOnlyList<UnansweredCaller> Unanswered);
