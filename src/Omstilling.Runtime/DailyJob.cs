namespace Omstilling.Runtime;

/// <summary>
/// Work done at start and then once a day on the injected clock (retention of the call history,
/// of voicemails): a run is never overlapped by the next, and one that fails is contained at its
/// boundary and tried again the next day. Thread-safe.
/// </summary>
public sealed class DailyJob(TimeProvider time, FaultBoundary faults, Func<Task> run, string what) : IDisposable
{
    /// <summary>How often the job runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    private ITimer? _timer;
    private int _running;
    private Task _lastRun = Task.CompletedTask;

    /// <summary>Runs the job now and then every <see cref="Interval"/>.</summary>
    public void Start() =>
        _timer ??= time.CreateTimer(static s => ((DailyJob)s!).OnTimer(), this, TimeSpan.Zero, Interval);

    /// <summary>The latest run the timer started (completed when none did); tests await it instead of polling.</summary>
    public Task LastRun => Volatile.Read(ref _lastRun);

    public void Dispose() => _timer?.Dispose();

    private void OnTimer()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return; // a slow run is never overlapped by the next day's
        }

        var started = Task.Run(async () =>
        {
            try
            {
                await run();
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        });
        Volatile.Write(ref _lastRun, started);
        faults.Observe(started, null, what + " (tried again tomorrow)");
    }
}
