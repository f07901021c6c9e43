namespace Omstilling.Storage.Entities;

/// <summary>
/// The kinds of call event (<see cref="CallEventRecord.Kind"/>, the call engine's event kinds by
/// name) that have an index of their own: the only kinds read by period. Queries name them by
/// these constants, so that the SQL carries the same literal as the index's filter; a test in
/// the history's project checks each against the engine's kind of that name.
/// </summary>
public static class CallEventKinds
{
    /// <summary>A call began: read at start, to close the calls a stop left open.</summary>
    public const string Started = "Started";

    /// <summary>A transfer began: a blind one lets the operator go at once (staffing).</summary>
    public const string TransferStarted = "TransferStarted";

    /// <summary>A transfer was put through: when the operator let go (staffing), and a person's list of calls put through to them.</summary>
    public const string TransferCompleted = "TransferCompleted";

    /// <summary>Each indexed kind with its index's name.</summary>
    public static IReadOnlyList<(string Kind, string Index)> Indexed { get; } =
    [
        (Started, "IX_call_events_started_At"),
        (TransferStarted, "IX_call_events_transfer_started_At"),
        (TransferCompleted, "IX_call_events_transfer_completed_At"),
    ];
}
