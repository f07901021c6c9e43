namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// What one run of one target did and found, with the slowest input and the one that made the code
/// allocate most (below the limits, so not findings, but where to look for the next one). Immutable.
/// </summary>
public sealed record FuzzResult(
    string Target,
    int Seed,
    long Executions,
    TimeSpan Elapsed,
    long CrashingExecutions,
    IReadOnlyList<FuzzFinding> Findings,
    long SystematicExecutions,
    int CorpusSize,
    int Outcomes,
    TimeSpan SlowestExecution,
    byte[] SlowestInput,
    long MostAllocatedByOneExecution,
    byte[] MostAllocatingInput,
    long PeakManagedHeapBytes,
    long PeakResidentBytes)
{
    public IEnumerable<FuzzFinding> Crashes => Findings.Where(f => f.Kind is FindingKind.Crash or FindingKind.Memory);

    public IEnumerable<FuzzFinding> Hangs => Findings.Where(f => f.Kind == FindingKind.Hang);

    public double ExecutionsPerSecond => Elapsed > TimeSpan.Zero ? Executions / Elapsed.TotalSeconds : 0;

    public bool Clean => Findings.Count == 0 && CrashingExecutions == 0;
}
