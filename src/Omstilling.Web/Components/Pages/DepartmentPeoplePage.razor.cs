using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Omstilling.Directory.Model;
using Omstilling.Web.Auth;
using Omstilling.Web.Console;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// "Afdelingens medarbejdere": a department head's people (an administrator's: any department's),
/// each with their phone, absence and forwarding as the switchboard sees them, and the absence
/// coded for one who cannot do it themselves (set by the head's login, so the card says who). The
/// page follows the books and the phones.
/// </summary>
public sealed partial class DepartmentPeoplePage : IDisposable
{
    private bool _interactive;
    private SignedInUser? _user;
    private string? _department;
    private Person? _chosen;
    private ConsoleFeedback _feedback = null!;
    private AbsenceViewModel? _absence;
    private StaffBooksWatch? _watch;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    private IReadOnlyList<Department> Departments => DepartmentScope.Of(_user, Platform.Directory.Current);

    /// <summary>The chosen department's people with an extension, in the telephone book's order.</summary>
    private IEnumerable<Person> People => _department is { } id && _user?.MayPostNoticeFor(id) == true
        ? Platform.Directory.Current.PeopleIn(id).Where(p => p.Extension is not null)
        : [];

    protected override async Task OnInitializedAsync()
    {
        _feedback = new ConsoleFeedback(Platform.Time);
        _user = Auth is null ? null : SignedInUser.From((await Auth).User);
        _department = _user?.DepartmentId is { } own && _user.MayPostNoticeFor(own) ? own : Departments is [var first, ..] ? first.Id : null;
        if (_user is not null)
        {
            _absence = new AbsenceViewModel(Platform.Absences, Platform.Time, Platform.Zone, _user.UserName, _feedback);
        }

        _watch = new StaffBooksWatch(Platform, OnChanged);
        await LoadDepartmentAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    public void Dispose() => _watch?.Dispose();

    private string? AbsenceLine(Person person) => Platform.Absences.Current(person.Id) is { } absence
        ? ConsoleText.AbsenceLine(absence, Platform.Time.GetUtcNow(), Platform.Zone)
        : null;

    private string PhoneLine(Person person) => ConsoleText.Phone(Platform.Presence.StateOf(person.Extension!));

    private string ForwardingLines(Person person) => Platform.Forwardings?.Of(person.Id) is { Length: > 0 } forwardings
        ? string.Join("; ", forwardings.Select(f => ConsoleText.ForwardingLine(f, Platform.Directory.Current)))
        : "–";

    private void Choose(Person person)
    {
        _editing = null;
        _chosen = person;
        _absence?.For(person.Id);
    }

    private void Save()
    {
        if (_chosen is { } person && _user?.MayPostNoticeFor(person.DepartmentId) == true && _absence?.Save(person) == true)
        {
            _chosen = null;
        }
    }

    private void OnChanged(string id) =>
        Platform.CircuitFaults.Observe(InvokeAsync(StateHasChanged), _user?.UserName, "a department's absence or forwarding update");
}
