using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Omstilling.Calendars.Graph;
using Omstilling.Calendars.Tests;
using Omstilling.Directory.Loading.Accounts;
using Omstilling.Host.Directories;
using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Storage;
using Omstilling.Storage.DirectoryRows;

namespace Omstilling.Host.Tests.Directories;

/// <summary>
/// <c>run --directory-sync preview|apply</c>: the periodic sync from Microsoft 365 on a fake clock,
/// against the local Graph server, into the directory in a SQLite database.
/// </summary>
public sealed class DirectorySyncLoopTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("omstilling-directory-sync-").FullName;
    private readonly LocalHttpServer _server;
    private readonly SignallingClock _clock = new(Start);
    private readonly Logs _log = new();
    private readonly TelephonePolicy _policy = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml")).Policy!;
    private DirectoryStore _store = null!;
    private GraphUserSource _source = null!;

    public DirectorySyncLoopTests()
    {
        _server = new LocalHttpServer(_ => new(200, GraphUsersJson.Page(
            null,
            GraphUsersJson.User("2", "Camilla Holm", "camilla.holm@guldborgsund.example", "Afdelingsleder", "Borgerservice"),
            GraphUsersJson.User("3", "Søren Hansen", "soeren.hansen@guldborgsund.example", "Borgerservicemedarbejder", "Borgerservice", enabled: false))));
    }

    public async Task InitializeAsync()
    {
        _store = new DirectoryStore(new OmstillingDatabase(DatabaseOptions.EmbeddedIn(_data)), _clock);
        await _store.Database.MigrateAsync(CancellationToken.None);
        var import = new DirectoryImport(_store);
        await import.ApplyAsync(await import.PreviewFileAsync(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund-directory.yaml"), _policy, CancellationToken.None), "test", CancellationToken.None);
        _source = new GraphUserSource(new GraphOptions("tenant", "client", "secret", new Uri(_server.BaseUrl, "v1.0")), new FixedToken(), _clock, _log);
    }

    private DirectorySyncLoop Loop(DirectorySyncMode mode) =>
        new(new DirectoryImport(_store), _source, DepartmentNameMap.Empty, () => _policy, mode, _clock, _log);

    [Fact]
    public async Task Preview_mode_logs_what_would_change_and_writes_nothing()
    {
        var before = (await _store.LoadAsync(CancellationToken.None)).Revision;
        await using var loop = Loop(DirectorySyncMode.Preview);

        Assert.Equal(0, await loop.RunOnceAsync(CancellationToken.None));

        Assert.Equal(before, (await _store.LoadAsync(CancellationToken.None)).Revision);
        var line = Assert.Single(_log.Entries, e => e.Id == 9046).Message;
        Assert.Contains("Person: 0 new, 1 left, 1 changed", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_mode_applies_a_sync_each_hour_of_the_clock_audited_as_the_sync()
    {
        var before = (await _store.LoadAsync(CancellationToken.None)).Revision;
        await using var loop = Loop(DirectorySyncMode.Apply);
        loop.Start();

        await _clock.TimerSetAsync(DirectorySyncLoop.Interval);
        Assert.Empty(_server.Requests);
        _clock.Advance(DirectorySyncLoop.Interval);

        Assert.True(await Support.Eventually.ReachedAsync(() => _log.Entries.Any(e => e.Id == 9047)), string.Join('\n', _log.Entries.Select(e => e.Message)));
        Assert.Equal(before + 2, (await _store.LoadAsync(CancellationToken.None)).Revision);
        var changes = await _store.ChangesAsync(2, null, CancellationToken.None);
        Assert.All(changes, c => Assert.Equal((DirectorySyncLoop.Actor, "import Microsoft 365"), (c.Actor, c.Source)));
        Assert.Equal(["camilla-holm", "soeren-hansen"], changes.Select(c => c.EntryId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_round_that_fails_in_an_unforeseen_way_is_logged_the_next_is_tried_and_the_stop_does_not_throw()
    {
        var source = new FailingOnce(_source);
        var loop = new DirectorySyncLoop(new DirectoryImport(_store), source, DepartmentNameMap.Empty, () => _policy, DirectorySyncMode.Apply, _clock, _log);
        loop.Start();

        await _clock.TimerSetAsync(DirectorySyncLoop.Interval);
        _clock.Advance(DirectorySyncLoop.Interval);
        Assert.True(await Support.Eventually.ReachedAsync(() => _log.Entries.Any(e => e.Id == 9049)), string.Join('\n', _log.Entries.Select(e => e.Message)));
        Assert.Contains("HttpRequestException: the connection was reset", Assert.Single(_log.Entries, e => e.Id == 9049).Message, StringComparison.Ordinal);

        await _clock.TimerSetAsync(DirectorySyncLoop.Interval);
        _clock.Advance(DirectorySyncLoop.Interval);
        Assert.True(await Support.Eventually.ReachedAsync(() => _log.Entries.Any(e => e.Id == 9047)), string.Join('\n', _log.Entries.Select(e => e.Message)));

        await loop.DisposeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _source.Dispose();
        _server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_data, recursive: true);
    }

    /// <summary>Fails its first read with what no source promises to throw, then reads <paramref name="inner"/>.</summary>
    private sealed class FailingOnce(IDirectoryAccountSource inner) : IDirectoryAccountSource
    {
        private int _reads;

        public string Name => inner.Name;

        public Task<IReadOnlyList<DirectoryAccount>> ReadAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _reads) == 1
                ? throw new HttpRequestException("the connection was reset")
                : inner.ReadAsync(cancellationToken);
    }

    private sealed class FixedToken : IGraphTokenSource
    {
        public ValueTask<string> GetTokenAsync(bool renew, CancellationToken cancellationToken) => ValueTask.FromResult("t1");
    }

    /// <summary>Every entry logged, with its event id.</summary>
    private sealed class Logs : ILogger
    {
        public ConcurrentQueue<(int Id, string Message)> EntriesQueue { get; } = new();

        public IReadOnlyList<(int Id, string Message)> Entries => [.. EntriesQueue];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            EntriesQueue.Enqueue((eventId.Id, formatter(state, exception)));
    }
}
