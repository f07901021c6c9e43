namespace Omstilling.History.CallLists;

/// <summary>
/// A call put through to a person (a completed transfer): when, who called, which operator, and who
/// marked it "fejlstillet" (null when nobody has). <paramref name="Ended"/> is false while the call
/// goes on (its record is written when it ends). Immutable.
/// </summary>
public sealed record PutThroughCall(Guid CallId, DateTimeOffset At, string Caller, string? Operator, string? MisroutedBy, bool Ended);
