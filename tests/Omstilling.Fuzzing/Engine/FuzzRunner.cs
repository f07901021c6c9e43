namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// Runs one target for a budget of executions or time and reports executions, crashes (each
/// minimized and saved), hangs and peak memory. The target runs on a worker thread; this thread is
/// the watchdog: it samples the managed heap and, when one execution runs past the hang limit,
/// records its input and abandons the worker (a hanging input cannot be interrupted in .NET; the
/// abandoned background thread ends with the process). A stack overflow cannot be caught and ends
/// the process. Runs of different targets must not overlap (the peak memory is the process's).
/// </summary>
public sealed class FuzzRunner(TimeProvider time)
{
    /// <summary>How often the watchdog looks; hangs are seen at most this much after the limit.</summary>
    private static readonly TimeSpan WatchdogInterval = TimeSpan.FromMilliseconds(50);

    public FuzzResult Run(IFuzzTarget target, FuzzOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxExecutions is null && options.Duration is null)
        {
            throw new ArgumentException("Give an execution budget, a duration or both.", nameof(options));
        }

        MemoryProbe.ResetPeak();
        var worker = new FuzzWorker(target, options, time);
        var thread = new Thread(worker.Run) { IsBackground = true, Name = $"fuzz {target.Name}" };
        var start = time.GetTimestamp();
        long peakHeap = 0;
        thread.Start();
        while (!worker.Done.Wait(WatchdogInterval))
        {
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            var limit = worker.Warm ? options.HangLimit : options.FirstExecutionLimit;
            if (worker.Running() is { } running && running > limit && worker.TryAbandon(running))
            {
                break;
            }
        }

        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        if (worker.Fatal is { } fatal)
        {
            throw new InvalidOperationException($"The fuzzer failed while running {target.Name} (a bug in a mutator or sweep, not a finding).", fatal);
        }

        return worker.Result(time.GetElapsedTime(start), peakHeap, MemoryProbe.PeakResidentBytes());
    }
}
