using Omstilling.Calls.Control;
using Omstilling.Directory;
using Omstilling.Directory.Model;
using Omstilling.History.CallLists;
using Omstilling.Web.Cards;
using Omstilling.Web.Console;

namespace Omstilling.Web.Tests.Console;

/// <summary>
/// The console's "Opkaldshistorik" without a browser: today's calls and the unanswered callers in
/// Danish, and an operator's mark "fejlstillet", which only a call put through to a person may get,
/// once.
/// </summary>
public sealed class CallHistoryViewModelTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    private static readonly DateTimeOffset Nine = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero); // 09.00 in Copenhagen

    private readonly DirectoryHolder _directory = new(new StaffDirectory(
        [],
        [new Department(StaffDirectory.SwitchboardId, "Hovedomstillingen"), new Department("vej-og-park", "Vej og Park")],
        [
            new Person("lise-joergensen", "Lise Jørgensen", StaffDirectory.SwitchboardId) { Extension = "100" },
            new Person("jens-hansen", "Jens Hansen", "vej-og-park") { Extension = "2050" },
            new Person("mette-berg", "Mette Berg", "vej-og-park") { Extension = "2051" },
        ]));
    private readonly FakeMarks _marks = new();

    private readonly SwitchboardCall _putThrough = new(Guid.NewGuid(), Nine, "20304050", "dag:Borgerservice > borgerservice:Pas og kørekort", "100", "2050", "Completed", 0, false, null, null);
    private readonly SwitchboardCall _cameBack = new(Guid.NewGuid(), Nine.AddMinutes(5), "30405060", null, "100", "2051", "NoAnswer", 1, false, null, null);
    private readonly SwitchboardCall _gaveUp = new(Guid.NewGuid(), Nine.AddMinutes(10), "40506070", null, null, null, null, 0, true, null, null);

    [Fact]
    public void Todays_calls_and_the_unanswered_callers_are_shown_in_danish()
    {
        var vm = Model();

        vm.Apply(Day([new UnansweredCaller(_gaveUp.CallId, "40506070", _gaveUp.ArrivedAt, TimeSpan.FromSeconds(75), 2, GaveUp: true)]));

        Assert.Equal(
            [
                ("kl. 09.10", "40 50 60 70", "–", "–", "–", "Lagde på i køen", false),
                ("kl. 09.05", "30 40 50 60", "–", "Lise Jørgensen", "Mette Berg", "Ikke taget (kom tilbage)", false),
                ("kl. 09.00", "20 30 40 50", "Borgerservice › Pas og kørekort", "Lise Jørgensen", "Jens Hansen", "Taget", true),
            ],
            vm.Calls.Select(c => (c.Time, c.Caller, c.Choices, c.AnsweredBy, c.TransferredTo, c.Outcome, c.CanMark)));
        var unanswered = Assert.Single(vm.Unanswered);
        Assert.Equal(("40 50 60 70", "kl. 09.10", "ventede 1 min 15 s", "Lagde på · 2 opkald i dag"), (unanswered.Caller, unanswered.Time, unanswered.Waited, unanswered.Note));
    }

    [Fact]
    public void A_call_the_platforms_stop_cut_off_says_so_whatever_else_its_record_holds()
    {
        var vm = Model();
        var cutOff = _putThrough with { CallId = Guid.NewGuid(), ArrivedAt = Nine.AddMinutes(20), TransferOutcome = "Unfinished", CutOffByRestart = true };

        vm.Apply(new SwitchboardDay(new DateOnly(2026, 12, 3), [cutOff, _putThrough], []));

        Assert.Equal(["Afbrudt af genstart", "Taget"], vm.Calls.Select(c => c.Outcome));
    }

    [Fact]
    public void An_operator_marks_a_call_put_through_to_a_person_misrouted_once()
    {
        var vm = Model();
        vm.Apply(Day([]));

        Assert.True(vm.Mark(_putThrough.CallId));
        Assert.False(vm.Mark(_putThrough.CallId));
        Assert.False(vm.Mark(_cameBack.CallId));
        Assert.False(vm.Mark(Guid.NewGuid()));

        Assert.Equal([(_putThrough.CallId, "100", true)], _marks.Made);
        var row = vm.Calls.Single(c => c.CallId == _putThrough.CallId);
        Assert.Equal((true, false), (row.Marked, row.CanMark));
        Assert.Equal("Opkaldet kan ikke markeres som fejlstillet.", vm.Problem);

        // The next reading has the mark from the history: still marked, nothing more to mark.
        vm.Apply(Day([]) with { Calls = [_putThrough with { MisroutedBy = "100" }] });
        Assert.Equal((true, false), (vm.Calls[0].Marked, vm.Calls[0].CanMark));
    }

    [Fact]
    public void A_call_someone_already_marked_cannot_be_marked_again()
    {
        var vm = Model();
        vm.Apply(Day([]) with { Calls = [_putThrough with { MisroutedBy = "2050" }] });

        Assert.False(vm.Mark(_putThrough.CallId));
        Assert.Empty(_marks.Made);
        Assert.True(vm.Calls[0].Marked);
    }

    [Fact]
    public void Ring_op_calls_the_unanswered_callers_number_from_the_operators_phone()
    {
        var switchboard = new FakeSwitchboardControl();
        var vm = new CallHistoryViewModel(_marks, switchboard, "100", "100", _directory, Copenhagen);
        vm.Apply(Day([new UnansweredCaller(_gaveUp.CallId, "40506070", _gaveUp.ArrivedAt, TimeSpan.FromSeconds(75), 1, GaveUp: true)]));

        Assert.True(Assert.Single(vm.Unanswered).CanCallBack);
        Assert.True(vm.CallBack(_gaveUp.CallId));
        Assert.False(vm.CallBack(_putThrough.CallId)); // not a caller of the list

        Assert.Equal(["CallBack 100 40506070"], switchboard.Commands);
        Assert.Equal("Der kan ikke ringes op herfra.", vm.Problem);
        switchboard.Answer = CallControlResult.NotNow;
        Assert.False(vm.CallBack(_gaveUp.CallId));
        Assert.Equal("Din telefon er ikke ledig eller ikke logget på.", vm.Problem);
        Assert.Null(vm.CallingBack);
    }

    [Fact]
    public void An_operator_without_a_phone_gets_no_ring_op()
    {
        var vm = new CallHistoryViewModel(_marks, new FakeSwitchboardControl(), "admin", null, _directory, Copenhagen);
        vm.Apply(Day([new UnansweredCaller(_gaveUp.CallId, "40506070", _gaveUp.ArrivedAt, TimeSpan.FromSeconds(75), 1, GaveUp: true)]));

        Assert.False(Assert.Single(vm.Unanswered).CanCallBack);
        Assert.False(vm.CallBack(_gaveUp.CallId));
    }

    private CallHistoryViewModel Model() => new(_marks, null, "100", "100", _directory, Copenhagen);

    private SwitchboardDay Day(IReadOnlyList<UnansweredCaller> unanswered) =>
        new(new DateOnly(2026, 12, 3), [_gaveUp, _cameBack, _putThrough], unanswered);

    private sealed class FakeMarks : IMisroutedMarks
    {
        public List<(Guid CallId, string By, bool ByOperator)> Made { get; } = [];

        public CallControlResult MarkMisrouted(Guid callId, string by, bool byOperator)
        {
            Made.Add((callId, by, byOperator));
            return CallControlResult.Done;
        }
    }
}
