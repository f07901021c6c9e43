namespace Omstilling.History.CallLists;

/// <summary>A person's own calls of the last days (<see cref="PersonCalls.Period"/>), newest first. Immutable.</summary>
public sealed record PersonCallList(IReadOnlyList<MissedCall> Missed, IReadOnlyList<PutThroughCall> PutThrough);
