using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>One call: its record (with the phones that rang) and its events in the order they happened. Immutable.</summary>
public sealed record CallTimeline(CallRecord Record, IReadOnlyList<CallEventRecord> Events);
