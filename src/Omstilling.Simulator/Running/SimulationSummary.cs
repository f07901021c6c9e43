namespace Omstilling.Simulator.Running;

/// <summary>What a run's citizens experienced, counted.</summary>
public sealed record SimulationSummary(IReadOnlyList<CitizenResult> Results)
{
    public int Calls => Results.Count;

    public int Count(CitizenOutcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>The calls to staff's direct numbers.</summary>
    public int DirectCalls => Results.Count(r => r.Call.Direct is not null);

    /// <summary>The direct calls the member of staff answered themselves.</summary>
    public int AnsweredDirect => Results.Count(r => r.AnsweredDirectBy is not null);

    /// <summary>The survey keys pressed, in the order of the calls.</summary>
    public IReadOnlyList<int> SurveyAnswers => [.. Results.Where(r => r.SurveyAnswer is not null).Select(r => r.SurveyAnswer!.Value)];

    public override string ToString() =>
        $"{Calls} call(s): {Count(CitizenOutcome.Helped)} helped, {Count(CitizenOutcome.GaveUp)} gave up, " +
        $"{Count(CitizenOutcome.EndedByServer)} ended by the server, {Count(CitizenOutcome.Refused)} refused, {Count(CitizenOutcome.Failed)} failed; " +
        $"{DirectCalls} to direct numbers, {AnsweredDirect} answered there; {SurveyAnswers.Count} survey answer(s)";
}
