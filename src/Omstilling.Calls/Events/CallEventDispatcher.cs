using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;

namespace Omstilling.Calls.Events;

/// <summary>
/// Takes the events calls make and delivers them to the consumers outside the engine, off every
/// lock. A call posts its events while it holds its own lock, in the order it makes them: the post
/// only appends to a bounded channel, it never runs a consumer, so a slow or throwing consumer can
/// neither hold nor break a call, and no consumer can re-enter a call from inside one. One loop
/// reads the channel and hands each event to every consumer in turn (a call's events therefore
/// arrive in order everywhere); a consumer that throws is contained at the boundary
/// <c>calls.events</c>. When the channel is full (consumers far behind) an event is dropped,
/// counted and logged rather than waited for: calls never wait for their observers.
/// Start it once with <see cref="Start"/>; thread-safe.
/// </summary>
public sealed partial class CallEventDispatcher : ICallEvents, IAsyncDisposable
{
    /// <summary>Events held for the consumers (several seconds of a very busy switchboard's events).</summary>
    public const int Capacity = 65_536;

    private readonly Channel<Item> _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refused when full, never waited for
    });

    private readonly FaultBoundary _faults;
    private readonly ILogger _logger;
    private readonly LogRateLimit _dropLog;
    private readonly Lock _consumersGate = new();
    private Consumer[] _consumers = [];
    private Task _loop = Task.CompletedTask;
    private long _dropped;
    private long _delivered;

    public CallEventDispatcher(FaultMonitor faults, TimeProvider time, ILogger<CallEventDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _faults = faults.Boundary("calls.events");
        _logger = logger;
        _dropLog = new LogRateLimit(time, perWindow: 5, TimeSpan.FromSeconds(10));
    }

    /// <summary>Events dropped because the consumers were a whole <see cref="Capacity"/> behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events handed to the consumers so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Starts delivering; events posted before are delivered first.</summary>
    public void Start()
    {
        if (_loop.IsCompleted)
        {
            _loop = Task.Run(LoopAsync, CancellationToken.None);
        }
    }

    public IDisposable Subscribe(string name, Action<CallEvent> consumer)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(consumer);
        var entry = new Consumer(name, consumer);
        lock (_consumersGate)
        {
            Volatile.Write(ref _consumers, [.. _consumers, entry]);
        }

        return new Subscription(this, entry);
    }

    /// <summary>Completes when every event posted before the call has been delivered (tests wait on this, not on delays).</summary>
    public async Task DeliveredAsync(CancellationToken cancellationToken = default)
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(new Item(null, marker), cancellationToken);
        await marker.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
    }

    /// <summary>Appends an event (under the posting call's lock: never blocks, never runs a consumer).</summary>
    internal void Post(CallEvent e)
    {
        if (_channel.Writer.TryWrite(new Item(e, null)))
        {
            return;
        }

        Interlocked.Increment(ref _dropped);
        if (_dropLog.TryTake(out var heldBack))
        {
            LogDropped(e.Kind, e.CallId, Dropped, heldBack);
        }
    }

    private async Task LoopAsync()
    {
        await foreach (var item in _channel.Reader.ReadAllAsync())
        {
            if (item.Event is { } e)
            {
                foreach (var consumer in Volatile.Read(ref _consumers))
                {
                    try
                    {
                        consumer.Deliver(e);
                    }
#pragma warning disable CA1031 // The boundary between the engine and its consumers.
                    catch (Exception failure)
#pragma warning restore CA1031
                    {
                        _faults.Contain(failure, e.CallId, $"the {e.Kind} event for {consumer.Name}");
                    }
                }

                Interlocked.Increment(ref _delivered);
            }

            item.Marker?.TrySetResult();
        }
    }

    private void Unsubscribe(Consumer consumer)
    {
        lock (_consumersGate)
        {
            Volatile.Write(ref _consumers, [.. _consumers.Where(c => !ReferenceEquals(c, consumer))]);
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "The call event consumers are a whole channel behind: {Kind} of call {CallId} was dropped ({Dropped} in all, {HeldBack} more not logged)")]
    private partial void LogDropped(CallEventKind kind, Guid callId, long dropped, long heldBack);

    /// <summary>An event to deliver, or a marker to complete once everything before it has been delivered.</summary>
    private readonly record struct Item(CallEvent? Event, TaskCompletionSource? Marker);

    private sealed record Consumer(string Name, Action<CallEvent> Deliver);

    private sealed class Subscription(CallEventDispatcher dispatcher, Consumer consumer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispatcher.Unsubscribe(consumer);
            }
        }
    }
}
