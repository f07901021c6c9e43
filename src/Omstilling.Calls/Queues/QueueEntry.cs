namespace Omstilling.Calls.Queues;

/// <summary>A caller waiting in a queue, as the console lists it. Immutable.</summary>
/// <param name="Position">1 = next to be offered.</param>
/// <param name="Since">When the caller joined the queue (a recall: when it came back).</param>
/// <param name="OfferedTo">The members whose phones ring for this caller now, if any.</param>
/// <param name="Recalled">A transfer that was not answered and came back to the switchboard.</param>
public sealed record QueueEntry(Guid CallId, string QueueId, int Position, DateTimeOffset Since, IReadOnlyList<string> OfferedTo, bool Recalled);
