namespace Omstilling.Policy.Model;

/// <summary>The policy's own goals, which reports measure against (percentages 0-100).</summary>
public sealed record PolicyTargets(int AnswerWithinRings, double CorrectTransfersPercent, double SatisfiedCallersPercent);
