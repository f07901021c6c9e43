using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Omstilling.Storage.Bulk;

/// <summary>
/// One row's INSERT prepared once on SQLite's own statement handle and run for row after row,
/// each value bound by its position. Microsoft.Data.Sqlite would bind every parameter by name on
/// every run (a name lookup each) and make a data reader per run; for the history's thousands of
/// rows a second that was most of the cost (bench history-write). Values are bound as the .NET
/// driver binds them for EF: the model's converter first, then integers, reals, text and blobs,
/// a Guid as upper-case text when its EF parameter says text. Not thread-safe.
/// </summary>
internal sealed class SqliteRowInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly BulkColumns _columns;
    private readonly bool[] _guidAsText;

    private SqliteRowInsert(sqlite3 database, sqlite3_stmt statement, BulkColumns columns, bool[] guidAsText)
    {
        _database = database;
        _statement = statement;
        _columns = columns;
        _guidAsText = guidAsText;
    }

    public static SqliteRowInsert Prepare(SqliteConnection connection, BulkColumns columns)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var sql = $"INSERT INTO \"{columns.Table}\" ({string.Join(", ", columns.Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Columns.Select(_ => "?"))})";
        Check(database, raw.sqlite3_prepare_v2(database, sql, out var statement));
        using var probe = connection.CreateCommand();
        var guidAsText = columns.Columns.Select(c => c.Mapping.CreateParameter(probe, "$probe", null, c.Nullable) is SqliteParameter { SqliteType: SqliteType.Text }).ToArray();
        return new SqliteRowInsert(database, statement, columns, guidAsText);
    }

    public void Run(object row)
    {
        for (var i = 0; i < _columns.Columns.Count; i++)
        {
            Bind(i + 1, _columns.Columns[i].ProviderValue(row), _guidAsText[i]);
        }

        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            throw new SqliteException($"SQLite refused a row of {_columns.Table}: {raw.sqlite3_errmsg(_database).utf8_to_string()}", result);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(int index, object value, bool guidAsText)
    {
        var result = value switch
        {
            DBNull => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            short number => raw.sqlite3_bind_int64(_statement, index, number),
            byte number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, index, real),
            float real => raw.sqlite3_bind_double(_statement, index, real),
            Guid id when guidAsText => raw.sqlite3_bind_text(_statement, index, id.ToString().ToUpperInvariant()),
            Guid id => raw.sqlite3_bind_blob(_statement, index, id.ToByteArray()),
            byte[] blob => raw.sqlite3_bind_blob(_statement, index, blob),
            _ => throw new NotSupportedException($"No SQLite bulk binding for {value.GetType().Name} in {_columns.Table}; add it here."),
        };
        Check(_database, result);
    }

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite: {raw.sqlite3_errmsg(database).utf8_to_string()}", result);
        }
    }
}
