namespace Omstilling.Runtime;

/// <summary>How many lines a boundary may log per window; the rest are counted and reported with the next line let through. Immutable.</summary>
public sealed record LogBudget(int LinesPerWindow, TimeSpan Window)
{
    /// <summary>10 lines per boundary in 10 s: enough to see what failed, too few for a flood to fill a disk.</summary>
    public static LogBudget Default { get; } = new(10, TimeSpan.FromSeconds(10));
}
