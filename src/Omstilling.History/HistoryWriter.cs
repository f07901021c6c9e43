using Microsoft.EntityFrameworkCore;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Events;
using Omstilling.Directory;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Bulk;
using Omstilling.Storage.Entities;

namespace Omstilling.History;

/// <summary>
/// Writes every call event to the call history, and a call's record when it ends. A consumer of
/// the event dispatcher: <see cref="Post"/> only appends to a bounded channel (a full one drops,
/// counts and logs the event, never waits), so the history can neither slow nor stop a call. One
/// loop writes what has come in batches, one transaction per batch, without EF's change tracking
/// (<see cref="BulkInserter"/>, kept for the writer's life: a prepared INSERT on SQLite, a binary
/// COPY on PostgreSQL) and without waiting for the disk (<see cref="WriteBehindTransaction"/>);
/// who an event concerned (person, department, area) is resolved then, from the directory in
/// force. A batch the database refuses is contained at <c>history.write</c>, counted as lost, and
/// the next batch goes on.
/// Thread-safe; start it once with <see cref="Start"/>.
/// </summary>
public sealed partial class HistoryWriter : IAsyncDisposable
{
    /// <summary>Events held for the writer: about a minute of a very busy switchboard.</summary>
    public const int Capacity = 100_000;

    /// <summary>Events written in one transaction at most.</summary>
    public const int BatchSize = 2_000;

    /// <summary>
    /// How long the writer lets events gather before writing less than a whole batch. Each
    /// transaction costs far more than a row (a commit, statements prepared), so writing every
    /// event as it came cost a busy switchboard more than the rows did; a quarter of a second
    /// behind is nothing to the history's readers. <see cref="FlushedAsync"/> does not wait for it.
    /// </summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(250);

    private readonly Channel<Item> _channel;
    private readonly Dictionary<Guid, List<CallEvent>> _open = [];
    private readonly OmstillingDatabase _database;
    private readonly Func<StaffDirectory> _directory;
    private readonly FaultBoundary _faults;
    private readonly ILogger _logger;
    private readonly LogRateLimit _dropLog;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _flushRequests = new(0);
    private readonly BulkInserter _inserter = new();
    private Task _loop = Task.CompletedTask;
    private volatile bool _stopping;
    private int _waiting;
    private long _written;
    private long _records;
    private long _dropped;
    private long _lost;

