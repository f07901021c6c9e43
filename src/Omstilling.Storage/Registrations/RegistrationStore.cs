using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Bulk;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Registrations;

/// <summary>
/// The phones' registrations in the database (<c>registrations</c>): read once at start, and
/// replaced per address of record in batches by the registrar's writer. Each batch is one
/// transaction, so a <c>kill -9</c> leaves either the batch or the state before it. Thread-safe
/// (a context per call).
/// </summary>
public sealed class RegistrationStore(OmstillingDatabase database)
{
    /// <summary>Addresses of record deleted by one statement at most (a parameter each).</summary>
    private const int DeleteChunk = 500;

    /// <summary>The registrations that have not expired at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<RegistrationRecord>> LiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Registrations.AsNoTracking().Where(r => r.ExpiresAt > now).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="rows"/> the registrations of <paramref name="aors"/> (an address of
    /// record with no row left has none), and deletes every registration expired at
    /// <paramref name="now"/>, in one transaction.
    /// </summary>
    public async Task ReplaceAsync(IReadOnlyCollection<string> aors, IReadOnlyCollection<RegistrationRecord> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aors);
        ArgumentNullException.ThrowIfNull(rows);
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in aors.Chunk(DeleteChunk))
        {
            await db.Registrations.Where(r => chunk.Contains(r.Aor)).ExecuteDeleteAsync(cancellationToken);
        }

        await db.Registrations.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
