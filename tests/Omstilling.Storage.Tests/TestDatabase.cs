using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Omstilling.Storage.Tests;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in a temporary folder, or a new
/// database on the PostgreSQL server that <c>test.sh</c> starts (its connection string in
/// OMSTILLING_TEST_POSTGRES). Dropped afterwards.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;
    private readonly string? _postgresServer;

    private TestDatabase(OmstillingDatabase database, string? folder, string? postgresName, string? postgresServer)
    {
        Database = database;
        _folder = folder;
        _postgresName = postgresName;
        _postgresServer = postgresServer;
    }

    public OmstillingDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        TestDatabase test;
        if (provider == StorageProvider.Sqlite)
        {
            var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-db-").FullName;
            test = new TestDatabase(new OmstillingDatabase(DatabaseOptions.Parse(Path.Combine(folder, "test.db"))), folder, null, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("OMSTILLING_TEST_POSTGRES")
                ?? throw new InvalidOperationException("OMSTILLING_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL (scripts/test-postgres.sh).");
            var name = "omstilling_test_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            test = new TestDatabase(new OmstillingDatabase(new DatabaseOptions(StorageProvider.PostgreSql, builder.ConnectionString)), null, name, server);
        }

        await test.Database.MigrateAsync(CancellationToken.None);
        return test;
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(_folder, recursive: true);
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The tables the migrations made.</summary>
    public async Task<int> CountAsync<T>(Func<OmstillingDb, IQueryable<T>> set)
    {
        await using var db = Database.CreateContext();
        return await set(db).CountAsync();
    }
}
