namespace Omstilling.History.CallLists;

/// <summary>
/// A caller of the main number today whom nobody answered (they gave up waiting or ringing, or the
/// call ended unanswered) and who has not been answered since: their last such call, how long they
/// waited in it, and how many such calls they made today. Immutable.
/// </summary>
public sealed record UnansweredCaller(Guid CallId, string Caller, DateTimeOffset CalledAt, TimeSpan Waited, int Calls, bool GaveUp);
