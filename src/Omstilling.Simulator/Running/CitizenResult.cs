using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Running;

/// <summary>What became of one scripted call.</summary>
/// <param name="Operator">The operator who answered, when one did.</param>
/// <param name="SurveyAnswer">The survey key the citizen pressed (they were invited and opted in), or null.</param>
public sealed record CitizenResult(CitizenCall Call, CitizenOutcome Outcome, string? Operator, int? SurveyAnswer)
{
    /// <summary>The member of staff who answered the direct number the citizen dialled, when they did (no operator was needed).</summary>
    public string? AnsweredDirectBy { get; init; }
}
