using Omstilling.History.Reports;
using Omstilling.Storage.Entities;

namespace Omstilling.History.Tests;

/// <summary>The figures beside the goals, on the worked example of docs/kpis.md and on calls made for each rule.</summary>
public sealed class CallFiguresTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    private static readonly TimeSpan FourRings = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_worked_example_of_the_documentation()
    {
        var figures = CallFigures.Compute([.. WorkedExample.Records()], Copenhagen, FourRings);

        Assert.Equal(new KpiFigure(null, 1, 7), figures.Abandonment);
        Assert.Equal(14.3, figures.Abandonment.Value);
        Assert.Equal(TimeSpan.FromSeconds(60), figures.AverageWaitBeforeGivingUp);
        Assert.Equal(TimeSpan.FromSeconds(60), figures.LongestWaitBeforeGivingUp);
        Assert.Equal(new KpiFigure(null, 5, 7), figures.ServiceLevel);
        Assert.Equal([5, 0, 1, 1, 0, 0, 0], figures.WaitingTimes.Select(b => b.Calls));
        Assert.Equal([5, 0, 1, 0, 0, 0, 0], figures.WaitingTimes.Select(b => b.Answered));
        Assert.Equal([0, 0, 0, 1, 0, 0, 0], figures.WaitingTimes.Select(b => b.Abandoned));
        Assert.Equal(7, figures.CallsPerHour[9]);
        Assert.Equal(7, figures.CallsPerHour.Sum());
        Assert.Equal(7, figures.CallsPerWeekday[3]); // Thursday
        Assert.Empty(figures.MenuChoices);
        Assert.Equal(new KpiFigure(null, 0, 7), figures.Voicemails);
        Assert.Equal(new KpiFigure(null, 1, 3), figures.Recalled);
        Assert.Equal([new TargetCount("201", 1)], figures.UnansweredTransfers);
    }

    [Fact]
    public void A_wait_of_exactly_the_ring_limit_is_within_the_service_level_and_its_bucket_and_a_moment_more_is_not()
    {
        var at = Call(queueWait: 20_000, answered: true);
        var late = Call(queueWait: 20_001, answered: true);

        var figures = CallFigures.Compute([at, late], Copenhagen, FourRings);

        Assert.Equal(new KpiFigure(null, 1, 2), figures.ServiceLevel);
        Assert.Equal(1, CallFigures.BucketOf(TimeSpan.FromSeconds(20)));
        Assert.Equal(2, CallFigures.BucketOf(TimeSpan.FromMilliseconds(20_001)));
        Assert.Equal(6, CallFigures.BucketOf(TimeSpan.FromMinutes(6)));
    }

    [Fact]
    public void Without_a_queue_the_wait_runs_from_the_first_ring_to_the_answer_or_the_end()
    {
        var rang = Call(queueWait: null, answered: false);
        rang.FirstRingAt = rang.ArrivedAt.AddSeconds(5);
        rang.EndedAt = rang.ArrivedAt.AddSeconds(50);
        rang.Abandoned = true;

        var figures = CallFigures.Compute([rang], Copenhagen, FourRings);

        Assert.Equal(TimeSpan.FromSeconds(45), CallFigures.WaitingTime(rang));
        Assert.Equal(TimeSpan.FromSeconds(45), figures.AverageWaitBeforeGivingUp);
        Assert.Equal(new KpiFigure(null, 1, 1), figures.Abandonment);
    }

    [Fact]
    public void Internal_calls_and_calls_that_waited_for_no_one_are_not_in_abandonment_or_the_service_level()
    {
        var internalCall = Call(queueWait: 3_000, answered: true);
        internalCall.External = false;
        var menuOnly = Call(queueWait: null, answered: false);
        menuOnly.MenuPath = "efter-lukketid:1 > teknik:3";

        var figures = CallFigures.Compute([internalCall, menuOnly], Copenhagen, FourRings);

        Assert.Equal(0, figures.Abandonment.Denominator);
        Assert.Equal(0, figures.ServiceLevel.Denominator);
        Assert.Equal(2, figures.CallsPerHour.Sum());
    }

    [Fact]
    public void Menu_choices_count_each_step_of_each_path_by_menu_and_option()
    {
        var a = Call(queueWait: null, answered: false);
        a.MenuPath = "efter-lukketid:1 > teknik:3";
        var b = Call(queueWait: null, answered: false);
        b.MenuPath = "efter-lukketid:1";
        var c = Call(queueWait: null, answered: false);
        c.MenuPath = "efter-lukketid:2";

        var figures = CallFigures.Compute([a, b, c], Copenhagen, FourRings);

        Assert.Equal(
            [new MenuChoiceCount("efter-lukketid", "1", 2), new MenuChoiceCount("efter-lukketid", "2", 1), new MenuChoiceCount("teknik", "3", 1)],
            figures.MenuChoices);
    }

    [Fact]
    public void Voicemails_recalls_and_unanswered_transfers_per_target()
    {
        var voicemail = Call(queueWait: 1_000, answered: true);
        voicemail.VoicemailBox = "201";
        var toVoicemail = Transferred("201", "Voicemail", recalls: 0);
        var busy = Transferred("201", "Busy", recalls: 1);
        var noAnswer = Transferred("305", "NoAnswer", recalls: 1);
        var left = Transferred("201", "Unfinished", recalls: 0);
        var taken = Transferred("305", "Completed", recalls: 0);

        var figures = CallFigures.Compute([voicemail, toVoicemail, busy, noAnswer, left, taken], Copenhagen, FourRings);

        Assert.Equal(new KpiFigure(null, 1, 6), figures.Voicemails);
        Assert.Equal(new KpiFigure(null, 2, 4), figures.Recalled);
        Assert.Equal([new TargetCount("201", 2), new TargetCount("305", 1)], figures.UnansweredTransfers);
    }

    [Fact]
    public void Hours_and_weekdays_are_local_across_the_change_to_summer_time()
    {
        // Sunday 29 March 2026: 00:30 UTC is 01:30 local (UTC+1), 01:30 UTC is 03:30 local (UTC+2).
        var before = Call(queueWait: null, answered: false);
        before.ArrivedAt = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);
        var after = Call(queueWait: null, answered: false);
        after.ArrivedAt = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);

        var figures = CallFigures.Compute([before, after], Copenhagen, FourRings);

        Assert.Equal(1, figures.CallsPerHour[1]);
        Assert.Equal(0, figures.CallsPerHour[2]);
        Assert.Equal(1, figures.CallsPerHour[3]);
        Assert.Equal(2, figures.CallsPerWeekday[6]); // Sunday
    }

    internal static CallRecord Call(long? queueWait, bool answered) => new()
    {
        CallId = Guid.NewGuid(),
        Caller = "20304050",
        Dialled = WorkedExample.Main,
        External = true,
        ArrivedAt = WorkedExample.Nine,
        QueueId = queueWait is null ? null : "omstilling",
        QueueWaitMs = queueWait,
        FirstRingAt = queueWait is { } w ? WorkedExample.Nine.AddMilliseconds(w) : null,
        AnsweredAt = answered ? WorkedExample.Nine.AddMilliseconds((queueWait ?? 0) + 1_000) : null,
        EndedAt = WorkedExample.Nine.AddSeconds(600),
        EndReason = "CalleeHungUp",
    };

    private static CallRecord Transferred(string target, string outcome, int recalls)
    {
        var record = Call(queueWait: 2_000, answered: true);
        (record.Transfers, record.TransferTarget, record.TransferOutcome, record.Recalls) = (1, target, outcome, recalls);
        return record;
    }
}
