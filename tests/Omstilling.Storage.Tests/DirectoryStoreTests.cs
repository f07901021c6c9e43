using Omstilling.Directory.Editing;
using Omstilling.Directory.Loading;
using Omstilling.Directory.Model;
using Omstilling.Policy.Model;
using Omstilling.Storage.DirectoryRows;
using Area = Omstilling.Directory.Model.Area;
using Person = Omstilling.Directory.Model.Person;

namespace Omstilling.Storage.Tests;

public sealed class DirectoryStoreTests
{
    private static readonly Person Anne = new("anne-soerensen", "Anne Sørensen", "borgerservice")
    {
        Title = "Borgerservicemedarbejder",
        Extension = "2010",
        Email = "anne@guldborgsund.example",
        Mobile = "20304050",
        DirectNumbers = [new DirectNumber("54732110", NumberVisibility.Public), new DirectNumber("54732111", NumberVisibility.PartnersOnly)],
        Topics = ["pas", "kørekort"],
        CoveredBy = ["bo-jensen"],
        Calendar = new CalendarSource("/kalendere/anne.ics", "anne@guldborgsund.example"),
        ClassOfService = Omstilling.Policy.Outbound.ClassOfService.International, // the toll-fraud guard's; Bo has none (national)
    };

    private static readonly Person Bo = new("bo-jensen", "Bo Jensen", "borgerservice") { Extension = "2011" };

    private static readonly DirectoryFile First = new(
        "first.yaml",
        [new Area("teknik", "Teknik og Miljø")],
        [new DepartmentEntry("byggesag") { Name = "Byggesag", AreaId = "teknik", Topics = ["carport"], Numbers = [new DirectNumber("54732056", NumberVisibility.Public)] }],
        [Anne, Bo]);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_directory_stored_reads_back_the_same_and_each_entry_is_in_the_audit_log(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new DirectoryStore(test.Database, test.Time);
        Assert.Equal(new StoredDirectory(null, 0), await store.LoadAsync(default));

        var (diff, revision) = await store.ApplyAsync(First, "it-afdelingen", "import first.yaml", 0, default);

        Assert.Equal(4, diff.Changes.Length);
        Assert.Equal(4, revision);
        var stored = await store.LoadAsync(default);
        Assert.Equal(revision, stored.Revision);
        Assert.True(DirectoryDiff.Between(First, stored.File!).IsEmpty, DirectoryYaml.Write(stored.File!));
        var log = await store.ChangesAsync(10, null, default);
        Assert.Equal(["bo-jensen", "anne-soerensen", "byggesag", "teknik"], log.Select(e => e.EntryId));
        Assert.All(log, e => Assert.Equal(("it-afdelingen", "import first.yaml", DirectoryChangeKind.Added, test.Time.GetUtcNow()), (e.Actor, e.Source, e.Change, e.At)));
        Assert.Equal(DirectoryYaml.Line(Anne), log[1].After);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_new_version_changes_only_what_differs_and_logs_before_and_after(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new DirectoryStore(test.Database, test.Time);
        var (_, first) = await store.ApplyAsync(First, "it", "seed", null, default);
        var carl = new Person("carl-hansen", "Carl Hansen", "byggesag");
        var second = First with { People = [carl, Anne with { Title = "Teamleder" }] };
        test.Time.Advance(TimeSpan.FromMinutes(5));

        var (diff, revision) = await store.ApplyAsync(second, "leder", "web", first, default);

        Assert.Equal([(DirectoryChangeKind.Added, "carl-hansen"), (DirectoryChangeKind.Changed, "anne-soerensen"), (DirectoryChangeKind.Removed, "bo-jensen")], diff.Changes.Select(c => (c.Change, c.Id)));
        Assert.Equal(first + 3, revision);
        var stored = await store.LoadAsync(default);
        Assert.Equal(["carl-hansen", "anne-soerensen"], stored.File!.People.Select(p => p.Id));
        var anneLog = await store.ChangesAsync(10, ["anne-soerensen"], default);
        Assert.Equal(2, anneLog.Count);
        Assert.Equal((DirectoryYaml.Line(Anne), DirectoryYaml.Line(Anne with { Title = "Teamleder" }), "leder"), (anneLog[0].Before, anneLog[0].After, anneLog[0].Actor));

        var (again, same) = await store.ApplyAsync(second, "leder", "web", revision, default);
        Assert.True(again.IsEmpty);
        Assert.Equal(revision, same);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Retention_deletes_the_changes_made_before_the_cutoff_but_never_the_newest_which_is_the_revision(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new DirectoryStore(test.Database, test.Time);
        await store.ApplyAsync(First, "it-afdelingen", "import first.yaml", 0, default);
        test.Time.Advance(TimeSpan.FromDays(10));
        var (_, revision) = await store.ApplyAsync(First with { People = [Anne with { Title = "Teamleder" }, Bo] }, "it-afdelingen", "import second.yaml", 4, default);

        Assert.Equal(4, await store.DeleteChangesBeforeAsync(test.Time.GetUtcNow() - TimeSpan.FromDays(5), default));
        Assert.Equal(["anne-soerensen"], (await store.ChangesAsync(10, null, default)).Select(e => e.EntryId));

        Assert.Equal(0, await store.DeleteChangesBeforeAsync(test.Time.GetUtcNow() + TimeSpan.FromDays(1), default));
        Assert.Equal(revision, (await store.LoadAsync(default)).Revision);
        Assert.Equal("Teamleder", (await store.LoadAsync(default)).File!.People.Single(p => p.Id == Anne.Id).Title);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_change_prepared_against_an_older_revision_is_refused_and_writes_nothing(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new DirectoryStore(test.Database, test.Time);
        var (_, revision) = await store.ApplyAsync(First, "it", "seed", 0, default);

        var conflict = await Assert.ThrowsAsync<DirectoryConflictException>(() => store.ApplyAsync(First with { People = [] }, "it", "import", revision - 1, default));

        Assert.Equal((revision - 1, revision), (conflict.Expected, conflict.Actual));
        Assert.Equal(2, (await store.LoadAsync(default)).File!.People.Length);
        Assert.Equal(revision, await store.RevisionAsync(default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Two_writers_at_once_both_prepared_against_the_same_revision_one_wins_and_the_other_is_refused(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new DirectoryStore(test.Database, test.Time);
        var (_, revision) = await store.ApplyAsync(First, "it", "seed", 0, default);

        var results = await Task.WhenAll(
            Try(() => store.ApplyAsync(First with { People = [Anne] }, "a", "web", revision, default)),
            Try(() => store.ApplyAsync(First with { People = [Bo] }, "b", "web", revision, default)));

        Assert.Equal([false, true], results.Order());
        Assert.Single((await store.LoadAsync(default)).File!.People);

        static async Task<bool> Try(Func<Task> apply)
        {
            try
            {
                await apply();
                return true;
            }
            catch (DirectoryConflictException)
            {
                return false;
            }
        }
    }
}
