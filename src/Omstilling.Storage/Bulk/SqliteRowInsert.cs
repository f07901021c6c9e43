using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Omstilling.Storage.Bulk;

/// <summary>
/// One row's INSERT prepared once on SQLite's own statement handle and run for row after row,
/// each value bound by its position. Microsoft.Data.Sqlite would bind every parameter by name on
/// every run (a name lookup each) and make a data reader per run; for the history's thousands of
/// rows a second that was most of the cost (bench history-write). Values are bound as the .NET
/// driver binds them for EF (<see cref="SqliteColumn{T}"/>), read through typed getters; a column
/// that is null in this row and was null in the last is not bound again (SQLite keeps a
/// statement's bindings from run to run), so a row of mostly empty columns binds only the few it
/// has. Not thread-safe.
/// </summary>
internal sealed class SqliteRowInsert<T> : IDisposable
    where T : class
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly string _table;
    private readonly SqliteColumn<T>[] _columns;
    private readonly bool[] _bound;

    private SqliteRowInsert(sqlite3 database, sqlite3_stmt statement, string table, SqliteColumn<T>[] columns)
    {
        _database = database;
        _statement = statement;
        _table = table;
        _columns = columns;
        _bound = new bool[columns.Length];
    }

    public static SqliteRowInsert<T> Prepare(SqliteConnection connection, BulkTable<T> table)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(database, raw.sqlite3_prepare_v2(database, table.Insert, out var statement));
        return new SqliteRowInsert<T>(database, statement, table.Columns.Table, table.SqliteBinders(connection));
    }

    public void Run(T row)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_columns[i].Bind(_statement, i + 1, row) is { } bound)
            {
                Check(_database, bound);
                _bound[i] = true;
            }
            else if (_bound[i])
            {
                Check(_database, raw.sqlite3_bind_null(_statement, i + 1));
                _bound[i] = false;
            }
        }

        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            throw new SqliteException($"SQLite refused a row of {_table}: {raw.sqlite3_errmsg(_database).utf8_to_string()}", result);
        }
    }

    public void Dispose() => _statement.Dispose();

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite: {raw.sqlite3_errmsg(database).utf8_to_string()}", result);
        }
    }
}
