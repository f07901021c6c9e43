using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Omstilling.Storage.Bulk;

/// <summary>
/// Inserts many new rows of one entity type without change tracking, in the context's open
/// transaction: SQLite one prepared INSERT run per row (SQLite's fastest way), PostgreSQL a binary
/// COPY. For the call history's batches, where EF's per-object tracking cost more than the write
/// itself (bench/RESULTS.md). Columns, conversions and parameter types come from the EF model, so
/// rows read back through EF exactly as if EF had written them.
/// </summary>
public static class BulkInsert
{
    /// <summary>Inserts <paramref name="rows"/>; a transaction must be open on <paramref name="db"/>.</summary>
    public static async Task InsertAsync<T>(OmstillingDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk insert runs in a transaction; begin one first.");
        var columns = BulkColumns.Of<T>(db);
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
                await InsertAsync(sqlite, (SqliteTransaction)transaction.GetDbTransaction(), columns, rows, cancellationToken);
                break;
            case NpgsqlConnection postgres:
                await CopyAsync(postgres, columns, rows, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"No bulk insert for {db.Database.ProviderName}.");
        }
    }

    private static Task InsertAsync<T>(SqliteConnection connection, SqliteTransaction transaction, BulkColumns columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        _ = transaction; // the statement runs on the connection, inside the transaction open on it
        using var insert = SqliteRowInsert<T>.Prepare(connection, columns);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Run(row);
        }

        return Task.CompletedTask;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, BulkColumns columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var copy = $"COPY \"{columns.Table}\" ({string.Join(", ", columns.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        var types = columns.Columns.Select(c => PostgresTypes.Of(c.Mapping)).ToArray();
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Length; i++)
            {
                var value = columns.Columns[i].ProviderValue(row);
                if (value is DBNull)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, types[i], cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
