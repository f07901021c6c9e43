using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Omstilling.Storage;

/// <summary>
/// For <c>dotnet ef migrations add NAME --context SqliteOmstillingDb -o Migrations/Sqlite</c> (and
/// PostgresOmstillingDb into Migrations/Postgres): the tools need a context without the host.
/// Making a migration connects to nothing.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOmstillingDb>
{
    public SqliteOmstillingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOmstillingDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOmstillingDb>
{
    public PostgresOmstillingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOmstillingDb>().UseNpgsql("Host=localhost;Database=omstilling").Options);
}
