using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Storage.Absences;

namespace Omstilling.Storage.Tests;

public sealed class AbsencePersistenceTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Absences_and_department_notices_survive_a_restart_as_last_posted_and_withdrawn_ones_do_not(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var now = test.Time.GetUtcNow();
        var first = new DepartmentAbsence(Guid.NewGuid(), "borgerservice", now, now.AddDays(1), "Afdelingen er på kursus", "admin");
        var keep = first with { Until = now.AddDays(2), Text = "Afdelingen er på kursus, vi træffes igen mandag kl. 9" };
        var withdraw = new DepartmentAbsence(Guid.NewGuid(), "jobcenter", now, now.AddDays(1), "Lukket i dag", "admin");
        using (var book = new AbsenceBook(test.Time))
        {
            await using var persistence = new AbsencePersistence(test.Database, book, test.Time, NullLogger<AbsencePersistence>.Instance);
            await persistence.StartAsync(default);
            book.Set(new Absence("jens-hansen", AbsenceCode.Meeting, "Vejmøde", now.AddHours(3), now, "100"));
            book.Set(new Absence("bo-jensen", AbsenceCode.Lunch, null, now.AddMinutes(30), now, "2011"));
            book.Clear("bo-jensen");
            book.Post(first);
            await persistence.FlushAsync(); // stored, then posted again under its id
            book.Post(keep);
            book.Post(withdraw);
            book.Withdraw(withdraw.Id);
            await persistence.FlushAsync();
        }

        using var restarted = new AbsenceBook(test.Time);
        await using var again = new AbsencePersistence(test.Database, restarted, test.Time, NullLogger<AbsencePersistence>.Instance);
        await again.StartAsync(default);

        var jens = restarted.Current("jens-hansen", now);
        Assert.Equal(new Absence("jens-hansen", AbsenceCode.Meeting, "Vejmøde", now.AddHours(3), now, "100"), jens);
        Assert.Null(restarted.Current("bo-jensen", now));
        Assert.Equal(keep, Assert.Single(restarted.AllNotices));
        Assert.Equal(1, await test.CountAsync(db => db.Absences));
    }
}
