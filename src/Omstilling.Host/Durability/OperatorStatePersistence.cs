using System.Threading.Channels;
using Omstilling.Calls.Queues;
using Omstilling.Runtime;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Operators;

namespace Omstilling.Host.Durability;

/// <summary>
/// Keeps the switchboard operators' log-in and pause state (<see cref="QueueManager.Settings"/>)
/// in the database, so that an operator on a break is still on it after a restart and one who
/// logged out gets no callers. The queue's <see cref="QueueManager.Changed"/> (raised for callers
/// too, often) only wakes the writer; the writer reads the settings and writes them when they
/// differ from what it wrote last, one transaction for the whole set. A write the database refuses
/// is contained at <c>durability.operators</c> and done again at the next change. Thread-safe.
/// </summary>
internal sealed class OperatorStatePersistence : IAsyncDisposable
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly QueueManager _queues;
    private readonly QueueMemberStore _store;
    private readonly TimeProvider _time;
    private readonly FaultBoundary _faults;
    private IReadOnlyList<MemberSetting> _written = [];
    private Task _loop = Task.CompletedTask;

    public OperatorStatePersistence(QueueManager queues, QueueMemberStore store, TimeProvider time, FaultMonitor faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _queues = queues ?? throw new ArgumentNullException(nameof(queues));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _faults = faults.Boundary("durability.operators");
    }

    /// <summary>Restores the kept state (returns how many operators had one), then follows the queue.</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken)
    {
        var kept = await _store.LoadAsync(cancellationToken);
        _queues.Restore(kept.Select(m => new MemberSetting(m.Extension, m.LoggedOut, m.LoggedOut ? null : m.PausedReason)));
        _written = _queues.Settings();
        _queues.Changed += OnChanged;
        _loop = Task.Run(LoopAsync, CancellationToken.None);
        return kept.Count;
    }

    /// <summary>Stops following the queue and writes the state as it is now.</summary>
    public async ValueTask DisposeAsync()
    {
        _queues.Changed -= OnChanged;
        _wake.Writer.TryComplete();
        await _loop;
    }

    private void OnChanged() => _wake.Writer.TryWrite(true);

    private async Task LoopAsync()
    {
        while (await _wake.Reader.WaitToReadAsync())
        {
            _wake.Reader.TryRead(out _);
            await WriteIfChangedAsync();
        }

        await WriteIfChangedAsync();
    }

    private async Task WriteIfChangedAsync()
    {
        var now = _queues.Settings();
        if (now.SequenceEqual(_written))
        {
            return;
        }

        try
        {
            var at = _time.GetUtcNow();
            await _store.ReplaceAsync([.. now.Select(s => new QueueMemberRecord { Extension = s.Extension, LoggedOut = s.LoggedOut, PausedReason = s.PausedReason, SavedAt = at })], CancellationToken.None);
            _written = now;
        }
#pragma warning disable CA1031 // A refused write must not stop the writer; it is contained and done again at the next change.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _faults.Contain(e, null, "the operators' log-in and pause state not written (written at the next change)");
        }
    }
}
