namespace Omstilling.Storage.Bulk;

/// <summary>
/// A single bulk insert (<see cref="BulkInserter"/>) for code that inserts now and then: the
/// directory's import, the registrations' save, the calls a restart closed. A writer that inserts
/// batch after batch keeps a <see cref="BulkInserter"/> of its own instead, which reads the model once.
/// </summary>
public static class BulkInsert
{
    /// <summary>Inserts <paramref name="rows"/>; a transaction must be open on <paramref name="db"/>.</summary>
    public static Task InsertAsync<T>(OmstillingDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
        where T : class => new BulkInserter().InsertAsync(db, rows, cancellationToken);
}
