using System.Globalization;
using Omstilling.Fuzzing.Mutation;

namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// The loop of one run, on its own thread: the seeds, then the systematic sweeps (every other
/// execution while they last) and random mutations of the corpus, until the budget is spent. Inputs
/// with an outcome not seen before join the corpus. The watchdog (<see cref="FuzzRunner"/>) reads the
/// running execution's start and input; everything else belongs to this thread until <see cref="Done"/>
/// is set, or is read under <see cref="_gate"/> after the worker was abandoned in a hang.
/// </summary>
internal sealed class FuzzWorker
{
    private const long Idle = long.MinValue;

    private readonly IFuzzTarget _target;
    private readonly FuzzOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<byte[]> _corpus = [];
    private readonly HashSet<string> _outcomes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);
    private readonly List<FuzzFinding> _findings = [];
    private long _runStart;
    private long _executionStart = Idle;
    private byte[] _current = [];
    private int _state = (int)FuzzRunState.Running;
    private long _executions;
    private long _systematic;
    private long _crashing;
    private TimeSpan _slowest;
    private byte[] _slowestInput = [];
    private long _mostAllocated;
    private byte[] _mostAllocatingInput = [];
    private long _corpusBytes;

    public FuzzWorker(IFuzzTarget target, FuzzOptions options, TimeProvider time)
    {
        _target = target;
        _options = options;
        _time = time;
    }

    /// <summary>Set when the loop ends on its own (budget spent, or the fuzzer itself failed).</summary>
    public ManualResetEventSlim Done { get; } = new();

    /// <summary>An exception from the fuzzer's own code (a mutator, a sweep), not from the code under test.</summary>
    public Exception? Fatal { get; private set; }

    public FuzzRunState State => (FuzzRunState)Volatile.Read(ref _state);

    /// <summary>How long the execution in progress has run, or null between executions.</summary>
    /// <summary>Whether an execution has completed (the code under test is compiled).</summary>
    public bool Warm => Interlocked.Read(ref _executions) > 0;

    public TimeSpan? Running()
    {
        var start = Volatile.Read(ref _executionStart);
        return start == Idle ? null : _time.GetElapsedTime(start);
    }

    public void Run()
    {
        try
        {
            _runStart = _time.GetTimestamp();
            _corpus.AddRange(_target.Seeds);
            var context = new MutationContext(new Random(_options.Seed), _corpus);
            foreach (var seed in _target.Seeds.ToArray())
            {
                if (!Continue())
                {
                    return;
                }

                Step(seed, isSeed: true);
            }

            using var sweep = _target.Systematic().GetEnumerator();
            var sweeping = true;
            while (Continue())
            {
                if (sweeping && _executions % 2 == 0)
                {
                    sweeping = sweep.MoveNext();
                    if (sweeping)
                    {
                        _systematic++;
                        Step(sweep.Current, isSeed: false);
                        continue;
                    }
                }

                Step(_target.Mutate(context.Pick(_corpus), context), isSeed: false);
            }
        }
#pragma warning disable CA1031 // The fuzzer's own failure is handed to the caller's thread, whatever it is.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fatal = e;
        }
        finally
        {
            Interlocked.CompareExchange(ref _state, (int)FuzzRunState.Finished, (int)FuzzRunState.Running);
            Done.Set();
        }
    }

    /// <summary>Called by the watchdog: gives up on the execution in progress and records its input as a hang.</summary>
    public bool TryAbandon(TimeSpan runningFor)
    {
        if (Interlocked.CompareExchange(ref _state, (int)FuzzRunState.Abandoned, (int)FuzzRunState.Running) != (int)FuzzRunState.Running)
        {
            return false;
        }

        var input = Volatile.Read(ref _current);
        var signature = $"one execution ran for more than {_options.HangLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
        var description = string.Create(CultureInfo.InvariantCulture, $"still running after {runningFor.TotalSeconds:F1} s; the run stopped there");
        var saved = FindingStore.Save(_options.FindingsDirectory, _target.Name, FindingKind.Hang, signature, input, description);
        lock (_gate)
        {
            _findings.Add(new FuzzFinding(FindingKind.Hang, signature, input, input, description, saved));
        }

        return true;
    }

    public FuzzResult Result(TimeSpan elapsed, long peakHeap, long peakResident)
    {
        lock (_gate)
        {
            return new FuzzResult(
                _target.Name, _options.Seed, _executions, elapsed, _crashing, [.. _findings], _systematic, _corpus.Count,
                _outcomes.Count, _slowest, _slowestInput, _mostAllocated, _mostAllocatingInput, peakHeap, peakResident);
        }
    }

    private bool Continue() =>
        State == FuzzRunState.Running &&
        (_options.MaxExecutions is not { } max || _executions < max) &&
        (_options.Duration is not { } duration || _time.GetElapsedTime(_runStart) < duration);

    /// <summary>Runs one input; a seed's outcome is noted, and other inputs with a new outcome join the corpus (seeds are in it).</summary>
    private void Step(byte[] input, bool isSeed)
    {
        var (outcome, failure, allocated) = Execute(input);
        Interlocked.Increment(ref _executions);
        if (State != FuzzRunState.Running)
        {
            return;
        }

        if (failure is not null)
        {
            _crashing++;
            Record(FindingKind.Crash, Signature.Of(failure), input, failure.ToString(), candidate => Execute(candidate).Failure is { } again && Signature.Of(again) == Signature.Of(failure));
            return;
        }

        if (allocated > _options.MaxAllocationPerInput)
        {
            _crashing++;
            var signature = $"one execution allocated more than {_options.MaxAllocationPerInput / (1024 * 1024)} MiB";
            Record(FindingKind.Memory, signature, input, $"{allocated / (1024 * 1024)} MiB allocated by one execution", candidate => Execute(candidate).Allocated > _options.MaxAllocationPerInput);
            return;
        }

        // Once the corpus is full, outcomes are no longer tracked: the set would only grow.
        if (_corpus.Count < _target.Seeds.Count + _options.MaxCorpus && _corpusBytes + input.Length <= _options.MaxCorpusBytes &&
            _outcomes.Add(outcome!) && !isSeed)
        {
            _corpus.Add(input);
            _corpusBytes += input.Length;
        }
    }

    private (string? Outcome, Exception? Failure, long Allocated) Execute(byte[] input)
    {
        Volatile.Write(ref _current, input);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var start = _time.GetTimestamp();
        Volatile.Write(ref _executionStart, start);
        string? outcome = null;
        Exception? failure = null;
        try
        {
            outcome = _target.Execute(input);
        }
#pragma warning disable CA1031 // Any exception from the code under test is what the fuzzer looks for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }

        var elapsed = _time.GetElapsedTime(start);
        Volatile.Write(ref _executionStart, Idle);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (elapsed > _slowest)
        {
            (_slowest, _slowestInput) = (elapsed, input);
        }

        if (allocated > _mostAllocated)
        {
            (_mostAllocated, _mostAllocatingInput) = (allocated, input);
        }

        return (outcome, failure, allocated);
    }

    private void Record(FindingKind kind, string signature, byte[] input, string description, Func<byte[], bool> failsTheSameWay)
    {
        lock (_gate)
        {
            if (_findings.Count >= _options.MaxDistinctCrashes || !_signatures.Add(signature))
            {
                return;
            }
        }

        var minimized = Minimize(input, failsTheSameWay);
        var saved = FindingStore.Save(_options.FindingsDirectory, _target.Name, kind, signature, minimized, description);
        lock (_gate)
        {
            _findings.Add(new FuzzFinding(kind, signature, minimized, input, description, saved));
        }
    }

    /// <summary>Removes halves, quarters, ... down to single bytes while the input still fails the same way.</summary>
    private byte[] Minimize(byte[] input, Func<byte[], bool> failsTheSameWay)
    {
        var best = input;
        var budget = _options.MinimizeExecutions;
        for (var chunk = Math.Max(1, best.Length / 2); budget > 0 && State == FuzzRunState.Running; chunk /= 2)
        {
            for (var at = 0; at + chunk <= best.Length && budget > 0 && State == FuzzRunState.Running;)
            {
                budget--;
                var candidate = Edit.Replace(best, at, chunk, []);
                if (failsTheSameWay(candidate))
                {
                    best = candidate;
                }
                else
                {
                    at += chunk;
                }
            }

            if (chunk == 1)
            {
                break;
            }
        }

        return best;
    }
}
