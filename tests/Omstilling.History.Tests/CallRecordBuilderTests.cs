using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.History.Reports;
using static Omstilling.Calls.Events.CallEventKind;

namespace Omstilling.History.Tests;

public sealed class CallRecordBuilderTests
{
    [Fact]
    public void A_caller_answered_by_an_operator_after_a_wait_in_the_queue()
    {
        var s = new Script()
            .At(0, Started, e => e with { External = true })
            .At(1, MenuChoice, e => e with { MenuId = "hoved", MenuOption = "Borgerservice", Digit = '1' })
            .At(2, Queued, e => e with { QueueId = "omstilling", Position = 1 })
            .At(5, Offered, e => e with { Members = ["100"] })
            .At(5.5, Ringing, e => e with { Party = "100" })
            .At(12, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(70, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.Equal(s.CallId, record.CallId);
        Assert.Equal(Script.Start, record.ArrivedAt);
        Assert.Equal(Script.Start.AddSeconds(70), record.EndedAt);
        Assert.True(record.External);
        Assert.Equal("hoved:Borgerservice", record.MenuPath);
        Assert.Equal("omstilling", record.QueueId);
        Assert.Equal(10_000, record.QueueWaitMs);
        Assert.Equal(Script.Start.AddSeconds(5), record.FirstRingAt);
        Assert.Equal(Script.Start.AddSeconds(12), record.AnsweredAt);
        Assert.Equal("100", record.AnsweredBy);
        Assert.Equal("100", record.Operator);
        Assert.False(record.Abandoned);
        Assert.Equal("CallerHungUp", record.EndReason);
        Assert.Equal(("op1", "switchboard", (string?)null), (record.PersonId, record.DepartmentId, record.AreaId));
        var ring = Assert.Single(record.Rings);
        Assert.Equal(("100", Script.Start.AddSeconds(5.5), Script.Start.AddSeconds(12), "Answered", "op1"), (ring.Party, ring.StartedAt, ring.EndedAt, ring.Outcome, ring.PersonId));
    }

    [Fact]
    public void A_caller_who_gives_up_in_the_queue_is_abandoned_and_waited_until_then()
    {
        var s = new Script()
            .At(0, Started)
            .At(1, Queued, e => e with { QueueId = "omstilling", Position = 3 })
            .At(45, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.True(record.Abandoned);
        Assert.Equal(44_000, record.QueueWaitMs);
        Assert.Null(record.AnsweredAt);
        Assert.Null(record.FirstRingAt);
        Assert.Null(record.PersonId);
    }

    [Fact]
    public void A_caller_who_hangs_up_during_an_after_hours_message_is_not_abandoned()
    {
        var s = new Script()
            .At(0, Started)
            .At(1, Routed, e => e with { Decision = Omstilling.Policy.Routing.DecisionKind.Message, Target = "lukket" })
            .At(9, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        Assert.False(CallRecordBuilder.Build(s.Events, Script.Resolve).Abandoned);
    }

    [Fact]
    public void A_blind_transfer_the_target_takes_is_completed_and_the_call_concerns_the_target()
    {
        var s = new Script()
            .At(0, Started)
            .At(1, Ringing, e => e with { Party = "100" })
            .At(3, Answered, e => e with { AnsweredBy = "100" })
            .At(30, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Blind })
            .At(30.2, PartyLeft, e => e with { Party = "100" })
            .At(31, Ringing, e => e with { Party = "201" })
            .At(39, Answered, e => e with { AnsweredBy = "201" })
            .At(39, TransferCompleted, e => e with { Party = "201", Operator = "100" })
            .At(200, Ended, e => e with { EndReason = CallEndReason.CalleeHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.Equal(1, record.Transfers);
        Assert.Equal(("201", "Completed"), (record.TransferTarget, record.TransferOutcome));
        Assert.Equal("100", record.AnsweredBy); // the first answer
        Assert.Equal("100", record.Operator);
        Assert.Equal(("anne", "borgerservice", "borger"), (record.PersonId, record.DepartmentId, record.AreaId));
        Assert.Equal(["100", "201"], record.Rings.Select(r => r.Party));
        Assert.All(record.Rings, r => Assert.Equal("Answered", r.Outcome));
        Assert.Equal(8, (record.Rings[1].EndedAt - record.Rings[1].StartedAt).TotalSeconds);
    }

    [Fact]
    public void A_transfer_nobody_takes_comes_back_as_a_recall_with_the_reason()
    {
        var s = new Script()
            .At(0, Started)
            .At(2, Answered, e => e with { AnsweredBy = "100" })
            .At(10, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Blind })
            .At(11, Ringing, e => e with { Party = "201" })
            .At(31, RingEnded, e => e with { Party = "201", RingEnd = RingEndReason.NoAnswer })
            .At(31, TransferFailed, e => e with { Party = "201", Operator = "100", Outcome = RingOutcome.NoAnswer })
            .At(31, Recalled, e => e with { Party = "201", Operator = "100", Outcome = RingOutcome.NoAnswer })
            .At(40, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.Equal(("201", "NoAnswer", 1), (record.TransferTarget, record.TransferOutcome, record.Recalls));
        Assert.Equal(("201", "NoAnswer", 20.0), (record.Rings.Single().Party, record.Rings.Single().Outcome, (record.Rings.Single().EndedAt - record.Rings.Single().StartedAt).TotalSeconds));
        Assert.False(record.Abandoned); // it was answered by the operator first
    }

    [Fact]
    public void A_transfer_to_voicemail_records_the_box_and_a_phone_still_ringing_at_the_end_is_closed_then()
    {
        var s = new Script()
            .At(0, Started)
            .At(1, Ringing, e => e with { Party = "201" })
            .At(1, Ringing, e => e with { Party = "100" })
            .At(4, Answered, e => e with { AnsweredBy = "100" })
            .At(9, TransferStarted, e => e with { Party = "anne", Operator = "100", VoicemailBox = "anne" })
            .At(12, Voicemail, e => e with { VoicemailBox = "anne", Recording = "x.wav" })
            .At(40, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.Equal(("anne", "Voicemail"), (record.VoicemailBox, record.TransferOutcome));
        var anne = record.Rings.Single(r => r.Party == "201");
        Assert.Equal(("CallEnded", Script.Start.AddSeconds(40)), (anne.Outcome, anne.EndedAt));
    }

    [Fact]
    public void A_survey_answer_is_kept_with_the_call_and_the_person_who_had_it()
    {
        var s = new Script()
            .At(0, Started, e => e with { External = true })
            .At(4, SurveyInvited)
            .At(5, SurveyOptedIn)
            .At(6, Queued, e => e with { QueueId = "omstilling", Position = 1 })
            .At(8, Offered, e => e with { Members = ["100"] })
            .At(9, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(60, PartyLeft, e => e with { Party = "100" })
            .At(60, SurveyAsked)
            .At(66, SurveyAnswered, e => e with { Digit = '5' })
            .At(68, Ended, e => e with { EndReason = CallEndReason.CalleeHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.Equal(5, record.SurveyAnswer);
        Assert.Equal(("op1", "switchboard"), (record.PersonId, record.DepartmentId));
        Assert.Equal("CalleeHungUp", record.EndReason);
    }

    [Fact]
    public void A_caller_asked_who_gives_no_answer_has_none()
    {
        var s = new Script()
            .At(0, Started, e => e with { External = true })
            .At(4, SurveyInvited)
            .At(5, SurveyOptedIn)
            .At(9, Answered, e => e with { AnsweredBy = "100" })
            .At(60, SurveyAsked)
            .At(75, Ended, e => e with { EndReason = CallEndReason.CalleeHungUp });

        Assert.Null(CallRecordBuilder.Build(s.Events, Script.Resolve).SurveyAnswer);
    }

    [Fact]
    public void A_call_marked_misrouted_during_it_says_by_whom()
    {
        var s = new Script()
            .At(0, Started, e => e with { External = true })
            .At(9, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(20, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Blind })
            .At(25, TransferCompleted, e => e with { Party = "201", Operator = "100" })
            .At(40, MarkedMisrouted, e => e with { Party = "201" })
            .At(41, MarkedMisrouted, e => e with { Operator = "100" })
            .At(60, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        Assert.Equal("201", CallRecordBuilder.Build(s.Events, Script.Resolve).MisroutedBy);
    }

    [Fact]
    public void A_transfer_its_target_passes_on_from_the_phone_is_not_a_correct_one()
    {
        var s = new Script()
            .At(0, Started, e => e with { External = true })
            .At(9, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(20, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Blind })
            .At(25, TransferCompleted, e => e with { Party = "201", Operator = "100" })
            .At(40, TransferStarted, e => e with { Party = "202", Operator = "201", Transfer = TransferKind.Blind })
            .At(45, TransferCompleted, e => e with { Party = "202", Operator = "201" })
            .At(60, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.Equal(("201", 2, "202", CallRecordBuilder.Completed), (record.MisroutedBy, record.Transfers, record.TransferTarget, record.TransferOutcome));
        Assert.False(Kpis.IsCorrectTransfer(record, [], TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void An_operator_who_puts_the_caller_through_again_after_a_failed_consultation_does_not_mark_it()
    {
        var s = new Script()
            .At(0, Started, e => e with { External = true })
            .At(9, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(20, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Announced })
            .At(40, TransferFailed, e => e with { Party = "201", Operator = "100", Outcome = RingOutcome.NoAnswer })
            .At(45, TransferStarted, e => e with { Party = "202", Operator = "100", Transfer = TransferKind.Blind })
            .At(50, TransferCompleted, e => e with { Party = "202", Operator = "100" })
            .At(60, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.Null(record.MisroutedBy);
        Assert.True(Kpis.IsCorrectTransfer(record, [], TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void A_call_passed_back_to_the_switchboard_from_a_phone_came_back_and_is_not_a_correct_transfer()
    {
        var s = new Script()
            .At(0, Started, e => e with { External = true })
            .At(9, Answered, e => e with { AnsweredBy = "100", Operator = "100" })
            .At(20, TransferStarted, e => e with { Party = "201", Operator = "100", Transfer = TransferKind.Blind })
            .At(25, TransferCompleted, e => e with { Party = "201", Operator = "100" })
            .At(40, Recalled, e => e with { Party = "201", Outcome = RingOutcome.PassedBack })
            .At(60, Ended, e => e with { EndReason = CallEndReason.CallerHungUp });

        var record = CallRecordBuilder.Build(s.Events, Script.Resolve);

        Assert.Equal(1, record.Recalls);
        Assert.False(Kpis.IsCorrectTransfer(record, [], TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Menu_choices_make_a_path_in_order()
    {
        var s = new Script()
            .At(0, Started)
            .At(3, MenuChoice, e => e with { MenuId = "efter-lukketid", MenuOption = "Akut" })
            .At(6, MenuChoice, e => e with { MenuId = "akut", MenuOption = "Børn og unge" })
            .At(9, Ended, e => e with { EndReason = CallEndReason.Completed });

        Assert.Equal("efter-lukketid:Akut > akut:Børn og unge", CallRecordBuilder.Build(s.Events, Script.Resolve).MenuPath);
    }

    [Fact]
    public void A_call_needs_its_events()
    {
        Assert.Throws<ArgumentException>(() => CallRecordBuilder.Build([], Script.Resolve));
    }
}
