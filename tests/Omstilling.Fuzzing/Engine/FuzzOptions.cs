namespace Omstilling.Fuzzing.Engine;

/// <summary>How long and how a target is fuzzed. Give an execution budget for a run that repeats exactly, a duration for a long one.</summary>
public sealed record FuzzOptions
{
    /// <summary>Seeds the random source; the same seed and execution budget give the same inputs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Stop after this many executions (seeds, sweeps and mutations); null for no limit.</summary>
    public long? MaxExecutions { get; init; }

    /// <summary>Stop after this long; null for no limit. One of the two limits must be given.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>One execution taking longer than this is a hang (the run stops there: the input cannot be taken back).</summary>
    public TimeSpan HangLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The limit for the first execution, which also compiles the code under test (JIT, type
    /// loading): a full policy file's first parse on a loaded two-core machine has taken over a second.
    /// </summary>
    public TimeSpan FirstExecutionLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One execution allocating more than this is a finding: a few bytes must not make the code build megabytes.</summary>
    public long MaxAllocationPerInput { get; init; } = 256L * 1024 * 1024;

    /// <summary>Inputs kept for showing a new outcome, on top of the seeds.</summary>
    public int MaxCorpus { get; init; } = 4096;

    /// <summary>Bytes those inputs may take together, so that the fuzzer's own memory stays small beside the code's.</summary>
    public long MaxCorpusBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Executions spent shrinking each new crash to a smaller input that still fails the same way.</summary>
    public int MinimizeExecutions { get; init; } = 4000;

    /// <summary>Distinct crashes kept (by signature); more are counted, not kept.</summary>
    public int MaxDistinctCrashes { get; init; } = 16;

    /// <summary>Where crashing and hanging inputs are written (one folder per target); null to keep them in memory only.</summary>
    public string? FindingsDirectory { get; init; }
}
