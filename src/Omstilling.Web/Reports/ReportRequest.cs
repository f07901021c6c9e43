using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Omstilling.History.Reports;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Reports;

/// <summary>
/// What the reports page and its CSV were asked for, read from the query string (the page and the
/// CSV read the same string the same way, so they show the same figures): the period, the
/// filters, the breakdown and the figure drilled into. Immutable.
/// </summary>
public sealed record ReportRequest
{
    public ReportPeriod Period { get; init; } = ReportPeriod.Month;

    /// <summary>The day the day, week or month is around; null for today.</summary>
    public DateOnly? Day { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? AreaId { get; init; }

    public string? DepartmentId { get; init; }

    public string? PersonId { get; init; }

    public int? Hour { get; init; }

    public ReportBreakdown By { get; init; } = ReportBreakdown.None;

    /// <summary>The figure whose calls are listed, if any.</summary>
    public FigureSet? Drill { get; init; }

    /// <summary>Reads a query string ("?periode=uge&amp;dato=2026-12-03&amp;afdeling=…"); what cannot be read is left out.</summary>
    public static ReportRequest Parse(string? queryString)
    {
        var q = QueryHelpers.ParseQuery(queryString);
        string? Text(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        DateOnly? Date(string key) => DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        FigureSet? drill = Enum.TryParse<ReportFigure>(Text("vis"), ignoreCase: true, out var figure) && Enum.IsDefined(figure)
            ? new FigureSet(figure, Text("del") == "naevner" ? FigurePart.Denominator : FigurePart.Numerator, Text("noegle"))
            : null;
        return new ReportRequest
        {
            Period = Text("periode") switch
            {
                "dag" => ReportPeriod.Day,
                "uge" => ReportPeriod.Week,
                "valgfri" => ReportPeriod.Custom,
                _ => ReportPeriod.Month, // "maaned", none, or an address typed by hand: the month
            },
            Day = Date("dato"),
            From = Date("fra"),
            To = Date("til"),
            AreaId = Text("omraade"),
            DepartmentId = Text("afdeling"),
            PersonId = Text("person"),
            Hour = int.TryParse(Text("time"), NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23 ? hour : null,
            By = Text("opdel") switch
            {
                "omraade" => ReportBreakdown.Area,
                "afdeling" => ReportBreakdown.Department,
                "person" => ReportBreakdown.Person,
                "time" => ReportBreakdown.Hour,
                _ => ReportBreakdown.None, // "ingen", none, or an address typed by hand
            },
            Drill = drill,
        };
    }

    /// <summary>The query string of this request (without the leading "?"): links keep the period and filters.</summary>
    public string QueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("periode", Period switch
            {
                ReportPeriod.Day => "dag",
                ReportPeriod.Week => "uge",
                ReportPeriod.Month => "maaned",
                ReportPeriod.Custom => "valgfri",
                _ => throw new System.Diagnostics.UnreachableException($"ReportPeriod {Period}"),
            }),
            new("dato", Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("fra", Period == ReportPeriod.Custom ? From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
            new("til", Period == ReportPeriod.Custom ? To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
            new("omraade", AreaId),
            new("afdeling", DepartmentId),
            new("person", PersonId),
            new("time", Hour?.ToString(CultureInfo.InvariantCulture)),
            new("opdel", By switch
            {
                ReportBreakdown.None => null,
                ReportBreakdown.Area => "omraade",
                ReportBreakdown.Department => "afdeling",
                ReportBreakdown.Person => "person",
                ReportBreakdown.Hour => "time",
                _ => throw new System.Diagnostics.UnreachableException($"ReportBreakdown {By}"),
            }),
            new("vis", Drill?.Figure.ToString()),
            new("del", Drill is null ? null : Drill.Part == FigurePart.Denominator ? "naevner" : "taeller"),
            new("noegle", Drill?.Key),
        };
        return QueryHelpers.AddQueryString("", parts.Where(p => p.Value is not null)).TrimStart('?');
    }

    /// <summary>
    /// The report this request asks for, as <paramref name="user"/> may see it: a department head
    /// sees their own department only, whatever the request says. Null (with <paramref name="problem"/>)
    /// when it cannot be run.
    /// </summary>
    public ReportQuery? Resolve(SignedInUser user, DateOnly today, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(user);
        var day = Day ?? today;
        var (from, to) = Period switch
        {
            ReportPeriod.Day => (day, day),
            ReportPeriod.Week => (day.AddDays(-CallFigures.WeekdayIndex(day.DayOfWeek)), day.AddDays(6 - CallFigures.WeekdayIndex(day.DayOfWeek))),
            ReportPeriod.Month => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
            ReportPeriod.Custom => (From ?? day, To ?? From ?? day),
            _ => throw new System.Diagnostics.UnreachableException($"ReportPeriod {Period}"),
        };
        var query = new ReportQuery(from, to) { AreaId = AreaId, DepartmentId = DepartmentId, PersonId = PersonId, Hour = Hour, By = By };
        if (!user.IsAdmin)
        {
            if (user.DepartmentId is null || !user.Roles.Contains(Omstilling.Storage.Users.UserRole.DepartmentHead))
            {
                problem = "Din bruger er ikke leder af en afdeling, så der er ingen rapporter til dig.";
                return null;
            }

            query = query with { AreaId = null, DepartmentId = user.DepartmentId, By = By == ReportBreakdown.Area || By == ReportBreakdown.Department ? ReportBreakdown.None : By };
        }

        problem = query.Problem switch
        {
            null => null,
            _ when to < from => "Til-datoen ligger før fra-datoen.",
            _ => $"Vælg en periode på højst {ReportQuery.MaximumDays} dage.",
        };
        return problem is null ? query : null;
    }
}
