namespace Omstilling.Policy.Model;

/// <summary>The policy's own goals, which reports measure against (percentages 0-100; docs/kpis.md).</summary>
public sealed record PolicyTargets(int AnswerWithinRings, double CorrectTransfersPercent, double SatisfiedCallersPercent)
{
    /// <summary>The share of calls the policy wants answered within <see cref="AnswerWithinRings"/>; null when it names none.</summary>
    public double? AnsweredWithinRingsPercent { get; init; }

    /// <summary>A caller who calls the main number again within this time after a transfer was not transferred correctly.</summary>
    public TimeSpan CalledAgainWithin { get; init; } = TimeSpan.FromMinutes(30);
}
