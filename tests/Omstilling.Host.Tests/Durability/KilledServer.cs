using Microsoft.EntityFrameworkCore;
using Omstilling.Storage;

namespace Omstilling.Host.Tests.Durability;

/// <summary>Reading a (killed or running) test server's own database, the embedded SQLite file in its data directory.</summary>
internal static class KilledServer
{
    public static async Task<T> QueryAsync<T>(string dataDirectory, Func<OmstillingDb, Task<T>> query)
    {
        await using var db = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(dataDirectory)).CreateContext();
        return await query(db);
    }

    /// <summary>Whether the server has written <paramref name="aor"/>'s registration to its database.</summary>
    public static Task<bool> HasKeptRegistrationAsync(string dataDirectory, string aor) =>
        QueryAsync(dataDirectory, db => db.Registrations.AnyAsync(r => r.Aor == aor));
}
