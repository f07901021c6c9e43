using Omstilling.Calls.Events;
using Omstilling.History.CallLists;
using Omstilling.Policy;
using Omstilling.Runtime;

namespace Omstilling.Web.Live;

/// <summary>
/// The switchboard's day so far (its calls and the callers nobody has answered) for every open
/// console at once through one <see cref="HistoryFeed{T}"/>: one query every 30 s and shortly
/// after a call ends or is marked, never one per console. Thread-safe.
/// </summary>
public sealed class SwitchboardHistory : IAsyncDisposable
{
    private readonly HistoryFeed<SwitchboardDay> _feed;

    /// <param name="calls">The history's lists; null when the host keeps no history: the console then has no call history.</param>
    /// <param name="faults">Where a failed query or a failing console is contained (boundary <c>web.call-history</c>): the next refresh tries again.</param>
    public SwitchboardHistory(SwitchboardCalls? calls, PolicyProvider? policy, ICallEvents events, TimeProvider time, FaultMonitor faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        Func<CancellationToken, Task<SwitchboardDay>>? compute = calls is not null && policy is not null
            ? cancellationToken => calls.TodayAsync(policy.Current.TimeZone, policy.Current.MainNumber, cancellationToken)
            : null;
        _feed = new HistoryFeed<SwitchboardDay>(compute, events, time, faults.Boundary("web.call-history"), "the switchboard's call history");
    }

    /// <summary>Whether there is a history to show.</summary>
    public bool Available => _feed.Available;

    /// <summary>The latest day, or null before the first is read.</summary>
    public SwitchboardDay? Current => _feed.Current;

    /// <summary>Raised on the thread pool with each new reading; handlers must be quick (a console queues a render).</summary>
    public event Action<SwitchboardDay>? Changed
    {
        add => _feed.Changed += value;
        remove => _feed.Changed -= value;
    }

    public void Start() => _feed.Start();

    /// <summary>Asks for a fresh reading (after an operator's mark, say).</summary>
    public void Signal() => _feed.Signal();

    public ValueTask DisposeAsync() => _feed.DisposeAsync();
}
