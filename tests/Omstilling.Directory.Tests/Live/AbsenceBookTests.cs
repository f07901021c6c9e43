using Microsoft.Extensions.Time.Testing;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;

namespace Omstilling.Directory.Tests.Live;

public sealed class AbsenceBookTests
{
    /// <summary>Tuesday 13 January 2026 10:00 in Copenhagen.</summary>
    private static readonly DateTimeOffset Start = new(2026, 1, 13, 10, 0, 0, TimeSpan.FromHours(1));

    private readonly FakeTimeProvider _time = new(Start);

    private Absence Meeting(string person, TimeSpan length) =>
        new(person, AbsenceCode.Meeting, null, _time.GetUtcNow() + length, _time.GetUtcNow(), person);

    private DepartmentAbsence Notice(string department, TimeSpan from, TimeSpan until) =>
        new(Guid.NewGuid(), department, Start + from, Start + until, "Afdelingen er på kursus, vi træffes igen mandag kl. 9", "camilla-holm");

    [Fact]
    public void A_set_absence_is_current_until_it_ends()
    {
        using var book = new AbsenceBook(_time);
        var meeting = Meeting("anne-soerensen", TimeSpan.FromHours(4));

        book.Set(meeting);

        Assert.Same(meeting, book.Current("anne-soerensen"));
        Assert.Same(meeting, book.Current("anne-soerensen", Start.AddHours(4).AddTicks(-1)));
        Assert.Null(book.Current("anne-soerensen", Start.AddHours(4)));
        Assert.Null(book.Current("bo-jensen"));
    }

    [Fact]
    public void An_absence_expires_by_the_clock_and_says_so()
    {
        using var book = new AbsenceBook(_time);
        var changes = new List<string>();
        book.Set(Meeting("anne-soerensen", TimeSpan.FromMinutes(30)));
        book.Changed += changes.Add;

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(book.Current("anne-soerensen"));
        Assert.Empty(changes);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(book.Current("anne-soerensen"));
        Assert.Equal(["anne-soerensen"], changes);
        Assert.Empty(book.ActiveAbsences(_time.GetUtcNow()));
    }

    [Fact]
    public void A_new_absence_replaces_the_old_one()
    {
        using var book = new AbsenceBook(_time);
        book.Set(Meeting("anne-soerensen", TimeSpan.FromMinutes(30)));
        var holiday = new Absence("anne-soerensen", AbsenceCode.Holiday, "Mallorca", Start.AddDays(14), Start, "anne-soerensen");

        book.Set(holiday);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Same(holiday, book.Current("anne-soerensen"));
    }

    [Fact]
    public void An_absence_without_an_end_stays_until_cleared()
    {
        using var book = new AbsenceBook(_time);
        var changes = new List<string>();
        book.Changed += changes.Add;
        book.Set(new Absence("bo-jensen", AbsenceCode.Ill, null, null, Start, "101"));

        _time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(AbsenceCode.Ill, book.Current("bo-jensen")?.Code);

        Assert.True(book.Clear("bo-jensen"));
        Assert.False(book.Clear("bo-jensen"));
        Assert.Null(book.Current("bo-jensen"));
        Assert.Equal(["bo-jensen", "bo-jensen"], changes);
    }

    [Fact]
    public void An_absence_that_has_ended_is_refused()
    {
        using var book = new AbsenceBook(_time);

        Assert.Throws<ArgumentException>(() => book.Set(Meeting("anne-soerensen", TimeSpan.Zero)));
    }

    [Fact]
    public void A_department_notice_is_active_from_its_start_to_its_end()
    {
        using var book = new AbsenceBook(_time);
        var changes = new List<string>();
        var notice = Notice("jobcenter", TimeSpan.FromHours(1), TimeSpan.FromHours(3));
        book.Post(notice);
        book.Changed += changes.Add;

        Assert.Empty(book.ActiveNotices("jobcenter", _time.GetUtcNow()));
        Assert.Equal([notice], book.AllNotices.AsEnumerable());

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal([notice], book.ActiveNotices("jobcenter", _time.GetUtcNow()).AsEnumerable());
        Assert.Equal(["jobcenter"], changes);

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(book.ActiveNotices("jobcenter", _time.GetUtcNow()));
        Assert.Empty(book.AllNotices);
        Assert.Equal(["jobcenter", "jobcenter"], changes);
    }

