using Microsoft.Data.Sqlite;
using NpgsqlTypes;

namespace Omstilling.Storage.Bulk;

/// <summary>
/// What a bulk insert of <typeparamref name="T"/> needs, read from the model once
/// (<see cref="BulkInserter"/>): the columns, both databases' statements, and the binders or
/// parameter types of the database it is used with, made the first time. A race to make them
/// makes the same twice; either is kept.
/// </summary>
internal sealed class BulkTable<T>
    where T : class
{
    private SqliteColumn<T>[]? _sqliteBinders;
    private NpgsqlDbType[]? _postgresTypes;

    public BulkTable(BulkColumns columns)
    {
        Columns = columns;
        var names = string.Join(", ", columns.Columns.Select(c => $"\"{c.Name}\""));
        Insert = $"INSERT INTO \"{columns.Table}\" ({names}) VALUES ({string.Join(", ", columns.Columns.Select(_ => "?"))})";
        Copy = $"COPY \"{columns.Table}\" ({names}) FROM STDIN (FORMAT BINARY)";
    }

    public BulkColumns Columns { get; }

    /// <summary>SQLite's INSERT of one row, each value a positional parameter in column order.</summary>
    public string Insert { get; }

    /// <summary>PostgreSQL's binary COPY of the columns.</summary>
    public string Copy { get; }

    /// <summary>A typed binder per column, in column order.</summary>
    public SqliteColumn<T>[] SqliteBinders(SqliteConnection connection) => _sqliteBinders ??= SqliteColumn<T>.ForAll(connection, Columns);

    /// <summary>Each column's PostgreSQL type, in column order.</summary>
    public NpgsqlDbType[] PostgresTypes() => _postgresTypes ??= [.. Columns.Columns.Select(c => Bulk.PostgresTypes.Of(c.Mapping))];
}
