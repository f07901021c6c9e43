using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Omstilling.Directory.Model;
using Omstilling.History.Reports;
using Omstilling.Web.Auth;
using Omstilling.Web.Cards;
using Omstilling.Web.Reports;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// <c>/rapporter</c>: the policy's goals against their targets for a period, filtered and broken
/// down, with trend charts, the figures beside the goals, staffing and the drill-down to the calls
/// behind a figure. Rendered on the server without a live connection: the form is a GET, so every
/// view has an address (the CSV's address is the same with /csv). All figures come from
/// <see cref="ReportPages"/>.
/// </summary>
public sealed partial class ReportsPage
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly (string Value, string Text)[] PeriodChoices = [("dag", "Dag"), ("uge", "Uge"), ("maaned", "Måned"), ("valgfri", "Valgfri (fra–til)")];

    private SignedInUser? _user;
    private ReportView? _view;

    [Inject]
    private ReportPages Pages { get; set; } = default!;

    [Inject]
    private DirectoryHolder Directory { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    private string PeriodValue => (_view?.Request.Period ?? ReportPeriod.Month) switch
    {
        ReportPeriod.Day => "dag",
        ReportPeriod.Week => "uge",
        ReportPeriod.Month => "maaned",
        ReportPeriod.Custom => "valgfri",
        var other => throw new System.Diagnostics.UnreachableException($"ReportPeriod {other}"),
    };

    private string BreakdownValue => _view?.Request.By switch
    {
        null or ReportBreakdown.None => "ingen",
        ReportBreakdown.Area => "omraade",
        ReportBreakdown.Department => "afdeling",
        ReportBreakdown.Person => "person",
        ReportBreakdown.Hour => "time",
        _ => throw new System.Diagnostics.UnreachableException($"ReportBreakdown {_view.Request.By}"),
    };

    protected override async Task OnInitializedAsync()
    {
        _user = Auth is null ? null : SignedInUser.From((await Auth).User);
        if (_user is not null)
        {
            _view = await Pages.ViewAsync(new Uri(Navigation.Uri).Query, _user, CancellationToken.None);
        }
    }

    private IEnumerable<(string Value, string Text)> BreakdownChoices() => _user?.IsAdmin == true
        ? [("ingen", "Ingen opdeling"), ("omraade", "Direktørområde"), ("afdeling", "Afdeling"), ("person", "Person"), ("time", "Time på dagen")]
        : [("ingen", "Ingen opdeling"), ("person", "Person"), ("time", "Time på dagen")];

    /// <summary>The people a user may pick: an administrator anyone, a department head their department's.</summary>
    private IEnumerable<Person> People() => Directory.Current.People.Values
        .Where(p => _user?.IsAdmin == true || (_user?.DepartmentId is { } department && p.DepartmentId == department))
        .OrderBy(p => p.Name, StringComparer.Create(Danish, ignoreCase: true));

    private string Period(ReportQuery query)
    {
        var text = query.From == query.To ? query.From.ToString("dddd d. MMMM yyyy", Danish) : $"{query.From.ToString("d. MMMM yyyy", Danish)} – {query.To.ToString("d. MMMM yyyy", Danish)}";
        var current = Directory.Current;
        var filters = new List<string>();
        if (query.AreaId is { } area)
        {
            filters.Add("direktørområde " + ReportSheetBuilder.KeyName(current, ReportBreakdown.Area, area));
        }

        if (query.DepartmentId is { } department)
        {
            filters.Add("afdeling " + ReportSheetBuilder.KeyName(current, ReportBreakdown.Department, department));
        }

        if (query.PersonId is { } person)
        {
            filters.Add(ReportSheetBuilder.KeyName(current, ReportBreakdown.Person, person));
        }

        if (query.Hour is { } hour)
        {
            filters.Add("kl. " + ReportSheetBuilder.HourText(hour));
        }

        return filters.Count == 0 ? text : $"{text}, {string.Join(", ", filters)}";
    }

    private static IReadOnlyList<(DateOnly Day, double? Value)> Days(Report report, Func<KpiReport, double?> value) =>
        [.. report.Days.Select(d => (d.From, value(d)))];

    private static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
