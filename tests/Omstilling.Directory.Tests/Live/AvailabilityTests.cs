using Microsoft.Extensions.Time.Testing;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;

namespace Omstilling.Directory.Tests.Live;

public sealed class AvailabilityTests
{
    /// <summary>Tuesday 13 January 2026 10:00 in Copenhagen.</summary>
    private static readonly DateTimeOffset Now = new(2026, 1, 13, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly Person Anne = new("anne-soerensen", "Anne Sørensen", "borgerservice") { Extension = "2010" };

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task No_absence_is_available_now()
    {
        using var book = new AbsenceBook(_time);

        var availability = await GetAsync(new AbsenceAvailability(book, Repository.Copenhagen));

        Assert.Equal(Availability.Free(AbsenceAvailability.SourceName), availability);
    }

    [Fact]
    public async Task A_meeting_gives_its_end_and_says_it_in_Danish()
    {
        using var book = new AbsenceBook(_time);
        book.Set(new Absence(Anne.Id, AbsenceCode.Meeting, null, Now.AddHours(4), Now, Anne.Id));

        var availability = await GetAsync(new AbsenceAvailability(book, Repository.Copenhagen));

        Assert.False(availability.AvailableNow);
        Assert.Equal(Now.AddHours(4), availability.NextFree);
        Assert.Equal("Til møde til kl. 14.00", availability.Reason);
        Assert.Equal("absence", availability.Source);
    }

    [Fact]
    public async Task A_holiday_says_the_day_back()
    {
        using var book = new AbsenceBook(_time);
        book.Set(new Absence(Anne.Id, AbsenceCode.Holiday, null, new DateTimeOffset(2026, 1, 19, 8, 0, 0, TimeSpan.FromHours(1)), Now, Anne.Id));

        Assert.Equal("På ferie til mandag kl. 08.00", (await GetAsync(new AbsenceAvailability(book, Repository.Copenhagen))).Reason);
    }

    [Fact]
    public async Task Illness_without_an_end_is_away_with_no_time_back()
    {
        using var book = new AbsenceBook(_time);
        book.Set(new Absence(Anne.Id, AbsenceCode.Ill, null, null, Now, "101"));

        var availability = await GetAsync(new AbsenceAvailability(book, Repository.Copenhagen));

        Assert.False(availability.AvailableNow);
        Assert.Null(availability.NextFree);
        Assert.Equal("Syg", availability.Reason);
    }

    [Fact]
    public async Task Working_from_home_is_available_with_the_coding_as_reason()
    {
        using var book = new AbsenceBook(_time);
        book.Set(new Absence(Anne.Id, AbsenceCode.WorkingFromHome, null, Now.AddHours(6), Now, Anne.Id));

        var availability = await GetAsync(new AbsenceAvailability(book, Repository.Copenhagen));

        Assert.True(availability.AvailableNow);
        Assert.Equal("Arbejder hjemme til kl. 16.00", availability.Reason);
    }

    [Fact]
    public async Task A_department_notice_makes_everyone_in_it_away_with_its_text()
    {
        using var book = new AbsenceBook(_time);
        var back = new DateTimeOffset(2026, 1, 19, 9, 0, 0, TimeSpan.FromHours(1));
        book.Post(new DepartmentAbsence(Guid.NewGuid(), "borgerservice", Now.AddHours(-1), back, "Afdelingen er på kursus, vi træffes igen mandag kl. 9", "camilla-holm"));
        book.Set(new Absence(Anne.Id, AbsenceCode.Meeting, null, Now.AddHours(1), Now, Anne.Id));

        var availability = await GetAsync(new AbsenceAvailability(book, Repository.Copenhagen));

        // The notice lasts longer than the meeting, so it decides.
        Assert.False(availability.AvailableNow);
        Assert.Equal(back, availability.NextFree);
        Assert.Equal("Afdelingen er på kursus, vi træffes igen mandag kl. 9", availability.Reason);
    }

    [Fact]
    public async Task The_composite_takes_the_latest_next_free_time()
    {
        var calendar = new FixedSource(new Availability(false, Now.AddHours(6), "Optaget i kalenderen til kl. 16.00", "calendar"));
        using var book = new AbsenceBook(_time);
        book.Set(new Absence(Anne.Id, AbsenceCode.Meeting, null, Now.AddHours(4), Now, Anne.Id));
        var composite = new CompositeAvailability([new AbsenceAvailability(book, Repository.Copenhagen), calendar]);

        var availability = await GetAsync(composite);

        Assert.Equal(Now.AddHours(6), availability.NextFree);
        Assert.Equal("calendar", availability.Source);
    }

    [Fact]
    public async Task The_composite_is_available_only_when_every_source_is()
    {
        var free = new FixedSource(Availability.Free("calendar"));
        var away = new FixedSource(new Availability(false, Now.AddHours(1), "Til frokost", "absence"));

        Assert.True((await GetAsync(new CompositeAvailability([free, free]))).AvailableNow);
        Assert.Equal("absence", (await GetAsync(new CompositeAvailability([free, away]))).Source);
    }

    [Fact]
    public async Task An_unknown_end_outlasts_any_known_one_in_the_composite()
    {
        var ill = new FixedSource(new Availability(false, null, "Syg", "absence"));
        var meeting = new FixedSource(new Availability(false, Now.AddHours(2), "Møde", "calendar"));

        var availability = await GetAsync(new CompositeAvailability([meeting, ill]));

        Assert.Null(availability.NextFree);
        Assert.Equal("Syg", availability.Reason);
    }

    [Fact]
    public async Task The_composite_asks_its_sources_concurrently()
    {
        var first = new TaskCompletionSource<Availability>();
        var second = new TaskCompletionSource<Availability>();
        var firstSource = new PendingSource(first.Task);
        var secondSource = new PendingSource(second.Task);
        var composite = new CompositeAvailability([firstSource, secondSource]);

        var answer = composite.GetAsync(Anne, Now, CancellationToken.None).AsTask();

        // Neither source has answered yet: one asked in turn would still be waiting for the first.
        Assert.True(firstSource.Asked && secondSource.Asked, "both sources are asked before either answers");
        second.SetResult(new Availability(false, Now.AddHours(1), "b", "second"));
        first.SetResult(Availability.Free("first"));

        Assert.Equal("second", (await answer).Source);
    }

    private static async Task<Availability> GetAsync(IAvailabilitySource source) =>
        await source.GetAsync(Anne, Now, CancellationToken.None);

    private sealed class FixedSource(Availability answer) : IAvailabilitySource
    {
        public ValueTask<Availability> GetAsync(Person person, DateTimeOffset now, CancellationToken cancellationToken) => ValueTask.FromResult(answer);
    }

    private sealed class PendingSource(Task<Availability> answer) : IAvailabilitySource
    {
        public bool Asked { get; private set; }

        public ValueTask<Availability> GetAsync(Person person, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Asked = true;
            return new(answer);
        }
    }
}
