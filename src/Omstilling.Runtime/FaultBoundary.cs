using Microsoft.Extensions.Logging;

namespace Omstilling.Runtime;

/// <summary>
/// One place where work that the outside world starts (a datagram, a TCP read, a timer, a media
/// tick, a file change, a browser circuit, a background task) meets our code, and where a failure
/// in that work must stop: it is caught there, counted, and logged with where it came from and
/// what was dropped, at most so many lines per window (a sender who can make it fail can make it
/// fail thousands of times a second), and the boundary goes on serving everyone else. Created by
/// <see cref="FaultMonitor"/>, which lists every boundary with its count for the status API.
/// Thread-safe.
/// </summary>
public sealed partial class FaultBoundary
{
    private readonly ILogger _logger;
    private readonly LogRateLimit _limit;
    private readonly LogBudget _budget;
    private long _count;

    internal FaultBoundary(string name, ILogger logger, TimeProvider time, LogBudget budget)
    {
        Name = name;
        _logger = logger;
        _budget = budget;
        _limit = new LogRateLimit(time, budget.LinesPerWindow, budget.Window);
    }

    /// <summary>The boundary's name, e.g. <c>sip.udp</c>: a layer's prefix and what it receives.</summary>
    public string Name { get; }

    /// <summary>Failures contained here since start.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>
    /// Records a failure caught at this boundary. <paramref name="source"/> is who sent what failed
    /// (a peer's address, a file, a user), <paramref name="dropped"/> what was given up ("a datagram
    /// of 812 bytes", "the reload"). Never throws.
    /// </summary>
    public void Contain(Exception exception, object? source, string dropped)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Interlocked.Increment(ref _count);
        if (!_limit.TryTake(out var suppressed))
        {
            return;
        }

        if (suppressed > 0)
        {
            LogSuppressed(Name, suppressed, _budget.LinesPerWindow, _budget.Window);
        }

        LogContained(exception, Name, source?.ToString() ?? "-", dropped);
    }

    /// <summary>
    /// Runs <paramref name="work"/> and contains what it throws: for callbacks whose caller cannot
    /// survive an exception (timer callbacks end the process, a receive thread ends with it).
    /// Returns whether the work completed.
    /// </summary>
    public bool Run(Action work, object? source, string dropped)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            work();
            return true;
        }
#pragma warning disable CA1031 // This is the boundary: whatever the work throws stops here.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Contain(e, source, dropped);
            return false;
        }
    }

    /// <summary>
    /// Watches a task nobody awaits (fire and forget): when it fails, the failure is contained
    /// here instead of going unobserved. Cancellation is not a failure.
    /// </summary>
    public void Observe(Task task, object? source, string dropped)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.IsCompletedSuccessfully)
        {
            return;
        }

        task.ContinueWith(
            static (t, state) =>
            {
                var (boundary, source, dropped) = ((FaultBoundary, object?, string))state!;
                boundary.Contain(t.Exception!.InnerExceptions.Count == 1 ? t.Exception.InnerException! : t.Exception, source, dropped);
            },
            (this, source, dropped),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public override string ToString() => Name;

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "Contained a failure at {Boundary} (from {Source}); dropped {Dropped} and went on")]
    private partial void LogContained(Exception exception, string boundary, string source, string dropped);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "{Count} more failures at {Boundary} were not logged (at most {PerWindow} are logged in {Window})")]
    private partial void LogSuppressed(string boundary, long count, int perWindow, TimeSpan window);
}
