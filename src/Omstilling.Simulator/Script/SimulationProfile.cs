namespace Omstilling.Simulator.Script;

/// <summary>
/// How a municipality's day of calls to its switchboard looks: arrivals per hour and how citizens
/// and operators behave. The defaults are an example for a Danish municipality of about 60,000
/// inhabitants (most calls between 8 and 12, a dip at lunch, few after hours); every figure can
/// be changed.
/// </summary>
public sealed record SimulationProfile
{
    /// <summary>Calls expected in each hour of a working day (index 0 is 00:00-01:00; 24 figures).</summary>
    public IReadOnlyList<double> WorkdayArrivals { get; init; } =
        [0, 0, 0, 0, 0, 0, 0, 2, 30, 45, 40, 32, 22, 26, 18, 6, 3, 2, 1, 1, 0, 0, 0, 0];

    /// <summary>Calls expected in each hour of a Saturday, Sunday (24 figures).</summary>
    public IReadOnlyList<double> WeekendArrivals { get; init; } =
        [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];

    /// <summary>The share of citizens who press 1 when the survey's invitation is read.</summary>
    public double SurveyOptIn { get; init; } = 0.6;

    /// <summary>How often each survey key 1-5 is the answer (weights, 5 figures); a citizen who opted in may also give none.</summary>
    public IReadOnlyList<double> SurveyAnswers { get; init; } = [0.03, 0.04, 0.08, 0.30, 0.55];

    /// <summary>The share of those who opted in and then hang up without answering.</summary>
    public double SurveyNoAnswer { get; init; } = 0.05;

    /// <summary>The share of first offers an operator lets ring out (busy with the knowledge base, away from the desk).</summary>
    public double OfferRingsOut { get; init; } = 0.1;

    /// <summary>How long an operator lets an offer ring before answering, shortest and longest.</summary>
    public (TimeSpan Shortest, TimeSpan Longest) AnswerDelay { get; init; } = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(12));

    /// <summary>How long an operator talks with a citizen (simulated time), shortest and longest.</summary>
    public (TimeSpan Shortest, TimeSpan Longest) Talk { get; init; } = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(240));

    /// <summary>The share of citizens who give up quickly (while the first offer rings).</summary>
    public double Impatient { get; init; } = 0.04;

    /// <summary>How long an impatient citizen waits once the greeting has answered, shortest and longest.</summary>
    public (TimeSpan Shortest, TimeSpan Longest) ImpatientWait { get; init; } = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));

    /// <summary>How long any other citizen waits for an operator at most, shortest and longest.</summary>
    public (TimeSpan Shortest, TimeSpan Longest) Patience { get; init; } = (TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(300));

    /// <summary>The share of helped citizens the operator puts through to a colleague.</summary>
    public double Transferred { get; init; } = 0.35;

    /// <summary>The share of transfers that reach the wrong person (who marks the call "fejlstillet").</summary>
    public double WrongPerson { get; init; } = 0.08;

    /// <summary>The colleagues calls are put through to: staff extensions whose phones the simulator registers (the demo's 2001-2012).</summary>
    public IReadOnlyList<string> Staff { get; init; } = [.. Enumerable.Range(2001, 12).Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The share of calls put through that a colleague answers, by the hour of the day (24 figures): fewer outside the core hours.</summary>
    public IReadOnlyList<double> StaffAnswers { get; init; } =
        [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 0.9, 0.9, 0.85, 0.8, 0.6, 0.85, 0.85, 0.7, 0.5, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3];

    /// <summary>How long a colleague lets a call ring before answering, shortest and longest (real time).</summary>
    public (TimeSpan Shortest, TimeSpan Longest) StaffAnswerDelay { get; init; } = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(14));

    /// <summary>How long a colleague talks with the citizen (simulated time), shortest and longest.</summary>
    public (TimeSpan Shortest, TimeSpan Longest) StaffTalk { get; init; } = (TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(8));

    /// <summary>
    /// The share of citizens who dial a member of staff's direct number (from the policy's number
    /// plan) instead of the main number; the staff phone answers with <see cref="StaffAnswers"/>'s
    /// share for the hour, or rings out (and the policy decides: the switchboard, voicemail).
    /// </summary>
    public double DirectCalls { get; init; } = 0.1;

    /// <summary>The share of citizens who call the main number again later the same day (not helped after all).</summary>
    public double CallsAgain { get; init; } = 0.05;

    /// <summary>How long after their call they call again (simulated time), shortest and longest.</summary>
    public (TimeSpan Shortest, TimeSpan Longest) CallsAgainAfter { get; init; } = (TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(25));

    /// <summary>Checks the figures; the message names the first one that is wrong.</summary>
    public void Validate()
    {
        Require(WorkdayArrivals.Count == 24 && WeekendArrivals.Count == 24, "arrivals need one figure per hour (24)");
        Require(WorkdayArrivals.Concat(WeekendArrivals).All(a => a is >= 0 and <= 10_000), "arrivals per hour must be between 0 and 10,000");
        Require(SurveyAnswers.Count == 5 && SurveyAnswers.All(w => w >= 0) && SurveyAnswers.Sum() > 0, "the survey answers need five weights, not all 0");
        Require(StaffAnswers.Count == 24 && StaffAnswers.All(a => a is >= 0 and <= 1), "the staff's answers need one share per hour (24), each between 0 and 1");
        Require(Transferred == 0 || Staff.Count > 0, "transfers need staff to put calls through to");
        foreach (var (share, name) in new[]
        {
            (SurveyOptIn, "survey opt-in"), (SurveyNoAnswer, "survey no-answer"), (OfferRingsOut, "offers rung out"), (Impatient, "impatient citizens"),
            (Transferred, "transferred calls"), (WrongPerson, "wrong persons"), (DirectCalls, "direct calls"), (CallsAgain, "citizens calling again"),
        })
        {
            Require(share is >= 0 and <= 1, $"the share of {name} must be between 0 and 1");
        }

        foreach (var (range, name) in new[]
        {
            (AnswerDelay, "answer delay"), (Talk, "talk time"), (ImpatientWait, "impatient wait"), (Patience, "patience"),
            (StaffAnswerDelay, "staff's answer delay"), (StaffTalk, "staff's talk time"), (CallsAgainAfter, "calling again"),
        })
        {
            Require(range.Shortest >= TimeSpan.Zero && range.Shortest <= range.Longest, $"the {name}'s shortest must be at least 0 and at most its longest");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
