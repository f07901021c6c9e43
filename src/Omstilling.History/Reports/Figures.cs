using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>The figures a drill-down can open: each names the predicates of <see cref="Kpis"/> and <see cref="CallFigures"/>.</summary>
public enum ReportFigure
{
    AnsweredWithinRingLimit,
    CorrectlyTransferred,
    Satisfied,
    Abandonment,
    ServiceLevel,
    Voicemails,
    Recalled,
    UnansweredTransfers,
}

/// <summary>Which calls of a figure: those it counts (numerator) or those it counts among (denominator).</summary>
public enum FigurePart
{
    Numerator,
    Denominator,
}

/// <summary>The calls behind one figure; <see cref="Key"/> narrows the unanswered transfers to one target. Immutable.</summary>
public sealed record FigureSet(ReportFigure Figure, FigurePart Part, string? Key = null);

/// <summary>The drill-down: the calls behind a figure, by the same predicates that computed it.</summary>
public static class Figures
{
    public static IReadOnlyList<CallRecord> CallsBehind(Report report, FigureSet set)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(set);
        var context = report.Context;
        return [.. report.Calls.Where(r => Counts(r, set, context)).OrderBy(r => r.ArrivedAt)];
    }

    private static bool Counts(CallRecord r, FigureSet set, ReportContext context) => (set.Figure, set.Part) switch
    {
        (ReportFigure.AnsweredWithinRingLimit, FigurePart.Denominator) => Kpis.RangSomeone(r),
        (ReportFigure.AnsweredWithinRingLimit, FigurePart.Numerator) => Kpis.AnsweredWithinRingLimit(r, context.RingLimit),
        (ReportFigure.CorrectlyTransferred, FigurePart.Denominator) => Kpis.IsTransferToPerson(r),
        (ReportFigure.CorrectlyTransferred, FigurePart.Numerator) => Kpis.IsCorrectTransfer(r, context.CallsAgain, context.Targets.CalledAgainWithin),
        (ReportFigure.Satisfied, FigurePart.Denominator) => Kpis.AnsweredSurvey(r),
        (ReportFigure.Satisfied, FigurePart.Numerator) => Kpis.IsSatisfied(r, context.SatisfiedFrom),
        (ReportFigure.Abandonment, FigurePart.Denominator) => CallFigures.Waited(r),
        (ReportFigure.Abandonment, FigurePart.Numerator) => CallFigures.Waited(r) && CallFigures.IsAbandoned(r),
        (ReportFigure.ServiceLevel, FigurePart.Denominator) => CallFigures.Waited(r),
        (ReportFigure.ServiceLevel, FigurePart.Numerator) => CallFigures.WithinServiceLevel(r, context.RingLimit),
        (ReportFigure.Voicemails, FigurePart.Denominator) => true,
        (ReportFigure.Voicemails, FigurePart.Numerator) => CallFigures.WentToVoicemail(r),
        (ReportFigure.Recalled, FigurePart.Denominator) => Kpis.IsTransferToPerson(r),
        (ReportFigure.Recalled, FigurePart.Numerator) => CallFigures.WasRecalled(r),
        (ReportFigure.UnansweredTransfers, FigurePart.Denominator) => Kpis.IsTransferToPerson(r) && (set.Key is null || r.TransferTarget == set.Key),
        (ReportFigure.UnansweredTransfers, FigurePart.Numerator) => CallFigures.IsUnansweredTransfer(r) && (set.Key is null || r.TransferTarget == set.Key),
        (var figure, var part) => throw new System.Diagnostics.UnreachableException($"{figure} {part}"),
    };
}
