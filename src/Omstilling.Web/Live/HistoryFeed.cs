using System.Threading.Channels;
using Omstilling.Calls.Events;
using Omstilling.Runtime;

namespace Omstilling.Web.Live;

/// <summary>
/// One figure read from the call history for every open page that shows it (the wallboard's goals,
/// the consoles' call history): computed every <see cref="RefreshEvery"/> and <see cref="Settle"/>
/// after a call ends, once for all listeners, never once per page. While nobody listens nothing is
/// computed; the first listener after a quiet spell asks for a fresh value. Thread-safe.
/// </summary>
/// <typeparam name="T">The immutable value handed to every listener.</typeparam>
public sealed class HistoryFeed<T> : IAsyncDisposable
    where T : class
{
    /// <summary>How often the value is computed again while anyone listens.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after a call's end (or any other reason) the value is computed: the history writer
    /// writes the call's record in its next batch, within this, and ends that come together are
    /// taken together.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly Func<CancellationToken, Task<T>>? _compute;
    private readonly ICallEvents _events;
    private readonly TimeProvider _time;
    private readonly FaultBoundary _faults;
    private readonly string _what;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _listeners = new();
    private Action<T>? _changed;
    private T? _current;
    private int _stale = 1;
    private long _computed;
    private Task _loop = Task.CompletedTask;
    private ITimer? _timer;
    private IDisposable? _subscription;

    /// <param name="compute">The query; null when there is nothing to compute (no history): the feed then stays quiet.</param>
    /// <param name="faults">Where a failed computation or a failing listener is contained: the next refresh tries again.</param>
    /// <param name="what">What the value is, for the log and the event subscription ("today's goals").</param>
    public HistoryFeed(Func<CancellationToken, Task<T>>? compute, ICallEvents events, TimeProvider time, FaultBoundary faults, string what)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        _compute = compute;
        _events = events;
        _time = time;
        _faults = faults;
        _what = what;
    }

    /// <summary>Whether there is anything to compute at all.</summary>
    public bool Available => _compute is not null;

    /// <summary>The latest value, or null before the first is computed.</summary>
    public T? Current => Volatile.Read(ref _current);

    /// <summary>How many times the value has been computed (each is one query, whatever the number of listeners).</summary>
    public long Computed => Interlocked.Read(ref _computed);

    /// <summary>
    /// Raised on the thread pool with each new value; handlers must be quick (a page queues a
    /// render). The first listener after a quiet spell asks for a fresh value.
    /// </summary>
    public event Action<T>? Changed
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

        _subscription = _events.Subscribe(_what, e =>
        {
            if (e.Kind is CallEventKind.Ended or CallEventKind.MarkedMisrouted)
            {
                Signal();
            }
        });
        _timer = _time.CreateTimer(_ => Signal(), null, RefreshEvery, RefreshEvery);
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    /// <summary>Asks for a fresh value: it follows within <see cref="Settle"/> and the query's time.</summary>
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
        var compute = _compute ?? throw new InvalidOperationException($"Nothing computes {_what}.");
        while (await _signal.Reader.WaitToReadAsync(_stop.Token))
        {
            await Task.Delay(Settle, _time, _stop.Token);
            _signal.Reader.TryRead(out _);
            if (Volatile.Read(ref _changed) is null)
            {
                Volatile.Write(ref _stale, 1);
                continue;
            }

            try
            {
                var value = await compute(_stop.Token);
                Interlocked.Increment(ref _computed);
                Volatile.Write(ref _current, value);
                Volatile.Write(ref _stale, 0);
                Deliver(Volatile.Read(ref _changed), value);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The feed must keep going: a failed query (a busy database) is contained and the next refresh tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, null, $"{_what} (the next refresh tries again)");
            }
        }
    }

    /// <summary>To each listener on its own: one that throws must not keep the value from the others.</summary>
    private void Deliver(Action<T>? listeners, T value)
    {
        foreach (var listener in listeners?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<T>)listener)(value);
            }
#pragma warning disable CA1031 // The boundary between the feed and each page.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, listener.Target, $"{_what} for one page");
            }
        }
    }
}
