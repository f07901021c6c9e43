namespace Omstilling.Fuzzing.Engine;

/// <summary>What went wrong with an input.</summary>
public enum FindingKind
{
    /// <summary>An exception other than the documented rejection escaped, or the oracle was violated.</summary>
    Crash,
    /// <summary>One execution took longer than <see cref="FuzzOptions.HangLimit"/>.</summary>
    Hang,
    /// <summary>One execution allocated more than <see cref="FuzzOptions.MaxAllocationPerInput"/>.</summary>
    Memory,
}
