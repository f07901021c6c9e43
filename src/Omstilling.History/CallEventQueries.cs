using Omstilling.Storage;
using Omstilling.Storage.Entities;

namespace Omstilling.History;

/// <summary>
/// The reads of call events by kind, each written so that the database can use that kind's
/// partial index (<see cref="CallEventKinds"/>): the kind is a constant in the expression, so it
/// reaches the SQL as the same literal as the index's filter. A kind passed in as a value would
/// become a parameter, and the database would read every event of the period instead (the test
/// of these queries' plans fails then).
/// </summary>
internal static class CallEventQueries
{
    /// <summary>Every call's first event.</summary>
    public static IQueryable<CallEventRecord> Started(OmstillingDb db) =>
        db.CallEvents.Where(e => e.Kind == CallEventKinds.Started);

    /// <summary>Transfers begun from <paramref name="from"/> until before <paramref name="to"/>.</summary>
    public static IQueryable<CallEventRecord> TransfersStarted(OmstillingDb db, DateTimeOffset from, DateTimeOffset to) =>
        db.CallEvents.Where(e => e.Kind == CallEventKinds.TransferStarted && e.At >= from && e.At < to);

    /// <summary>Transfers put through from <paramref name="from"/> on.</summary>
    public static IQueryable<CallEventRecord> TransfersCompleted(OmstillingDb db, DateTimeOffset from) =>
        db.CallEvents.Where(e => e.Kind == CallEventKinds.TransferCompleted && e.At >= from);
}
