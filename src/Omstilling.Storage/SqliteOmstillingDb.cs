using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Omstilling.Storage;

/// <summary>The embedded database (SQLite), the default for one node.</summary>
public sealed class SqliteOmstillingDb(DbContextOptions<SqliteOmstillingDb> options) : OmstillingDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date type: as text, instants neither compare nor sort in queries; as
        // binary (UTC ticks and offset in one integer) they do both.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
