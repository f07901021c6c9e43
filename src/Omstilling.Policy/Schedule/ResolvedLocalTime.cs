namespace Omstilling.Policy.Schedule;

/// <summary>
/// A wall-clock time resolved to an instant, saying how: unique, skipped (moved forward) or
/// ambiguous (the earlier occurrence chosen; <see cref="LaterInstant"/> is the other).
/// </summary>
public readonly record struct ResolvedLocalTime(DateTime Requested, DateTimeOffset Instant, LocalTimeKind Kind)
{
    /// <summary>For <see cref="LocalTimeKind.Ambiguous"/>: the second occurrence (standard time).</summary>
    public DateTimeOffset? LaterInstant { get; init; }
}