    [Fact]
    public void A_notice_can_be_withdrawn()
    {
        using var book = new AbsenceBook(_time);
        var notice = Notice("jobcenter", TimeSpan.Zero, TimeSpan.FromHours(3));
        book.Post(notice);

        Assert.True(book.Withdraw(notice.Id));
        Assert.False(book.Withdraw(notice.Id));
        Assert.Empty(book.ActiveNotices("jobcenter", _time.GetUtcNow()));
    }

    [Fact]
    public void A_notice_must_end_after_it_starts_and_after_now()
    {
        using var book = new AbsenceBook(_time);

        Assert.Throws<ArgumentException>(() => book.Post(Notice("jobcenter", TimeSpan.FromHours(2), TimeSpan.FromHours(1))));
        Assert.Throws<ArgumentException>(() => book.Post(Notice("jobcenter", TimeSpan.FromHours(-2), TimeSpan.FromHours(-1))));
    }

    [Fact]
    public void Loading_from_storage_drops_what_has_ended_and_announces_every_id()
    {
        using var book = new AbsenceBook(_time);
        book.Set(Meeting("old", TimeSpan.FromHours(1)));
        var changes = new List<string>();
        book.Changed += changes.Add;

        book.Load(
            [
                new Absence("anne-soerensen", AbsenceCode.Course, null, Start.AddHours(2), Start.AddHours(-1), "anne-soerensen"),
                new Absence("bo-jensen", AbsenceCode.Lunch, null, Start.AddMinutes(-5), Start.AddHours(-1), "bo-jensen"),
            ],
            [Notice("jobcenter", TimeSpan.FromHours(-1), TimeSpan.FromHours(1)), Notice("borgerservice", TimeSpan.FromHours(-3), TimeSpan.FromHours(-1))]);

        Assert.Equal(["anne-soerensen"], book.ActiveAbsences(_time.GetUtcNow()).Select(a => a.PersonId));
        Assert.Null(book.Current("old"));
        Assert.Single(book.AllNotices);
        Assert.Equal(["anne-soerensen", "jobcenter", "old"], changes);

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(book.ActiveAbsences(_time.GetUtcNow()));
    }

    [Fact]
    public void A_failing_handler_does_not_stop_the_others()
    {
        using var book = new AbsenceBook(_time);
        var changes = new List<string>();
        book.Changed += _ => throw new InvalidOperationException("bug in a subscriber");
        book.Changed += changes.Add;

        book.Set(Meeting("anne-soerensen", TimeSpan.FromMinutes(10)));
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(["anne-soerensen", "anne-soerensen"], changes);
    }

    [Fact]
    public void Handlers_may_read_the_book_while_it_is_changing()
    {
        using var book = new AbsenceBook(_time);
        Absence? seen = null;
        book.Changed += id => seen = book.Current(id);

        book.Set(Meeting("anne-soerensen", TimeSpan.FromMinutes(10)));

        Assert.NotNull(seen);
    }

    [Fact]
    public void A_long_absence_expires_even_beyond_the_timers_longest_wait()
    {
        using var book = new AbsenceBook(_time);
        var changes = new List<string>();
        book.Changed += changes.Add;
        book.Set(new Absence("anne-soerensen", AbsenceCode.Holiday, null, Start.AddDays(21), Start, "anne-soerensen"));
        changes.Clear();

        for (var day = 0; day < 21; day++)
        {
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Null(book.Current("anne-soerensen"));
        Assert.Equal(["anne-soerensen"], changes);
    }

    [Fact]
    public void Concurrent_changes_keep_one_absence_per_person()
    {
        using var book = new AbsenceBook(_time);

        Parallel.For(0, 1_000, i => book.Set(Meeting($"p{i % 10}", TimeSpan.FromMinutes(1 + i))));

        Assert.Equal(10, book.ActiveAbsences(_time.GetUtcNow()).Length);
    }
}
