using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Omstilling.Directory.Model;
using Omstilling.Web.Auth;
using Omstilling.Web.Console;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// "Fravær og viderestilling": the signed-in person's own absence coding (what callers hear) and
/// forwarding, and nobody else's: the person is the one their login is linked to (or the owner of
/// its extension). The page follows the books, so a code keyed on the phone shows at once.
/// </summary>
public sealed partial class MyAbsencePage : IDisposable
{
    private bool _interactive;
    private SignedInUser? _user;
    private Person? _person;
    private ConsoleFeedback _feedback = null!;
    private AbsenceViewModel? _absence;
    private ForwardingForm? _forwarding;
    private StaffBooksWatch? _watch;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    /// <summary>The person's absence in words ("Til møde til kl. 14.00"), or null.</summary>
    private string? AbsenceLine => _person is { } person && Platform.Absences.Current(person.Id) is { } absence
        ? ConsoleText.AbsenceLine(absence, Platform.Time.GetUtcNow(), Platform.Zone)
        : null;

    protected override async Task OnInitializedAsync()
    {
        _feedback = new ConsoleFeedback(Platform.Time);
        _user = Auth is null ? null : SignedInUser.From((await Auth).User);
        _person = OwnPerson.Of(_user, Platform.Directory.Current);
        if (_person is null || _user is null)
        {
            _person = null;
            return;
        }

        _absence = new AbsenceViewModel(Platform.Absences, Platform.Time, Platform.Zone, _user.UserName, _feedback);
        _absence.For(_person.Id);
        if (Platform.Forwardings is { } book && Platform.ForwardingRules is { } rules)
        {
            _forwarding = new ForwardingForm(book, rules, Platform.Time, _feedback);
        }

        _watch = new StaffBooksWatch(Platform, OnChanged);
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

    /// <summary>"Altid", "Når du taler i telefon", "Når du ikke svarer".</summary>
    private static string Heading(ForwardingCondition condition) => condition switch
    {
        ForwardingCondition.Always => "Altid",
        ForwardingCondition.Busy => "Når du taler i telefon",
        ForwardingCondition.NoAnswer => "Når du ikke svarer",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a forwarding condition."),
    };

    private Forwarding? Current(ForwardingCondition condition) => _person is { } person ? Platform.Forwardings?.Get(person.Id, condition) : null;

    /// <summary>Only the page's own person's changes redraw it.</summary>
    private void OnChanged(string id)
    {
        if (id == _person?.Id)
        {
            Platform.CircuitFaults.Observe(InvokeAsync(StateHasChanged), _user?.UserName, "an absence or forwarding update");
        }
    }

    private void SaveAbsence()
    {
        if (_person is not null)
        {
            _absence?.Save(_person);
        }
    }

    private void ClearAbsence()
    {
        if (_person is not null)
        {
            _absence?.Clear(_person);
        }
    }

    private void SaveForwarding(ForwardingCondition condition)
    {
        if (_person is not null && _user is not null)
        {
            _forwarding?.Save(_person, condition, _user.UserName);
        }
    }

    private void CancelForwarding(ForwardingCondition condition)
    {
        if (_person is not null)
        {
            _forwarding?.Cancel(_person, condition);
        }
    }
}
