using System.Globalization;
using Omstilling.Directory;
using Omstilling.History.Reports;

namespace Omstilling.Web.Reports;

/// <summary>The tables of a report (<see cref="ReportSheet"/>), in Danish, with the links of the drill-down. Pure.</summary>
public static class ReportSheetBuilder
{
    public const string Path = "/rapporter";

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly string[] Weekdays = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"];

    public static ReportSheet Build(Report report, ReportRequest request, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(directory);
        var ringSeconds = report.Context.RingLimit.TotalSeconds.ToString("0", Danish);
        var sections = new List<SheetSection>
        {
            new("maal", "Politikkens mål", ["Mål", "Mål %", "Målt %", "Tæller", "Nævner", "Opfyldt"],
            [
                Goal("Besvaret inden for ringegrænsen", report.Goals.AnsweredWithinRingLimit, ReportFigure.AnsweredWithinRingLimit, request),
                Goal("Stillet korrekt om", report.Goals.CorrectlyTransferred, ReportFigure.CorrectlyTransferred, request),
                Goal("Tilfredse borgere", report.Goals.Satisfied, ReportFigure.Satisfied, request),
            ]),
            new("tal", "Tal ved siden af målene", ["Tal", "Værdi", "Tæller", "Nævner"],
            [
                [new("Opkald i alt"), new(Count(report.Goals.Calls)), new(""), new("")],
                Share("Opgivet, mens de ventede", report.Further.Abandonment, ReportFigure.Abandonment, request),
                [new("Ventetid før opgivelse, gennemsnit"), new(Seconds(report.Further.AverageWaitBeforeGivingUp)), new(""), new("")],
                [new("Ventetid før opgivelse, længste"), new(Seconds(report.Further.LongestWaitBeforeGivingUp)), new(""), new("")],
                Share($"Serviceniveau (besvaret inden for {ringSeconds} s af ventetiden)", report.Further.ServiceLevel, ReportFigure.ServiceLevel, request),
                [new("Ventetid i kø, gennemsnit"), new(Seconds(report.Goals.AverageQueueWait)), new(""), new("")],
                Share("Endte på telefonsvarer", report.Further.Voicemails, ReportFigure.Voicemails, request),
                Share("Omstillinger, der kom tilbage", report.Further.Recalled, ReportFigure.Recalled, request),
            ]),
            new("ventetider", "Ventetider", ["Ventetid", "Opkald", "Besvaret", "Opgivet"],
                [.. report.Further.WaitingTimes.Select(b => (IReadOnlyList<SheetCell>)[new(Bucket(b)), new(Count(b.Calls)), new(Count(b.Answered)), new(Count(b.Abandoned))])]),
            new("ubesvarede", "Omstillinger, modtageren ikke tog", ["Modtager", "Lokalnummer", "Ikke taget"],
                [.. report.Further.UnansweredTransfers.Select(t => (IReadOnlyList<SheetCell>)
                    [new(PersonByExtension(directory, t.Target)), new(t.Target), new(Count(t.Calls), Link(request, new FigureSet(ReportFigure.UnansweredTransfers, FigurePart.Numerator, t.Target)))])]),
            new("menuvalg", "Valg i menuerne (efter lukketid og andre)", ["Menu", "Valg", "Opkald"],
                [.. report.Further.MenuChoices.Select(c => (IReadOnlyList<SheetCell>)[new(c.Menu), new(c.Option), new(Count(c.Calls))])]),
            new("timer", "Opkald pr. time", ["Time", "Opkald"],
                [.. report.Further.CallsPerHour.Select((n, hour) => (IReadOnlyList<SheetCell>)[new(HourText(hour)), new(Count(n))])]),
            new("ugedage", "Opkald pr. ugedag", ["Ugedag", "Opkald"],
                [.. report.Further.CallsPerWeekday.Select((n, day) => (IReadOnlyList<SheetCell>)[new(Weekdays[day]), new(Count(n))])]),
        };
        if (report.Query.By != ReportBreakdown.None)
        {
            sections.Insert(1, new("opdeling", $"Målene pr. {ByText(report.Query.By)}", [ByTitle(report.Query.By), "Opkald", "Besvaret inden for ringegrænsen", "Stillet korrekt om", "Tilfredse borgere"],
                [.. report.Breakdown.Select(row => (IReadOnlyList<SheetCell>)
                    [new(KeyName(directory, report.Query.By, row.Key), Filter(request, report.Query.By, row.Key)), new(Count(row.Goals.Calls)),
                     new(Brief(row.Goals.AnsweredWithinRingLimit)), new(Brief(row.Goals.CorrectlyTransferred)), new(Brief(row.Goals.Satisfied))])]));
        }

        sections.Add(new("dage", "Målene dag for dag", ["Dato", "Opkald", "Besvaret inden for ringegrænsen %", "Stillet korrekt om %", "Tilfredse borgere %"],
            [.. report.Days.Select(d => (IReadOnlyList<SheetCell>)
                [new(d.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new(Count(d.Calls)), new(Percent(d.AnsweredWithinRingLimit.Value)), new(Percent(d.CorrectlyTransferred.Value)), new(Percent(d.Satisfied.Value))])]));
        sections.Add(new("bemanding", "Bemanding pr. time (Erlang C)", ["Time", "Opkald pr. dag", "Behandlingstid, gennemsnit", "Trafik (erlang)", "Operatører, der skal til", "Operatører, der besvarede opkald"],
            [.. report.Staffing.Where(h => h.ArrivalsPerDay > 0 || h.OperatorsAnswering > 0).Select(h => (IReadOnlyList<SheetCell>)
                [new(HourText(h.Hour)), new(Decimal(h.ArrivalsPerDay, "0.##")), new(Seconds(h.AverageHandling)), new(Decimal(h.TrafficErlangs, "0.00")),
                 new(h.OperatorsNeeded is { } n ? Count(n) : "intet mål"), new(Decimal(h.OperatorsAnswering, "0.0"))])]));
        return new ReportSheet(sections);
    }

    /// <summary>The page's address for <paramref name="request"/>.</summary>
    public static string Address(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Path + "?" + request.QueryString();
    }

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", Danish) : "";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string KeyName(StaffDirectory directory, ReportBreakdown by, string key)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return key.Length == 0 ? "(ingen)" : by switch
        {
            ReportBreakdown.None => key,
            ReportBreakdown.Area => directory.Areas.TryGetValue(key, out var area) ? area.Name : key,
            ReportBreakdown.Department => directory.Departments.TryGetValue(key, out var department) ? department.Name : key,
            ReportBreakdown.Person => directory.People.TryGetValue(key, out var person) ? person.Name : key,
            ReportBreakdown.Hour => HourText(int.Parse(key, CultureInfo.InvariantCulture)),
            _ => throw new System.Diagnostics.UnreachableException($"ReportBreakdown {by}"),
        };
    }

