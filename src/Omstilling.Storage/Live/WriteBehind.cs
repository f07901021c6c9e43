using System.Threading.Channels;

namespace Omstilling.Storage.Live;

/// <summary>
/// Writes live state behind its changes, on one background loop: a change posts the id of what
/// changed (a person, a department), and the loop writes that id's current state, so a slow
/// database never holds up a call or the console. A write that fails is reported and the loop goes
/// on (the next change of the id writes it again). <see cref="FlushAsync"/> waits for what is
/// posted. Thread-safe.
/// </summary>
internal sealed class WriteBehind(Func<string, Task> write, Action<Exception, string> failed) : IAsyncDisposable
{
    private readonly Channel<(string? Id, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateUnbounded<(string?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });
    private Task _loop = Task.CompletedTask;

    public void Start() => _loop = Task.Run(LoopAsync, CancellationToken.None);

    public void Post(string id) => _queue.Writer.TryWrite((id, null));

    /// <summary>Completes when every change posted before the call is written.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((null, flushed)) ? flushed.Task : Task.CompletedTask;
    }

    /// <summary>Writes what is posted, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task LoopAsync()
    {
        await foreach (var (id, flushed) in _queue.Reader.ReadAllAsync())
        {
            if (id is not null)
            {
                try
                {
                    await write(id);
                }
#pragma warning disable CA1031 // One failed write must not stop the loop; it is reported and the next change writes the state again.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failed(e, id);
                }
            }

            flushed?.TrySetResult();
        }
    }
}
