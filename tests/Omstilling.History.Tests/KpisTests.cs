using Omstilling.History.Reports;
using Omstilling.Policy.Model;
using Omstilling.Storage.Entities;

namespace Omstilling.History.Tests;

public sealed class KpisTests
{
    private static readonly PolicyTargets Targets = new(4, 90, 85) { AnsweredWithinRingsPercent = 80, CalledAgainWithin = TimeSpan.FromMinutes(30) };
    private static readonly DateOnly Day = new(2026, 12, 3);
    private static readonly TimeSpan FourRings = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_worked_example_of_the_documentation()
    {
        var records = WorkedExample.Records();

        var report = Kpis.Compute(Day, Day, null, [.. records], [.. records], Targets, FourRings);

        Assert.Equal(7, report.Calls);
        Assert.Equal(new KpiFigure(80, 5, 6), report.AnsweredWithinRingLimit);
        Assert.Equal(83.3, report.AnsweredWithinRingLimit.Value);
        Assert.True(report.AnsweredWithinRingLimit.Met);
        Assert.Equal(new KpiFigure(90, 1, 3), report.CorrectlyTransferred);
        Assert.False(report.CorrectlyTransferred.Met);
        Assert.Equal(new KpiFigure(85, 1, 2), report.Satisfied);
        Assert.Equal(50, report.Satisfied.Value);
        Assert.Equal(1, report.Abandoned);
    }

    [Fact]
    public void The_policys_satisfied_from_moves_the_top_of_the_scale()
    {
        var records = WorkedExample.Records();

        var fromTwo = Kpis.Compute(Day, Day, null, [.. records], [.. records], Targets, FourRings, satisfiedFrom: 2);
        var aboveTheScale = Kpis.Compute(Day, Day, null, [.. records], [.. records], Targets, FourRings, satisfiedFrom: 6);

        Assert.Equal(new KpiFigure(85, 2, 2), fromTwo.Satisfied);
        Assert.Equal(new KpiFigure(85, 0, 2), aboveTheScale.Satisfied);
    }

    [Fact]
    public void A_transfer_marked_misrouted_is_not_correct()
    {
        var taken = WorkedExample.Records().Where(r => Kpis.IsCorrectTransfer(r, [], Targets.CalledAgainWithin)).ToList();
        Assert.NotEmpty(taken);
        taken.ForEach(r => r.MisroutedBy = "201");

        Assert.DoesNotContain(taken, r => Kpis.IsCorrectTransfer(r, [], Targets.CalledAgainWithin));
    }

    /// <summary>Found by the simulator: a citizen who dialled again at once arrived 37 µs before the server stamped the first call's end.</summary>
    [Theory]
    [InlineData(-0.000037, false)] // at the moment the first ended: called again
    [InlineData(-30, false)] // while the first went on (a second phone): called again
    [InlineData(1800, false)] // 30 minutes after the end: still within
    [InlineData(1800.001, true)] // after the window: the transfer stands
    public void A_caller_who_calls_again_before_or_within_the_window_after_the_end_was_not_helped(double secondsAfterEnd, bool correct)
    {
        var transferred = Record(rang: 0, answered: 3);
        transferred.Transfers = 1;
        transferred.TransferTarget = "201";
        transferred.TransferOutcome = CallRecordBuilder.Completed;
        var again = Record(rang: 0, answered: 3);
        again.ArrivedAt = transferred.EndedAt.AddSeconds(secondsAfterEnd);

        Assert.Equal(correct, Kpis.IsCorrectTransfer(transferred, [transferred, again], Targets.CalledAgainWithin));
    }

    [Fact]
    public void Exactly_four_rings_is_within_and_a_moment_more_is_not()
    {
        var at = Record(rang: 0, answered: 20);
        var late = Record(rang: 0, answered: 20.001);

        var report = Kpis.Compute(Day, Day, null, [at, late], [], Targets, FourRings);

        Assert.Equal((1, 2), (report.AnsweredWithinRingLimit.Numerator, report.AnsweredWithinRingLimit.Denominator));
    }

    [Fact]
    public void Internal_calls_and_calls_that_rang_nobody_are_not_measured_for_the_ring_limit()
    {
        var internalCall = Record(rang: 0, answered: 3);
        internalCall.External = false;
        var message = Record(rang: null, answered: null);

        var report = Kpis.Compute(Day, Day, null, [internalCall, message], [], Targets, FourRings);

        Assert.Equal(0, report.AnsweredWithinRingLimit.Denominator);
        Assert.Null(report.AnsweredWithinRingLimit.Value);
        Assert.Null(report.AnsweredWithinRingLimit.Met);
    }

    [Fact]
    public void A_transfer_to_voicemail_is_not_measured_and_a_call_again_after_the_window_does_not_count_against()
    {
        var voicemail = Record(rang: 0, answered: 2);
        (voicemail.Transfers, voicemail.TransferOutcome) = (1, CallRecordBuilder.Voicemail);
        var taken = Record(rang: 0, answered: 2);
        (taken.Transfers, taken.TransferOutcome) = (1, CallRecordBuilder.Completed);
        var again = Record(rang: 0, answered: 2);
        again.CallId = Guid.NewGuid();
        again.ArrivedAt = taken.EndedAt + TimeSpan.FromMinutes(31);

        var report = Kpis.Compute(Day, Day, null, [voicemail, taken], [again], Targets, FourRings);

        Assert.Equal((1, 1), (report.CorrectlyTransferred.Numerator, report.CorrectlyTransferred.Denominator));
    }

    [Fact]
    public void Anonymised_callers_are_never_matched_as_calling_again()
    {
        var taken = Record(rang: 0, answered: 2);
        (taken.Transfers, taken.TransferOutcome, taken.Caller) = (1, CallRecordBuilder.Completed, HistoryRetention.Anonymised);
        var other = Record(rang: 0, answered: 2);
        (other.CallId, other.Caller, other.ArrivedAt) = (Guid.NewGuid(), HistoryRetention.Anonymised, taken.EndedAt.AddMinutes(1));

        Assert.True(Kpis.IsCorrectTransfer(taken, [other], TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void A_department_day_without_calls_has_no_values_and_meets_nothing()
    {
        var report = Kpis.Compute(Day, Day, "borgerservice", [], [], Targets, FourRings);

        Assert.Equal(0, report.Calls);
        Assert.All([report.AnsweredWithinRingLimit, report.CorrectlyTransferred, report.Satisfied], f => Assert.Null(f.Met));
        Assert.Null(report.AverageQueueWait);
    }

    private static CallRecord Record(double? rang, double? answered) => new()
    {
        CallId = Guid.NewGuid(),
        Caller = "20304050",
        Dialled = WorkedExample.Main,
        External = true,
        ArrivedAt = WorkedExample.Nine,
        FirstRingAt = rang is { } r ? WorkedExample.Nine.AddSeconds(r) : null,
        AnsweredAt = answered is { } a ? WorkedExample.Nine.AddSeconds(a) : null,
        EndedAt = WorkedExample.Nine.AddSeconds(60),
        EndReason = "CalleeHungUp",
    };
}
