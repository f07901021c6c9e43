namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// One piece of code that reads untrusted bytes, with its seeds, how to mutate them and the oracle
/// that says whether an execution went right. Implementations are stateless between executions
/// (anything they cache is immutable), so a run depends only on the runner's seed.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name used on the command line and in test names, e.g. <c>sip-message</c>.</summary>
    string Name { get; }

    /// <summary>One sentence: what counts as a correct execution (printed by <c>--list</c>).</summary>
    string Oracle { get; }

    /// <summary>Valid (or interestingly invalid) inputs to start from, in a fixed order.</summary>
    IReadOnlyList<byte[]> Seeds { get; }

    /// <summary>
    /// Deterministic variations of the seeds tried before random ones: every truncation, every byte
    /// 0x00-0xFF at the places the grammar cares about. Lazy; the runner takes what its budget allows.
    /// </summary>
    IEnumerable<byte[]> Systematic();

    /// <summary>A new input derived from <paramref name="parent"/> (never changes it).</summary>
    byte[] Mutate(byte[] parent, MutationContext context);

    /// <summary>
    /// Runs the code under test on one input and checks the oracle. Returns a short outcome key (a
    /// rejection reason, "accepted", ...); inputs with a new key join the corpus. A broken oracle
    /// throws <see cref="OracleViolationException"/>; any other exception that escapes is a crash.
    /// </summary>
    string Execute(byte[] input);
}
