using Omstilling.History.Reports;
using Omstilling.Policy.Model;

namespace Omstilling.History.Tests;

/// <summary>A whole report: its goals equal <see cref="Kpis"/>'s, its breakdown and days add up, and each drill-down gives exactly the calls its figure counted.</summary>
public sealed class ReportBuilderTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    private static readonly PolicyTargets Targets = new(4, 90, 85) { AnsweredWithinRingsPercent = 80, CalledAgainWithin = TimeSpan.FromMinutes(30) };
    private static readonly DateOnly Day = new(2026, 12, 3);

    [Fact]
    public void The_drill_down_gives_the_calls_of_the_worked_example_behind_each_figure()
    {
        var report = Build(new ReportQuery(Day, Day));

        Assert.Equal("ABDEFG", Letters(report, ReportFigure.AnsweredWithinRingLimit, FigurePart.Denominator));
        Assert.Equal("ADEFG", Letters(report, ReportFigure.AnsweredWithinRingLimit, FigurePart.Numerator));
        Assert.Equal("DEF", Letters(report, ReportFigure.CorrectlyTransferred, FigurePart.Denominator));
        Assert.Equal("D", Letters(report, ReportFigure.CorrectlyTransferred, FigurePart.Numerator));
        Assert.Equal("DE", Letters(report, ReportFigure.Satisfied, FigurePart.Denominator));
        Assert.Equal("D", Letters(report, ReportFigure.Satisfied, FigurePart.Numerator));
        Assert.Equal("C", Letters(report, ReportFigure.Abandonment, FigurePart.Numerator));
        Assert.Equal("ADEFG", Letters(report, ReportFigure.ServiceLevel, FigurePart.Numerator));
        Assert.Equal("E", Letters(report, ReportFigure.Recalled, FigurePart.Numerator));
        Assert.Equal("E", Letters(report, ReportFigure.UnansweredTransfers, FigurePart.Numerator, "201"));
        Assert.Equal("", Letters(report, ReportFigure.UnansweredTransfers, FigurePart.Numerator, "305"));
        Assert.Equal("", Letters(report, ReportFigure.Voicemails, FigurePart.Numerator));
    }

    [Fact]
    public void Every_figures_drill_down_has_as_many_calls_as_its_numerator_and_denominator()
    {
        var report = Build(new ReportQuery(Day, Day));
        var figures = new Dictionary<ReportFigure, KpiFigure>
        {
            [ReportFigure.AnsweredWithinRingLimit] = report.Goals.AnsweredWithinRingLimit,
            [ReportFigure.CorrectlyTransferred] = report.Goals.CorrectlyTransferred,
            [ReportFigure.Satisfied] = report.Goals.Satisfied,
            [ReportFigure.Abandonment] = report.Further.Abandonment,
            [ReportFigure.ServiceLevel] = report.Further.ServiceLevel,
            [ReportFigure.Voicemails] = report.Further.Voicemails,
            [ReportFigure.Recalled] = report.Further.Recalled,
        };

        Assert.Equal(Enum.GetValues<ReportFigure>().Length - 1, figures.Count); // all but the per-target one
        foreach (var (figure, value) in figures)
        {
            Assert.Equal(value.Numerator, report.CallsBehind(new FigureSet(figure, FigurePart.Numerator)).Count);
            Assert.Equal(value.Denominator, report.CallsBehind(new FigureSet(figure, FigurePart.Denominator)).Count);
        }
    }

    [Fact]
    public void The_goals_equal_the_kpis_and_the_breakdown_by_department_and_by_hour_adds_up()
    {
        var records = WorkedExample.Records();
        var byDepartment = Build(new ReportQuery(Day, Day) { By = ReportBreakdown.Department });
        var byHour = Build(new ReportQuery(Day, Day) { By = ReportBreakdown.Hour });

        Assert.Equal(Kpis.Compute(Day, Day, null, [.. records], [.. records], Targets, TimeSpan.FromSeconds(20)), byDepartment.Goals);
        Assert.Equal(["borgerservice", "switchboard"], byDepartment.Breakdown.Select(r => r.Key));
        Assert.Equal(new KpiFigure(90, 1, 3), byDepartment.Breakdown[0].Goals.CorrectlyTransferred);
        Assert.Equal(new KpiFigure(80, 2, 3), byDepartment.Breakdown[1].Goals.AnsweredWithinRingLimit);
        Assert.Equal(["09"], byHour.Breakdown.Select(r => r.Key));
        Assert.Equal(byHour.Goals.AnsweredWithinRingLimit, byHour.Breakdown[0].Goals.AnsweredWithinRingLimit);
    }

    [Fact]
    public void A_transfer_judged_in_a_department_breakdown_still_sees_the_caller_calling_the_switchboard_again()
    {
        // F was transferred to borgerservice; G, its caller's call again, belongs to the switchboard.
        var report = Build(new ReportQuery(Day, Day) { By = ReportBreakdown.Department });

        Assert.DoesNotContain(report.CallsBehind(new FigureSet(ReportFigure.CorrectlyTransferred, FigurePart.Numerator)), r => r.Caller == "20000006");
        Assert.Equal(1, report.Breakdown.Single(r => r.Key == "borgerservice").Goals.CorrectlyTransferred.Numerator);
    }

    [Fact]
    public void An_hour_limits_every_figure_to_calls_that_arrived_in_it_and_days_cover_the_period()
    {
        var ten = Build(new ReportQuery(Day, Day.AddDays(2)) { Hour = 10 });
        var nine = Build(new ReportQuery(Day, Day.AddDays(2)) { Hour = 9 });

        Assert.Equal(0, ten.Goals.Calls);
        Assert.Equal(7, nine.Goals.Calls);
        Assert.Equal([Day, Day.AddDays(1), Day.AddDays(2)], nine.Days.Select(d => d.From));
        Assert.Equal([7, 0, 0], nine.Days.Select(d => d.Calls));
        Assert.Equal(new KpiFigure(80, 5, 6), nine.Days[0].AnsweredWithinRingLimit);
    }

    [Theory]
    [InlineData(2026, 12, 4, 2026, 12, 3, null)]
    [InlineData(2026, 1, 1, 2026, 4, 30, null)]
    [InlineData(2026, 1, 1, 2026, 1, 1, 24)]
    public void A_query_that_cannot_be_run_says_why(int y1, int m1, int d1, int y2, int m2, int d2, int? hour)
    {
        var query = new ReportQuery(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2)) { Hour = hour };

        Assert.NotNull(query.Problem);
    }

    private static Report Build(ReportQuery query)
    {
        var records = WorkedExample.Records();
        return ReportBuilder.Build(query, records, records, new Dictionary<Guid, DateTimeOffset>(), new ReportContext(Targets, TimeSpan.FromSeconds(20), new CallsAgain([]), Copenhagen));
    }

    private static string Letters(Report report, ReportFigure figure, FigurePart part, string? key = null) =>
        string.Concat(report.CallsBehind(new FigureSet(figure, part, key)).Select(r => (char)('A' + r.CallId.ToByteArray()[15] - 10)));
}
