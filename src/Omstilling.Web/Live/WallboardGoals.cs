using Omstilling.Calls.Events;
using Omstilling.History.Reports;
using Omstilling.Policy;
using Omstilling.Runtime;

namespace Omstilling.Web.Live;

/// <summary>
/// Today's three goals so far (local day in the policy's time zone), computed from the call history
/// for every open wallboard at once through one <see cref="HistoryFeed{T}"/>: one query every
/// <see cref="HistoryFeed{T}.RefreshEvery"/> and shortly after a call ends, never one per wallboard.
/// While no wallboard is open nothing is computed. Thread-safe.
/// </summary>
public sealed class WallboardGoals : IAsyncDisposable
{
    private readonly HistoryFeed<KpiReport> _feed;

    /// <param name="reports">The history's reports; null when the host keeps no history: there are then no goals to show.</param>
    /// <param name="faults">Where a failed computation or a failing wallboard is contained (boundary <c>web.wallboard</c>): the next refresh tries again.</param>
    public WallboardGoals(HistoryReports? reports, PolicyProvider? policy, ICallEvents events, TimeProvider time, FaultMonitor faults)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(faults);
        Func<CancellationToken, Task<KpiReport>>? compute = reports is not null && policy is not null
            ? cancellationToken =>
            {
                var current = policy.Current;
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), current.TimeZone).DateTime);
                return reports.KpisAsync(today, today, null, current, cancellationToken);
            }
            : null;
        _feed = new HistoryFeed<KpiReport>(compute, events, time, faults.Boundary("web.wallboard"), "today's goals");
    }

    /// <summary>Whether there are goals to show at all (a history and a policy).</summary>
    public bool Available => _feed.Available;

    /// <summary>The latest figures, or null before the first are computed.</summary>
    public KpiReport? Current => _feed.Current;

    /// <summary>Raised on the thread pool with each new computation; handlers must be quick (a wallboard queues a render).</summary>
    public event Action<KpiReport>? Changed
    {
        add => _feed.Changed += value;
        remove => _feed.Changed -= value;
    }

    public void Start() => _feed.Start();

    public void Signal() => _feed.Signal();

    public ValueTask DisposeAsync() => _feed.DisposeAsync();
}
