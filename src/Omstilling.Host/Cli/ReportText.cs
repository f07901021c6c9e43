using System.Globalization;
using System.Text;
using Omstilling.History.Reports;

namespace Omstilling.Host.Cli;

/// <summary>A KPI report as JSON (the names scripts rely on), as a table for people (Danish), and as CSV.</summary>
internal sealed record ReportJson(
    string From,
    string To,
    string? Department,
    int Calls,
    ReportJson.Goal AnsweredWithinRingLimit,
    ReportJson.Goal CorrectlyTransferred,
    ReportJson.Goal Satisfied,
    int Abandoned,
    double? AverageQueueWaitSeconds)
{
    public static ReportJson Of(KpiReport r) => new(
        r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.DepartmentId,
        r.Calls,
        Goal.Of(r.AnsweredWithinRingLimit),
        Goal.Of(r.CorrectlyTransferred),
        Goal.Of(r.Satisfied),
        r.Abandoned,
        r.AverageQueueWait is { } wait ? Math.Round(wait.TotalSeconds, 1) : null);

    /// <summary>One goal: <c>target</c>, <c>value</c> (percent, null with nothing to measure), <c>numerator</c>, <c>denominator</c>, <c>met</c>.</summary>
    internal sealed record Goal(double? Target, double? Value, int Numerator, int Denominator, bool? Met)
    {
        public static Goal Of(KpiFigure f) => new(f.Target, f.Value, f.Numerator, f.Denominator, f.Met);
    }
}

internal static class ReportText
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Table(KpiReport r)
    {
        var text = new StringBuilder();
        text.Append(Danish, $"Opkald {r.From:d. MMMM yyyy} – {r.To:d. MMMM yyyy}{(r.DepartmentId is { } d ? $", afdeling {d}" : "")}: {r.Calls}\n\n");
        text.Append(Danish, $"{"Mål",-32} {"Mål %",6} {"Målt %",7} {"Antal",13}  Opfyldt\n");
        Row(text, "Besvaret inden for ringegrænsen", r.AnsweredWithinRingLimit);
        Row(text, "Stillet korrekt om", r.CorrectlyTransferred);
        Row(text, "Tilfredse borgere", r.Satisfied);
        text.Append(Danish, $"\nOpgivet i kø eller mens det ringede: {r.Abandoned}\n");
        text.Append(Danish, $"Gennemsnitlig ventetid i kø: {(r.AverageQueueWait is { } wait ? $"{wait.TotalSeconds:0.0} s" : "ingen ventede")}\n");
        return text.ToString();
    }

    public static string Csv(KpiReport r)
    {
        var text = new StringBuilder("goal,target,value,numerator,denominator,met\n");
        foreach (var (name, figure) in new[] { ("answeredWithinRingLimit", r.AnsweredWithinRingLimit), ("correctlyTransferred", r.CorrectlyTransferred), ("satisfied", r.Satisfied) })
        {
            text.Append(CultureInfo.InvariantCulture, $"{name},{figure.Target},{figure.Value},{figure.Numerator},{figure.Denominator},{(figure.Met is { } met ? met ? "true" : "false" : "")}\n");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, KpiFigure f) =>
        text.Append(Danish, $"{name,-32} {(f.Target is { } t ? t.ToString("0", Danish) : "–"),6} {(f.Value is { } v ? v.ToString("0.0", Danish) : "–"),7} {$"{f.Numerator} af {f.Denominator}",13}  {f.Met switch { true => "ja", false => "nej", null => "–" }}\n");
}
