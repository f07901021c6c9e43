using System.Threading.Channels;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Directory.Live;
using Omstilling.Policy;
using Omstilling.Runtime;

namespace Omstilling.Web.Live;

/// <summary>
/// Follows everything the consoles show (call events, the queue, phone states, absences) and
/// publishes a fresh <see cref="BoardSnapshot"/> shortly after each change: changes that come
/// together (a call's several events) are taken together, a few milliseconds apart at most, so
/// consoles render once per burst and calls never wait for a console. Thread-safe.
/// </summary>
public sealed class SwitchboardBoard : IAsyncDisposable
{
    /// <summary>How long a burst of changes is gathered before one snapshot goes out (well inside the 200 ms promise).</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(15);

    private readonly ISwitchboardControl _calls;
    private readonly IQueueMembers _queues;
    private readonly ICallEvents _events;
    private readonly PolicyProvider? _policy;
    private readonly AbsenceBook _absences;
    private readonly TimeProvider _time;
    private readonly FaultBoundary _faults;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _listeners = new();
    private Task _loop = Task.CompletedTask;
    private long _version;
    private BoardSnapshot _current = BoardSnapshot.Empty;
    private Action<BoardSnapshot>? _changed;
    private int _stale;
    private IDisposable? _subscription;

    /// <param name="faults">Where a failed snapshot or a failing listener is contained (boundary <c>web.board</c>): the next change tries again, the other consoles still get theirs.</param>
    public SwitchboardBoard(ISwitchboardControl calls, IQueueMembers queues, ICallEvents events, PolicyProvider? policy, AbsenceBook absences, TimeProvider time, FaultMonitor faults)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(absences);
        ArgumentNullException.ThrowIfNull(faults);
        _calls = calls;
        _queues = queues;
        _events = events;
        _policy = policy;
        _absences = absences;
        _time = time;
        _faults = faults.Boundary("web.board");
    }

    /// <summary>The latest snapshot (made now if changes came while no console was open).</summary>
    public BoardSnapshot Current
    {
        get
        {
            if (Volatile.Read(ref _stale) == 1 && Interlocked.Exchange(ref _stale, 0) == 1)
            {
                _current = Build();
            }

            return _current;
        }
    }

    /// <summary>
    /// Raised on the thread pool with each new snapshot; handlers must be quick (a console queues a
    /// render). While nobody listens, changes only mark the snapshot stale: a server without open
    /// consoles (a night of IVR calls) builds none.
    /// </summary>
    public event Action<BoardSnapshot>? Changed
    {
        add
        {
            lock (_listeners)
            {
                _changed += value;
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

    /// <summary>The switchboard's operators: the policy's, and the members of its queue.</summary>
    public IReadOnlyList<string> OperatorExtensions => _policy?.Current is { } policy ? policy.Operators : [];

    /// <summary>Forwarding changes refresh the consoles too (a card shows them); none in tests without it.</summary>
    public ForwardingBook? Forwardings { get; init; }

    /// <summary>The switchboard's queue, or null when the policy gives it none.</summary>
    public string? QueueId => _policy?.Current.Switchboard.QueueId;

    public void Start()
    {
        _subscription = _events.Subscribe("the switchboard board", _ => Signal());
        _queues.Changed += Signal;
        _absences.Changed += _ => Signal();
        if (Forwardings is { } forwardings)
        {
            forwardings.Changed += _ => Signal();
        }

        _current = Build();
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    /// <summary>Something changed: a snapshot follows within <see cref="Coalesce"/>.</summary>
    public void Signal() => _signal.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
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
            await Task.Delay(Coalesce, _stop.Token);
            _signal.Reader.TryRead(out _);
            try
            {
                var listeners = Volatile.Read(ref _changed);
                if (listeners is null)
                {
                    Volatile.Write(ref _stale, 1);
                    continue;
                }

                var snapshot = Build();
                _current = snapshot;
                Volatile.Write(ref _stale, 0);
                Deliver(listeners, snapshot);
            }
#pragma warning disable CA1031 // The board must keep going: a failed snapshot is contained and the next change tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, null, "a snapshot (the next change builds another)");
            }
        }
    }

    /// <summary>To each console on its own: one that throws must not keep the snapshot from the others.</summary>
    private void Deliver(Action<BoardSnapshot> listeners, BoardSnapshot snapshot)
    {
        foreach (var listener in listeners.GetInvocationList())
        {
            try
            {
                ((Action<BoardSnapshot>)listener)(snapshot);
            }
#pragma warning disable CA1031 // The boundary between the board and each console.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, listener.Target, $"snapshot {snapshot.Version} for one console");
            }
        }
    }

    private BoardSnapshot Build()
    {
        var now = _time.GetUtcNow();
        var queue = QueueId;
        return new BoardSnapshot(
            Interlocked.Increment(ref _version),
            _calls.Snapshots(),
            queue is null ? [] : _queues.Entries(queue),
            [.. OperatorExtensions.Select(_queues.StateOf)],
            [.. _absences.AllNotices.Where(n => n.IsActive(now))]);
    }
}