    public static string HourText(int hour) => $"{hour:00}–{(hour + 1) % 24:00}";

    private static IReadOnlyList<SheetCell> Goal(string name, KpiFigure figure, ReportFigure which, ReportRequest request) =>
    [
        new(name),
        new(figure.Target is { } t ? t.ToString("0.#", Danish) : ""),
        new(Percent(figure.Value)),
        new(Count(figure.Numerator), Link(request, new FigureSet(which, FigurePart.Numerator))),
        new(Count(figure.Denominator), Link(request, new FigureSet(which, FigurePart.Denominator))),
        figure.Met switch
        {
            true => new SheetCell("Opfyldt", State: GoalState.Met),
            false => new SheetCell("Ikke opfyldt", State: GoalState.NotMet),
            null => new SheetCell(figure.Target is null ? "Intet mål" : "Intet at måle", State: GoalState.NotMeasured),
        },
    ];

    private static IReadOnlyList<SheetCell> Share(string name, KpiFigure figure, ReportFigure which, ReportRequest request) =>
    [
        new(name),
        new(figure.Value is { } v ? v.ToString("0.0", Danish) + " %" : ""),
        new(Count(figure.Numerator), Link(request, new FigureSet(which, FigurePart.Numerator))),
        new(Count(figure.Denominator), Link(request, new FigureSet(which, FigurePart.Denominator))),
    ];

    private static string Brief(KpiFigure f) => f.Denominator == 0 ? "–" : $"{Percent(f.Value)} % ({f.Numerator} af {f.Denominator})";

    private static string Link(ReportRequest request, FigureSet set) => Address(request with { Drill = set }) + "#opkald";

    private static string Filter(ReportRequest request, ReportBreakdown by, string key) => key.Length == 0 ? Address(request) : Address(by switch
    {
        ReportBreakdown.None => request,
        ReportBreakdown.Area => request with { AreaId = key, By = ReportBreakdown.Department, Drill = null },
        ReportBreakdown.Department => request with { DepartmentId = key, By = ReportBreakdown.Person, Drill = null },
        ReportBreakdown.Person => request with { PersonId = key, By = ReportBreakdown.None, Drill = null },
        ReportBreakdown.Hour => request with { Hour = int.Parse(key, CultureInfo.InvariantCulture), By = ReportBreakdown.None, Drill = null },
        _ => throw new System.Diagnostics.UnreachableException($"ReportBreakdown {by}"),
    });

    private static string ByText(ReportBreakdown by) => by switch
    {
        ReportBreakdown.None => "",
        ReportBreakdown.Area => "direktørområde",
        ReportBreakdown.Department => "afdeling",
        ReportBreakdown.Person => "person",
        ReportBreakdown.Hour => "time",
        _ => throw new System.Diagnostics.UnreachableException($"ReportBreakdown {by}"),
    };

    private static string ByTitle(ReportBreakdown by) => by switch
    {
        ReportBreakdown.None => "",
        ReportBreakdown.Area => "Direktørområde",
        ReportBreakdown.Department => "Afdeling",
        ReportBreakdown.Person => "Person",
        ReportBreakdown.Hour => "Time",
        _ => throw new System.Diagnostics.UnreachableException($"ReportBreakdown {by}"),
    };

    private static string Bucket(WaitBucket b) => b.To is { } to
        ? $"{b.From.TotalSeconds.ToString("0", Danish)}–{to.TotalSeconds.ToString("0", Danish)} s"
        : $"over {b.From.TotalSeconds.ToString("0", Danish)} s";

    private static string Seconds(TimeSpan? span) => span is { } s ? s.TotalSeconds.ToString("0.0", Danish) + " s" : "";

    private static string Decimal(double value, string format) => value.ToString(format, Danish);

    private static string PersonByExtension(StaffDirectory directory, string extension) =>
        directory.People.Values.FirstOrDefault(p => p.Extension == extension)?.Name ?? "(ukendt)";
}
