using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calls.Events;
using Omstilling.Directory;
using Omstilling.History;
using Omstilling.Runtime;
using Omstilling.Storage;

namespace Omstilling.Host.Cli;

/// <summary>
/// The warm-up's own call history: its calls' events written the way the server's history writes
/// them (rows, call records and rings in one transaction per batch, parties resolved against the
/// directory), into an embedded database in a folder of its own that is deleted afterwards. Without
/// it the first real calls paid for compiling the writer and Entity Framework Core on the same two
/// cores as the calls (bench/RESULTS.md, cold start: some 1,500 of the methods compiled during the
/// first ten seconds were the history's). Nothing of it reaches the server's database.
/// </summary>
internal sealed class WarmupHistory : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly OmstillingDatabase _database;
    private readonly HistoryWriter _writer;
    private readonly IDisposable _subscription;
    private bool _disposed;

    private WarmupHistory(DirectoryInfo folder, OmstillingDatabase database, HistoryWriter writer, IDisposable subscription)
    {
        _folder = folder;
        _database = database;
        _writer = writer;
        _subscription = subscription;
    }

    /// <summary>Events written so far.</summary>
    public long Written => _writer.Status.Written;

    /// <summary>
    /// A fresh database in a new folder in <paramref name="parent"/> (the system's temporary folder
    /// when null), migrated, and a writer taking <paramref name="events"/>.
    /// </summary>
    public static async Task<WarmupHistory> StartAsync(CallEventDispatcher events, Func<StaffDirectory> directory, FaultMonitor faults, TimeProvider time, string? parent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var folder = parent is null
            ? System.IO.Directory.CreateTempSubdirectory("omstilling-warmup-")
            : System.IO.Directory.CreateDirectory(Path.Combine(parent, "omstilling-warmup-" + Guid.NewGuid().ToString("N")));
        try
        {
            var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(folder.FullName));
            await database.MigrateAsync(cancellationToken);
            var writer = new HistoryWriter(database, directory, faults, time, NullLogger<HistoryWriter>.Instance);
            var subscription = events.Subscribe("the warm-up's history", writer.Post);
            writer.Start();
            return new WarmupHistory(folder, database, writer, subscription);
        }
        catch
        {
            Remove(folder, null);
            throw;
        }
    }

    /// <summary>Writes what is left, then removes the database and its folder. Once; again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _subscription.Dispose();
        await _writer.DisposeAsync();
        Remove(_folder, _database);
    }

    private static void Remove(DirectoryInfo folder, OmstillingDatabase? database)
    {
        if (database is not null)
        {
            // Pooled connections keep the file open; only this database's pool is closed.
            using var connection = new SqliteConnection(database.Options.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held is left in the temporary folder for the system to clean; the warm-up is done either way.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
