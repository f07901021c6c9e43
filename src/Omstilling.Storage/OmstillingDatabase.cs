using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Omstilling.Storage;

/// <summary>
/// Opens the configured database: contexts for units of work, and the schema brought up to date
/// by the provider's migrations at start. Thread-safe; contexts it creates are not.
/// </summary>
public sealed class OmstillingDatabase
{
    private readonly DbContextOptions _options;

    public OmstillingDatabase(DatabaseOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _options = options.Provider switch
        {
            StorageProvider.Sqlite => Configure(new DbContextOptionsBuilder<SqliteOmstillingDb>().UseSqlite(options.ConnectionString), loggerFactory),
            StorageProvider.PostgreSql => Configure(new DbContextOptionsBuilder<PostgresOmstillingDb>().UseNpgsql(options.ConnectionString), loggerFactory),
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
    }

    public DatabaseOptions Options { get; }

    public OmstillingDb CreateContext() => Options.Provider == StorageProvider.Sqlite
        ? new SqliteOmstillingDb((DbContextOptions<SqliteOmstillingDb>)_options)
        : new PostgresOmstillingDb((DbContextOptions<PostgresOmstillingDb>)_options);

    /// <summary>Creates the database when it is new and applies the migrations it lacks.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (Options.DatabaseFile is { } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (Options.Provider == StorageProvider.Sqlite)
        {
            // Readers do not wait for the writer (the console reads while calls write).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static DbContextOptions<T> Configure<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory)
        where T : DbContext
    {
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Options;
    }
}
