using Omstilling.Storage;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Users;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// A server (its own process, no demo) on a data directory whose database holds web users and the
/// calls a test writes before the start: each record with its rings and events, as the history
/// writer would have left them.
/// </summary>
internal sealed class HistoryServer : IAsyncDisposable
{
    private HistoryServer(ServerProcess server, string data) => (Server, Data) = (server, data);

    public ServerProcess Server { get; }

    public string Data { get; }

    public static string Password(string user) => "hemmelig-" + user;

    /// <summary>Operator 100, staff 2001 (Birgitte Holst) and 2012 (Camilla Holm), and the administrator (no extension).</summary>
    public static async Task<HistoryServer> StartAsync(Func<OmstillingDb, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var data = System.IO.Directory.CreateTempSubdirectory("omstilling-history-").FullName;
        var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(data));
        await database.MigrateAsync(CancellationToken.None);
        await new UserStore(database, TimeProvider.System).CreateManyAsync(
        [
            new NewUser("100", "Lise Jørgensen", [UserRole.Operator], Password("100")) { Extension = "100" },
            new NewUser("2001", "Birgitte Holst", [UserRole.Staff], Password("2001")) { Extension = "2001", PersonId = "birgitte-holst" },
            new NewUser("2012", "Camilla Holm", [UserRole.Staff], Password("2012")) { Extension = "2012", PersonId = "camilla-holm" },
            new NewUser("admin", "Administrator", [UserRole.Admin], Password("admin")),
        ], CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            await seed(db);
            await db.SaveChangesAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new HistoryServer(await ServerProcess.StartWithoutDemoAsync(data), data);
    }

    /// <summary>The server's database, for what a test checks after the server wrote it.</summary>
    public OmstillingDatabase Database() => new(DatabaseOptions.EmbeddedIn(Data));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Data, recursive: true);
    }

    /// <summary>A call that ended, from outside unless said otherwise.</summary>
    public static CallRecord Record(string caller, string dialled, DateTimeOffset arrived, TimeSpan lasted, string endReason) => new()
    {
        CallId = Guid.NewGuid(),
        Caller = caller,
        Dialled = dialled,
        External = true,
        ArrivedAt = arrived,
        EndedAt = arrived + lasted,
        EndReason = endReason,
    };

    public static CallEventRecord Event(CallRecord call, int sequence, string kind, DateTimeOffset at) =>
        new() { CallId = call.CallId, Sequence = sequence, Kind = kind, At = at, Caller = call.Caller, Dialled = call.Dialled };
}
