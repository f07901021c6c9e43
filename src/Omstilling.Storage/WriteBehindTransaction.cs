using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Omstilling.Storage;

/// <summary>
/// A transaction for data that is written behind, the call history's batches: its commit does not
/// wait for the disk. A commit survives the process's crash (<c>kill -9</c>), as every other
/// does; only a power cut or a crash of the machine may take back the last commits before the
/// database next synced (at most a few seconds of history, which lingers in memory that long
/// anyway). The rest of the platform's data (messages, absences, the directory) keeps waiting
/// for the disk. Waiting cost the history about as much as writing it: on SQLite each commit's
/// <c>fsync</c> cost kernel time, some 4-6 % of the CPU per call at 1,000 calls/s
/// (bench/RESULTS.md).
/// <list type="bullet">
/// <item>SQLite (WAL): <c>PRAGMA synchronous=NORMAL</c> on the connection for the transaction, and
/// its setting before back afterwards; SQLite changes it only outside a transaction, and the
/// connection goes back to a pool the rest of the platform shares. Checkpoints still sync.</item>
/// <item>PostgreSQL: <c>SET LOCAL synchronous_commit = off</c>, for this transaction alone.</item>
/// </list>
/// Disposing it without <see cref="CommitAsync"/> rolls back.
/// </summary>
public sealed class WriteBehindTransaction : IAsyncDisposable
{
    private readonly OmstillingDb _db;
    private readonly IDbContextTransaction _transaction;
    private readonly long? _sqliteSynchronous;

    private WriteBehindTransaction(OmstillingDb db, IDbContextTransaction transaction, long? sqliteSynchronous)
    {
        _db = db;
        _transaction = transaction;
        _sqliteSynchronous = sqliteSynchronous;
    }

    /// <summary>Begins the transaction on <paramref name="db"/>, which keeps its connection open until this is disposed.</summary>
    public static async Task<WriteBehindTransaction> BeginAsync(OmstillingDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        long? synchronous = null;
        IDbContextTransaction? transaction = null;
        try
        {
            if (connection is SqliteConnection)
            {
                synchronous = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA synchronous", cancellationToken), CultureInfo.InvariantCulture);
                await ScalarAsync(connection, "PRAGMA synchronous=NORMAL", cancellationToken);
            }

            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (connection is not SqliteConnection)
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", cancellationToken);
            }

            return new WriteBehindTransaction(db, transaction, synchronous);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync(); // rolled back before the connection closes
            }

            await RestoreAsync(db, connection, synchronous);
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await RestoreAsync(_db, _db.Database.GetDbConnection(), _sqliteSynchronous);
    }

    /// <summary>SQLite's setting back as it was, then the connection closed (back to its pool).</summary>
    private static async Task RestoreAsync(OmstillingDb db, DbConnection connection, long? synchronous)
    {
        try
        {
            if (synchronous is { } level)
            {
                await ScalarAsync(connection, $"PRAGMA synchronous={level.ToString(CultureInfo.InvariantCulture)}", CancellationToken.None);
            }
        }
        catch when (connection is SqliteConnection sqlite)
        {
            SqliteConnection.ClearPool(sqlite); // never leave a connection that does not wait for the disk to the others
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
