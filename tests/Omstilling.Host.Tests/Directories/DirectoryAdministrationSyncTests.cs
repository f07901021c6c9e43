using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calendars.Graph;
using Omstilling.Calendars.Tests;
using Omstilling.Directory.Loading.Accounts;
using Omstilling.Policy;
using Omstilling.Storage;
using Omstilling.Storage.DirectoryRows;
using Omstilling.Web.DirectoryAdmin;

namespace Omstilling.Host.Tests.Directories;

/// <summary>What "Hent fra Microsoft 365" on <c>/vidensdatabase</c> does: the admin page's sync, previewed and applied through <see cref="DirectoryAdministration"/>.</summary>
public sealed class DirectoryAdministrationSyncTests : IDisposable
{
    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("omstilling-directory-admin-sync-").FullName;
    private readonly LocalHttpServer _server = new(_ => new(200, GraphUsersJson.Page(
        null,
        GraphUsersJson.User("2", "Camilla Holm", "camilla.holm@guldborgsund.example", "Afdelingsleder", "Borgerservice"))));

    [Fact]
    public async Task The_page_offers_the_sync_only_with_a_source_and_applies_it_as_the_administrator()
    {
        Assert.True(PolicyProvider.TryCreate(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml"), NullLogger<PolicyProvider>.Instance, out var policies, out _));
        var store = new DirectoryStore(new OmstillingDatabase(DatabaseOptions.EmbeddedIn(_data)), TimeProvider.System);
        await store.Database.MigrateAsync(CancellationToken.None);
        var import = new DirectoryImport(store);
        await import.ApplyAsync(await import.PreviewFileAsync(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund-directory.yaml"), policies.Current, CancellationToken.None), "test", CancellationToken.None);
        using var source = new GraphUserSource(new GraphOptions("tenant", "client", "secret", new Uri(_server.BaseUrl, "v1.0")), new FixedToken(), TimeProvider.System, NullLogger.Instance);
        var keeper = new Keeper();

        Assert.Null(new DirectoryAdministration(store, policies, keeper).AccountSourceName);
        var admin = new DirectoryAdministration(store, policies, keeper, source, DepartmentNameMap.Empty);
        Assert.Equal("Microsoft 365", admin.AccountSourceName);

        var preview = await admin.PreviewAccountsAsync(CancellationToken.None);
        Assert.Equal(["camilla-holm"], preview.Diff!.Changes.Select(c => c.Id));
        Assert.Equal(1, await admin.ApplyAsync(preview, "admin", CancellationToken.None));

        Assert.Equal(1, keeper.Refreshed);
        var entry = Assert.Single(await admin.ChangesAsync(1, null, CancellationToken.None));
        Assert.Equal(("admin", "import Microsoft 365", "camilla-holm"), (entry.Actor, entry.Source, entry.EntryId));
        Assert.Contains("title: \"Afdelingsleder\"", entry.After, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_data, recursive: true);
    }

    private sealed class FixedToken : IGraphTokenSource
    {
        public ValueTask<string> GetTokenAsync(bool renew, CancellationToken cancellationToken) => ValueTask.FromResult("t1");
    }

    private sealed class Keeper : IDirectoryKeeper
    {
        public int Refreshed { get; private set; }

        public bool IsEditable => true;

        public string? ReadOnlyReason => null;

        public Task RefreshAsync(CancellationToken cancellationToken)
        {
            Refreshed++;
            return Task.CompletedTask;
        }
    }
}
