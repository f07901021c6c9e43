using Omstilling.Calls.Queues;
using Omstilling.History.Reports;
using Omstilling.Web.Live;
using Omstilling.Web.Wallboard;

namespace Omstilling.Web.Tests.Wallboard;

/// <summary>What the wallboard says, from a board snapshot and today's figures: counts, the longest wait, names by state, and each goal in words.</summary>
public sealed class WallboardViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Fact]
    public void Callers_waiting_the_longest_wait_and_the_operators_by_what_they_do()
    {
        var board = new BoardSnapshot(
            1,
            [],
            [
                new QueueEntry(Guid.NewGuid(), "hovedomstilling", 1, Now.AddSeconds(-125), [], Recalled: false),
                new QueueEntry(Guid.NewGuid(), "hovedomstilling", 2, Now.AddSeconds(-20), [], Recalled: false),
            ],
            [
                new MemberState("100", Registered: true, LoggedIn: true, PausedReason: null, PhoneState.Idle),
                new MemberState("101", Registered: true, LoggedIn: true, PausedReason: null, PhoneState.Busy),
                new MemberState("102", Registered: true, LoggedIn: true, PausedReason: "Frokost", PhoneState.Idle),
                new MemberState("103", Registered: false, LoggedIn: true, PausedReason: null, PhoneState.Offline),
            ],
            []);

        var view = WallboardView.Of(board, null, goalsAvailable: false, 4, Now, Copenhagen, e => "Lokal " + e);

        Assert.Equal((2, "2:05", "kl. 10.30"), (view.Waiting, view.LongestWaitText, view.Clock));
        Assert.Equal(["Lokal 100"], view.Free);
        Assert.Equal(["Lokal 101"], view.Busy);
        Assert.Equal(["Lokal 102"], view.Paused);
        Assert.Equal(1, view.Away);
        Assert.Empty(view.Goals);
    }

    [Fact]
    public void Each_goal_says_its_figure_its_target_and_whether_it_is_met_in_words()
    {
        var report = new KpiReport(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), null, 7,
            new KpiFigure(80, 5, 6), new KpiFigure(90, 1, 3), new KpiFigure(85, 0, 0), 1, null);

        var goals = WallboardView.Of(BoardSnapshot.Empty, report, goalsAvailable: true, 4, Now, Copenhagen, e => e).Goals;

        Assert.Equal(
            [
                new GoalTile("answered", "Besvaret inden for 4 ring", "83,3 %", "5 af 6", "Mål 80 %", "✔ Nået", "met"),
                new GoalTile("transferred", "Korrekt omstillet", "33,3 %", "1 af 3", "Mål 90 %", "✘ Ikke nået", "missed"),
                new GoalTile("satisfied", "Tilfredse borgere", "–", "Ingen målinger endnu i dag", "Mål 85 %", "Ikke målt endnu", "none"),
            ],
            goals);
        Assert.Equal("–", WallboardView.Of(BoardSnapshot.Empty, report, true, 4, Now, Copenhagen, e => e).LongestWaitText);
    }
}
