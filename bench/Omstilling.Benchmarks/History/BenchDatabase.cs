using Microsoft.EntityFrameworkCore;
using Npgsql;
using Omstilling.Storage;

namespace Omstilling.Benchmarks.History;

/// <summary>
/// A fresh, migrated database for one benchmark run: SQLite in a temporary folder, or a new
/// database on the PostgreSQL server named by OMSTILLING_BENCH_POSTGRES (scripts/test-postgres.sh
/// starts one). Removed afterwards.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly (string Server, string Name)? _postgres;

    private BenchDatabase(OmstillingDatabase database, string? folder, (string, string)? postgres)
    {
        Database = database;
        _folder = folder;
        _postgres = postgres;
    }

    public OmstillingDatabase Database { get; }

    public string Name => _postgres is null ? "SQLite" : "PostgreSQL";

    /// <summary>The PostgreSQL server to measure on, or null to measure SQLite alone.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("OMSTILLING_BENCH_POSTGRES");

    public static async Task<BenchDatabase> CreateAsync(StorageProvider provider)
    {
        BenchDatabase bench;
        if (provider == StorageProvider.Sqlite)
        {
            var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-bench-").FullName;
            bench = new BenchDatabase(new OmstillingDatabase(DatabaseOptions.Parse(Path.Combine(folder, "bench.db"))), folder, null);
        }
        else
        {
            var server = PostgresServer ?? throw new InvalidOperationException("Set OMSTILLING_BENCH_POSTGRES to a PostgreSQL connection string (scripts/test-postgres.sh start prints one).");
            var name = "omstilling_bench_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var options = new DatabaseOptions(StorageProvider.PostgreSql, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
            bench = new BenchDatabase(new OmstillingDatabase(options), null, (server, name));
        }

        await bench.Database.MigrateAsync(CancellationToken.None);
        await DropIndexesAsync(bench.Database);
        return bench;
    }

    /// <summary>
    /// Drops the indexes named in OMSTILLING_BENCH_DROP_INDEXES (space-separated), to measure what
    /// each costs the writer; none when it is not set.
    /// </summary>
    private static async Task DropIndexesAsync(OmstillingDatabase database)
    {
        var names = Environment.GetEnvironmentVariable("OMSTILLING_BENCH_DROP_INDEXES")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        await using var db = database.CreateContext();
        foreach (var name in names)
        {
            var drop = "DROP INDEX \"" + name.Replace("\"", "", StringComparison.Ordinal) + "\""; // a bench's own setting, quoted
            await db.Database.ExecuteSqlRawAsync(drop);
        }
    }

    /// <summary>The providers to measure: SQLite, and PostgreSQL when a server is given.</summary>
    public static IEnumerable<StorageProvider> Providers() =>
        PostgresServer is null ? [StorageProvider.Sqlite] : [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(_folder, recursive: true);
        }

        if (_postgres is { } postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgres.Server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgres.Name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
