using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Omstilling.Storage.Bulk;

/// <summary>
/// Inserts many new rows of one entity type without change tracking, in the context's open
/// transaction: SQLite one prepared INSERT run per row (SQLite's fastest way), PostgreSQL a binary
/// COPY. Columns, conversions and parameter types come from the EF model, so rows read back
/// through EF exactly as if EF had written them. What it reads from the model for a type (the
/// columns, the statements, SQLite's typed binders) it keeps, so that a writer that inserts a
/// batch several times a second, as the call history's does, does not read the model and build
/// its binders each time (bench history-write). Thread-safe.
/// </summary>
public sealed class BulkInserter
{
    private readonly ConcurrentDictionary<(IModel Model, Type Entity), object> _tables = new();

    /// <summary>Inserts <paramref name="rows"/>; a transaction must be open on <paramref name="db"/>.</summary>
    public async Task InsertAsync<T>(OmstillingDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A bulk insert runs in a transaction; begin one first.");
        }

        var table = (BulkTable<T>)_tables.GetOrAdd((db.Model, typeof(T)), static (_, context) => new BulkTable<T>(BulkColumns.Of<T>(context)), db);
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
                Insert(sqlite, table, rows, cancellationToken);
                break;
            case NpgsqlConnection postgres:
                await CopyAsync(postgres, table, rows, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"No bulk insert for {db.Database.ProviderName}.");
        }
    }

    /// <remarks>The statement runs on the connection, inside the transaction open on it.</remarks>
    private static void Insert<T>(SqliteConnection connection, BulkTable<T> table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        using var insert = SqliteRowInsert<T>.Prepare(connection, table);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Run(row);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, BulkTable<T> table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var columns = table.Columns.Columns;
        var types = table.PostgresTypes();
        await using var importer = await connection.BeginBinaryImportAsync(table.Copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].ProviderValue(row);
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