    /// <param name="capacity">Events held before new ones are dropped (<see cref="Capacity"/>; smaller in tests).</param>
    /// <param name="meters">Where the writer's counts are observed (<see cref="HistoryMetrics"/>); none without one.</param>
    public HistoryWriter(OmstillingDatabase database, Func<StaffDirectory> directory, FaultMonitor faults, TimeProvider time, ILogger<HistoryWriter> logger, int capacity = Capacity, IMeterFactory? meters = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refused when full, never waited for
        });
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _directory = directory;
        _time = time;
        _faults = faults.Boundary("history.write");
        _logger = logger;
        _dropLog = new LogRateLimit(time, perWindow: 5, TimeSpan.FromSeconds(10));
        if (meters is not null)
        {
            HistoryMetrics.Observe(meters, () => Status);
        }
    }

    /// <summary>How far the history is: events and records written, dropped (a full buffer), lost (a refused batch), and waiting.</summary>
    public HistoryWriterStatus Status => new(
        Interlocked.Read(ref _written),
        Interlocked.Read(ref _records),
        Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _lost),
        _channel.Reader.Count);

    /// <summary>Takes an event (from the dispatcher's loop); never waits.</summary>
    public void Post(CallEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_channel.Writer.TryWrite(new Item(e, null)))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            if (_dropLog.TryTake(out var suppressed))
            {
                LogDropped(dropped, suppressed);
            }
        }
    }

    /// <summary>Starts writing; events posted before are written first.</summary>
    public void Start()
    {
        if (_loop.IsCompleted)
        {
            _loop = Task.Run(LoopAsync, CancellationToken.None);
        }
    }

    /// <summary>Completes when every event posted before the call is written (or lost); tests and shutdown wait on this.</summary>
    public async Task FlushedAsync(CancellationToken cancellationToken = default)
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _waiting);
        try
        {
            _flushRequests.Release(); // a lingering writer writes at once (and makes room in a full buffer)
            await _channel.Writer.WriteAsync(new Item(null, marker), cancellationToken);
            await marker.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Writes what is left, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _channel.Writer.TryComplete();
        _flushRequests.Release(); // what is left is written at once
        await _loop;
        _flushRequests.Dispose();
    }

    private async Task LoopAsync()
    {
        var batch = new List<CallEvent>(BatchSize);
        var markers = new List<TaskCompletionSource>();
        while (await _channel.Reader.WaitToReadAsync())
        {
            await LingerAsync();
            while (batch.Count < BatchSize && _channel.Reader.TryRead(out var item))
            {
                if (item.Event is { } e)
                {
                    batch.Add(e);
                }
                else
                {
                    markers.Add(item.Marker!);
                    break; // what came before the marker is written before it is released
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch);
                batch.Clear();
            }

            foreach (var marker in markers)
            {
                marker.TrySetResult();
            }

            markers.Clear();
        }
    }

    /// <summary>
    /// Lets events gather for <see cref="Linger"/> unless a whole batch is there already, or
    /// someone waits for a flush or stops the writer.
    /// </summary>
    private async Task LingerAsync()
    {
        if (_channel.Reader.Count >= BatchSize || Volatile.Read(ref _waiting) > 0 || _stopping)
        {
            return;
        }

        using var stop = new CancellationTokenSource();
        await Task.WhenAny(Task.Delay(Linger, _time, stop.Token), _flushRequests.WaitAsync(stop.Token));
        await stop.CancelAsync();
    }

    private async Task WriteAsync(List<CallEvent> batch)
    {
        try
        {
            var directory = _directory();
            var resolve = PartyInfo.Resolver(directory);
            var rows = new List<CallEventRecord>(batch.Count);
            var records = new List<CallRecord>();
            var marks = new List<CallEvent>();
            foreach (var e in batch)
            {
                if (e.Kind == CallEventKind.MarkedMisrouted && !_open.ContainsKey(e.CallId))
                {
                    marks.Add(e); // a call marked after it ended: its record is written already
                    continue;
                }

                if (!_open.TryGetValue(e.CallId, out var events))
                {
                    _open[e.CallId] = events = [];
                }

                rows.Add(CallEventRows.From(e, events.Count, resolve(CallEventRows.Subject(e))));
                events.Add(e);
                if (e.Kind == CallEventKind.Ended)
                {
                    _open.Remove(e.CallId);
                    records.Add(CallRecordBuilder.Build(events, resolve));
                }
            }

            await using var db = _database.CreateContext();
            await using var transaction = await WriteBehindTransaction.BeginAsync(db);
            await _inserter.InsertAsync(db, rows);
            await _inserter.InsertAsync(db, records);
            await _inserter.InsertAsync(db, records.SelectMany(r => r.Rings).ToList());
            var marked = await MarkEndedCallsAsync(db, marks, directory);
            await transaction.CommitAsync();
            Interlocked.Add(ref _written, rows.Count + marked);
            Interlocked.Add(ref _lost, marks.Count - marked);
            Interlocked.Add(ref _records, records.Count);
        }
#pragma warning disable CA1031 // A refused batch (a full disk, a lost connection) must not stop the history; it is contained at history.write.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Interlocked.Add(ref _lost, batch.Count);
            _faults.Contain(e, null, $"{batch.Count} call event(s) not written to the history");
        }
    }

    /// <summary>
    /// Marks of calls that had ended: each is added to its call's events (after the last) and its
    /// record says who marked it first. A mark of a call the history does not hold is not written.
    /// Returns the marks written.
    /// </summary>
    private static async Task<int> MarkEndedCallsAsync(OmstillingDb db, List<CallEvent> marks, StaffDirectory directory)
    {
        var written = 0;
        foreach (var mark in marks)
        {
            var record = await db.CallRecords.FirstOrDefaultAsync(r => r.CallId == mark.CallId);
            if (record is null)
            {
                continue;
            }

            var next = await db.CallEvents.Where(r => r.CallId == mark.CallId).MaxAsync(r => (int?)r.Sequence) ?? -1;
            var e = mark with { Caller = record.Caller, Dialled = record.Dialled };
            db.CallEvents.Add(CallEventRows.From(e, next + 1, PartyInfo.Of(directory, CallEventRows.Subject(e))));
            record.MisroutedBy ??= mark.Operator ?? mark.Party ?? "?";
            await db.SaveChangesAsync();
            written++;
        }

        return written;
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "The call history is behind: an event was dropped ({Dropped} in all; {Suppressed} more since the last line)")]
    private partial void LogDropped(long dropped, long suppressed);

    private readonly record struct Item(CallEvent? Event, TaskCompletionSource? Marker);
}

/// <summary>The history writer's counts since start.</summary>
/// <param name="Written">Events written.</param>
/// <param name="Records">Call records written (calls that ended).</param>
/// <param name="Dropped">Events not taken because the writer was a whole buffer behind.</param>
/// <param name="Lost">Events in batches the database refused.</param>
/// <param name="Backlog">Events waiting to be written.</param>
public sealed record HistoryWriterStatus(long Written, long Records, long Dropped, long Lost, int Backlog);
