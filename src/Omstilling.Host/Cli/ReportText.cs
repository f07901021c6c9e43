using System.Globalization;
using System.Text;
using Omstilling.History.Reports;

namespace Omstilling.Host.Cli;

/// <summary>A report as a table for people (Danish), and its goals as CSV.</summary>
internal static class ReportText
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Table(Report report)
    {
        var r = report.Goals;
        var text = new StringBuilder();
        text.Append(Danish, $"Opkald {r.From:d. MMMM yyyy} – {r.To:d. MMMM yyyy}{(r.DepartmentId is { } d ? $", afdeling {d}" : "")}: {r.Calls}\n\n");
        text.Append(Danish, $"{"Mål",-32} {"Mål %",6} {"Målt %",7} {"Antal",13}  Opfyldt\n");
        Row(text, "Besvaret inden for ringegrænsen", r.AnsweredWithinRingLimit);
        Row(text, "Stillet korrekt om", r.CorrectlyTransferred);
        Row(text, "Tilfredse borgere", r.Satisfied);
        text.Append(Danish, $"\nOpgivet i kø eller mens det ringede: {r.Abandoned}\n");
        text.Append(Danish, $"Gennemsnitlig ventetid i kø: {(r.AverageQueueWait is { } wait ? $"{wait.TotalSeconds:0.0} s" : "ingen ventede")}\n");
        var f = report.Further;
        text.Append(Danish, $"Opgivet af dem, der ventede: {Share(f.Abandonment)}; ventetid før opgivelse {Seconds(f.AverageWaitBeforeGivingUp)} i gennemsnit, højst {Seconds(f.LongestWaitBeforeGivingUp)}\n");
        text.Append(Danish, $"Serviceniveau (besvaret inden for {report.Context.RingLimit.TotalSeconds:0} s af ventetiden): {Share(f.ServiceLevel)}\n");
        text.Append(Danish, $"Telefonsvarer: {Share(f.Voicemails)}; omstillinger, der kom tilbage: {Share(f.Recalled)}\n");
        text.Append(Danish, $"\nBemanding (Erlang C: operatører, der skal til for at nå målet inden for ringegrænsen)\n");
        text.Append(Danish, $"{"Time",-7} {"Opkald/dag",10} {"Behandling",10} {"Erlang",7} {"Skal til",8} {"Besvarede",9}\n");
        foreach (var h in report.Staffing.Where(h => h.ArrivalsPerDay > 0 || h.OperatorsAnswering > 0))
        {
            text.Append(Danish, $"{h.Hour:00}–{(h.Hour + 1) % 24:00}   {h.ArrivalsPerDay,10:0.##} {Seconds(h.AverageHandling),10} {h.TrafficErlangs,7:0.00} {(h.OperatorsNeeded is { } n ? n.ToString(Danish) : "–"),8} {h.OperatorsAnswering,9:0.0}\n");
        }

        text.Append("(Besvarede: operatører, der besvarede opkald i timen, i gennemsnit pr. dag; historikken kender ikke logins.)\n");
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

    private static string Share(KpiFigure f) => f.Value is { } v ? $"{v.ToString("0.0", Danish)} % ({f.Numerator} af {f.Denominator})" : $"– ({f.Numerator} af {f.Denominator})";

    private static string Seconds(TimeSpan? span) => span is { } s ? s.TotalSeconds.ToString("0.0", Danish) + " s" : "–";

    private static void Row(StringBuilder text, string name, KpiFigure f) =>
        text.Append(Danish, $"{name,-32} {(f.Target is { } t ? t.ToString("0", Danish) : "–"),6} {(f.Value is { } v ? v.ToString("0.0", Danish) : "–"),7} {$"{f.Numerator} af {f.Denominator}",13}  {f.Met switch { true => "ja", false => "nej", null => "–" }}\n");
}
