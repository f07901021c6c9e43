using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Omstilling.Calls.Control;
using Omstilling.Directory;
using Omstilling.History.CallLists;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// "Mine opkald": the signed-in user's own calls, by the extension of their login and nothing else:
/// the calls that rang their phone and that they did not take, and the calls put through to them,
/// which they may mark "fejlstillet" (checked against the history again before the mark is made).
/// </summary>
public sealed partial class MyCallsPage
{
    private readonly HashSet<Guid> _markedNow = [];
    private bool _interactive;
    private SignedInUser? _user;
    private PersonCallList? _calls;
    private string? _problem;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    private StaffDirectory Directory => Platform.Directory.Current;

    protected override async Task OnInitializedAsync()
    {
        _user = Auth is null ? null : SignedInUser.From((await Auth).User);
        if (_user?.Extension is { } extension && Platform.PersonCalls is { } personCalls)
        {
            _calls = await personCalls.ForExtensionAsync(extension, CancellationToken.None);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>Marked by anyone in the history, or by this user just now (the history writes it a moment later).</summary>
    private bool IsMarked(PutThroughCall call) => call.MisroutedBy is not null || _markedNow.Contains(call.CallId);

    private async Task MarkAsync(Guid callId)
    {
        _problem = null;
        if (_user?.Extension is not { } extension || Platform.PersonCalls is not { } personCalls || Platform.Marks is not { } marks)
        {
            return;
        }

        // Only a call put through to this user's own extension: the page's list is not taken on trust.
        if (!await personCalls.WasPutThroughToAsync(extension, callId, CancellationToken.None))
        {
            _problem = "Opkaldet blev ikke stillet om til dig, så du kan ikke markere det.";
            return;
        }

        _problem = marks.MarkMisrouted(callId, extension, byOperator: false) switch
        {
            CallControlResult.Done => null,
            CallControlResult.NoSuchCall or CallControlResult.NotYourCall or CallControlResult.NotNow or CallControlResult.TargetUnavailable
                or CallControlResult.UnknownTarget or CallControlResult.TakenByOther or CallControlResult.NotAllowed => "Opkaldet kunne ikke markeres. Prøv igen.",
            _ => throw new System.Diagnostics.UnreachableException("CallControlResult"),
        };
        if (_problem is null)
        {
            _markedNow.Add(callId);
        }
    }
}
