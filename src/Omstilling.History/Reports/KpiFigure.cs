namespace Omstilling.History.Reports;

/// <summary>
/// One goal of the policy measured over a period: <see cref="Numerator"/> of <see cref="Denominator"/>
/// calls, as a percentage (<see cref="Value"/>, null when there was nothing to measure), against
/// the policy's <see cref="Target"/> (null when the policy names none).
/// </summary>
public sealed record KpiFigure(double? Target, int Numerator, int Denominator)
{
    public double? Value => Denominator == 0 ? null : Math.Round(100.0 * Numerator / Denominator, 1);

    /// <summary>Whether the goal is met; null when there is no target or nothing was measured.</summary>
    public bool? Met => Target is { } target && Value is { } value ? value >= target : null;
}
