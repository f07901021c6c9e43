using System.Threading.Channels;
using Omstilling.Calls.Events;
using Omstilling.History.Reports;
using Omstilling.Policy;
using Omstilling.Runtime;

namespace Omstilling.Web.Live;

/// <summary>
/// Today's three goals so far (local day in the policy's time zone), computed from the call history
/// for every open wallboard at once: one query every <see cref="RefreshEvery"/> and shortly after a
/// call ends, never one per wallboard. While no wallboard is open nothing is computed; the first
/// to open asks for a fresh figure. Thread-safe.
/// </summary>
public sealed class WallboardGoals : IAsyncDisposable
{
    /// <summary>How often the figures are computed again while a wallboard is open.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after a call's end (or any other reason) the figures are computed: the history
    /// writer writes the call's record in its next batch, within this, and ends that come
    /// together are taken together.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly HistoryReports? _reports;
    private readonly PolicyProvider? _policy;
    private readonly ICallEvents _events;
    private readonly TimeProvider _time;
    private readonly FaultBoundary _faults;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _listeners = new();
    private Action<KpiReport>? _changed;
    private KpiReport? _current;
    private int _stale = 1;
    private Task _loop = Task.CompletedTask;
    private ITimer? _timer;
    private IDisposable? _subscription;

    /// <param name="reports">The history's reports; null when the host keeps no history: there are then no goals to show.</param>
    /// <param name="faults">Where a failed computation or a failing wallboard is contained (boundary <c>web.wallboard</c>): the next refresh tries again.</param>
    public WallboardGoals(HistoryReports? reports, PolicyProvider? policy, ICallEvents events, TimeProvider time, FaultMonitor faults)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(faults);
        _reports = reports;
        _policy = policy;
        _events = events;
        _time = time;
        _faults = faults.Boundary("web.wallboard");
    }

    /// <summary>Whether there are goals to show at all (a history and a policy).</summary>
    public bool Available => _reports is not null && _policy is not null;

    /// <summary>The latest figures, or null before the first are computed.</summary>
    public KpiReport? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Raised on the thread pool with each new computation; handlers must be quick (a wallboard
    /// queues a render). The first listener after a quiet spell asks for fresh figures.
    /// </summary>
    public event Action<KpiReport>? Changed
    {
        add
        {
            lock (_listeners)
            {
                _changed += value;
            }

            if (Volatile.Read(ref _stale) == 1)
            {
                Signal();
            }
        }

        remove
        {
            lock (_listeners)
            {
                _changed -= value;
            }
        }
    }

    public void Start()
    {
        if (!Available)
        {
            return;
        }

        _subscription = _events.Subscribe("the wallboard's goals", e =>
        {
            if (e.Kind == CallEventKind.Ended)
            {
                Signal();
            }
        });
        _timer = _time.CreateTimer(_ => Signal(), null, RefreshEvery, RefreshEvery);
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    /// <summary>Asks for fresh figures: they follow within <see cref="Settle"/> and the query's time.</summary>
    public void Signal() => _signal.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        await _stop.CancelAsync();
        _signal.Writer.TryComplete();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (await _signal.Reader.WaitToReadAsync(_stop.Token))
        {
            await Task.Delay(Settle, _time, _stop.Token);
            _signal.Reader.TryRead(out _);
            var listeners = Volatile.Read(ref _changed);
            if (listeners is null)
            {
                Volatile.Write(ref _stale, 1);
                continue;
            }

            try
            {
                var report = await ComputeAsync(_stop.Token);
                Volatile.Write(ref _current, report);
                Volatile.Write(ref _stale, 0);
                Deliver(Volatile.Read(ref _changed), report);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The goals must keep going: a failed query (a busy database) is contained and the next refresh tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, null, "today's goals (the next refresh tries again)");
            }
        }
    }

    private async Task<KpiReport> ComputeAsync(CancellationToken cancellationToken)
    {
        var policy = (_policy ?? throw new InvalidOperationException("No policy: the wallboard has no goals.")).Current;
        var reports = _reports ?? throw new InvalidOperationException("No history: the wallboard has no goals.");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), policy.TimeZone).DateTime);
        return await reports.KpisAsync(today, today, null, policy, cancellationToken);
    }

    /// <summary>To each wallboard on its own: one that throws must not keep the figures from the others.</summary>
    private void Deliver(Action<KpiReport>? listeners, KpiReport report)
    {
        foreach (var listener in listeners?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<KpiReport>)listener)(report);
            }
#pragma warning disable CA1031 // The boundary between the goals and each wallboard.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, listener.Target, "today's goals for one wallboard");
            }
        }
    }
}
