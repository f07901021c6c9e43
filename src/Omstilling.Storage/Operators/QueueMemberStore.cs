using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Operators;

/// <summary>
/// The switchboard operators who are logged out or paused (<c>queue_members</c>): read at start,
/// and the whole set replaced in one transaction on a change (it is a handful of rows).
/// Thread-safe (a context per call).
/// </summary>
public sealed class QueueMemberStore(OmstillingDatabase database)
{
    public async Task<IReadOnlyList<QueueMemberRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.QueueMembers.AsNoTracking().OrderBy(m => m.Extension).ToListAsync(cancellationToken);
    }

    /// <summary>Makes <paramref name="members"/> the whole set, in one transaction.</summary>
    public async Task ReplaceAsync(IReadOnlyCollection<QueueMemberRecord> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.QueueMembers.ExecuteDeleteAsync(cancellationToken);
        db.QueueMembers.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
