using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Omstilling.Web.Auth;
using Omstilling.Web.Console;
using Omstilling.Web.Live;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// The operator console's page: renders the <see cref="ConsoleViewModel"/> and hands it what
/// comes from outside, each onto this circuit: board snapshots, changes to the operator's sent
/// messages, a clock tick each second and the keys console.js sends. One per browser tab.
/// </summary>
public sealed partial class ConsolePage : IAsyncDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationToken _closingToken;
    private ConsoleViewModel? _vm;
    private Timer? _clock;
    private IJSObjectReference? _module;
    private IJSObjectReference? _shortcuts;
    private DotNetObjectReference<ConsolePage>? _self;
    private bool _interactive;

    /// <summary>The token is kept apart from its source, which the page disposes: work queued before the end still reads it.</summary>
    public ConsolePage() => _closingToken = _closing.Token;

    [Inject]
    private SwitchboardBoard Board { get; set; } = null!;

    [Inject]
    private ConsoleServices Services { get; set; } = null!;

    [Inject]
    private WebPlatform Platform { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    /// <summary>The console, once the user is known (the markup renders nothing before).</summary>
    private ConsoleViewModel Vm => _vm ?? throw new InvalidOperationException("The console is not made yet.");

    /// <summary>Ends with the page: work for a closed tab stops.</summary>
    private CancellationToken Closing => _closingToken;

    private string? UserName => _vm?.User.UserName;

    protected override async Task OnInitializedAsync()
    {
        var user = (Auth is null ? null : SignedInUser.From((await Auth).User))
            ?? throw new InvalidOperationException("The console needs a signed-in user.");
        _vm = new ConsoleViewModel(Services, user);
        // Listening first: a change between the first look and the subscription is not missed.
        Board.Changed += OnBoardChanged;
        Services.Messages.Changed += OnMessagesChanged;
        await Vm.ApplyAsync(Board.Current, Closing);
        await Vm.Message.LoadSentAsync(Closing);
        _clock = new Timer(OnClock, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", Closing, "./_content/Omstilling.Web/console.js");
            _shortcuts = await _module.InvokeAsync<IJSObjectReference>("register", Closing, _self);
            await _module.InvokeVoidAsync("focus", Closing, "#search");
            _interactive = true;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        Board.Changed -= OnBoardChanged;
        Services.Messages.Changed -= OnMessagesChanged;
        if (_clock is not null)
        {
            await _clock.DisposeAsync();
        }

        try
        {
            if (_shortcuts is not null)
            {
                await _shortcuts.InvokeVoidAsync("dispose");
                await _shortcuts.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone: nothing to clean up in it.
        }

        _self?.Dispose();
        _closing.Dispose();
    }

    /// <summary>A key from console.js; see <see cref="ConsoleViewModel.PressAsync"/>.</summary>
    [JSInvokable]
    public async Task OnShortcut(string key)
    {
        var effect = await Vm.PressAsync(key, Closing);
        switch (effect)
        {
            case KeyEffect.None:
                break;
            case KeyEffect.FocusSearch:
                await InBrowserAsync("focus");
                _interactive = true;
                break;
            case KeyEffect.ClearSearch:
                await InBrowserAsync("clear");
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"Not a key effect: {effect}");
        }

        StateHasChanged();
    }

    /// <summary>On a timer thread, where a throw would end the process: the tick is queued onto the circuit, and whatever fails is contained.</summary>
    private void OnClock(object? state) =>
        Platform.CircuitFaults.Run(() => Platform.CircuitFaults.Observe(InvokeAsync(Tick), UserName, "a clock tick"), UserName, "a clock tick");

    private void Tick()
    {
        Vm.Tick();
        StateHasChanged();
    }

    private void OnBoardChanged(BoardSnapshot snapshot)
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        Platform.CircuitFaults.Observe(InvokeAsync(async () =>
        {
            if (await Vm.ApplyAsync(snapshot, Closing))
            {
                StateHasChanged();
            }
        }), UserName, $"board snapshot {snapshot.Version}");
    }

    private void OnMessagesChanged(string personId)
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        Platform.CircuitFaults.Observe(InvokeAsync(async () =>
        {
            if (await Vm.MessagesChangedAsync(personId, Closing))
            {
                StateHasChanged();
            }
        }), UserName, "the sent messages");
    }

    /// <summary>The search box, which the browser owns while the operator types: focus it, or empty it.</summary>
    private async Task InBrowserAsync(string what)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync(what, Closing, "#search");
        }
    }

    private void OnSearch(ChangeEventArgs e) => Vm.Search.Search(e.Value?.ToString());
}
