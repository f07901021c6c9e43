using Microsoft.AspNetCore.Components;
using Omstilling.History.Reports;
using Omstilling.Web.Cards;
using Omstilling.Web.Live;
using Omstilling.Web.Wallboard;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// The wallboard for the switchboard room (<c>/tavle</c>): renders a <see cref="WallboardView"/>
/// from the shared board snapshot and the shared goals of the day, each change queued onto this
/// circuit, and once a second so the longest wait ticks. One per screen.
/// </summary>
public sealed partial class WallboardPage : IAsyncDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private BoardSnapshot _board = BoardSnapshot.Empty;
    private KpiReport? _goals;
    private ITimer? _clock;
    private bool _interactive;

    [Inject]
    private SwitchboardBoard Board { get; set; } = null!;

    [Inject]
    private WallboardGoals Goals { get; set; } = null!;

    [Inject]
    private WebPlatform Platform { get; set; } = null!;

    [Inject]
    private DirectoryHolder Directory { get; set; } = null!;

    private WallboardView View => WallboardView.Of(
        _board,
        _goals,
        Goals.Available,
        Platform.Policy?.Current.Targets.AnswerWithinRings ?? 4,
        Platform.Time.GetUtcNow(),
        Platform.Zone,
        extension => Directory.Current.FindByExtension(extension)?.Name ?? extension);

    protected override void OnInitialized()
    {
        // Listening first: a change between the first look and the subscription is not missed.
        Board.Changed += OnBoardChanged;
        Goals.Changed += OnGoalsChanged;
        _board = Board.Current;
        _goals = Goals.Current;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _clock = Platform.Time.CreateTimer(_ => OnClock(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            _interactive = true;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        Board.Changed -= OnBoardChanged;
        Goals.Changed -= OnGoalsChanged;
        if (_clock is not null)
        {
            await _clock.DisposeAsync();
        }

        _closing.Dispose();
    }

    /// <summary>On a timer thread, where a throw would end the process: the tick is queued onto the circuit, and whatever fails is contained.</summary>
    private void OnClock() => Queue(() => { }, "a clock tick");

    private void OnBoardChanged(BoardSnapshot snapshot) => Queue(() => _board = snapshot, $"board snapshot {snapshot.Version}");

    private void OnGoalsChanged(KpiReport goals) => Queue(() => _goals = goals, "today's goals");

    private void Queue(Action apply, string what)
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        Platform.CircuitFaults.Run(() => Platform.CircuitFaults.Observe(InvokeAsync(() =>
        {
            apply();
            StateHasChanged();
        }), "the wallboard", what), "the wallboard", what);
    }
}
