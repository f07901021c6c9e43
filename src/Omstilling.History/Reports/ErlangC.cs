namespace Omstilling.History.Reports;

/// <summary>
/// The Erlang C queueing model (M/M/N: calls arrive at random, handling times are exponential,
/// callers wait until an operator is free and never give up). Pure and thread-safe.
/// </summary>
/// <remarks>
/// With traffic <c>A = λ·h</c> erlangs (arrivals per second times the mean handling time in
/// seconds) and <c>N</c> operators, the chance that a call has to wait is
/// <c>C(N, A) = (Aᴺ/N! · N/(N−A)) / (Σₖ₌₀ᴺ⁻¹ Aᵏ/k! + Aᴺ/N! · N/(N−A))</c>, and the share answered
/// within <c>t</c> is <c>1 − C(N, A) · e^(−(N−A)·t/h)</c>. The terms <c>Aᵏ/k!</c> are built one from
/// the last (<c>Aᵏ/k! = Aᵏ⁻¹/(k−1)! · A/k</c>), so no factorial is ever formed.
/// </remarks>
public static class ErlangC
{
    /// <summary>More operators than any one hour of a municipality could need; the search stops there.</summary>
    public const int MaximumOperators = 1000;

    /// <summary>The chance that a call waits for an operator; 1 when the operators cannot keep up (N ≤ A).</summary>
    public static double ProbabilityOfWaiting(int operators, double trafficErlangs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operators);
        ArgumentOutOfRangeException.ThrowIfNegative(trafficErlangs);
        if (trafficErlangs == 0)
        {
            return 0;
        }

        if (operators <= trafficErlangs)
        {
            return 1;
        }

        var term = 1.0; // A⁰/0!
        var sum = 0.0;
        for (var k = 0; k < operators; k++)
        {
            sum += term;
            term *= trafficErlangs / (k + 1);
        }

        var waiting = term * operators / (operators - trafficErlangs); // Aᴺ/N! · N/(N−A)
        return waiting / (sum + waiting);
    }

    /// <summary>The share of calls answered within <paramref name="limit"/> of arriving.</summary>
    public static double ServiceLevel(int operators, double trafficErlangs, TimeSpan handling, TimeSpan limit)
    {
        if (operators <= trafficErlangs && trafficErlangs > 0)
        {
            return 0;
        }

        if (handling <= TimeSpan.Zero)
        {
            return 1;
        }

        return 1 - (ProbabilityOfWaiting(operators, trafficErlangs) * Math.Exp(-(operators - trafficErlangs) * limit.TotalSeconds / handling.TotalSeconds));
    }

    /// <summary>
    /// The fewest operators with whom at least <paramref name="targetShare"/> (0–1) of the calls are
    /// answered within <paramref name="limit"/>; 0 without traffic.
    /// </summary>
    public static int OperatorsNeeded(double arrivalsPerHour, TimeSpan handling, TimeSpan limit, double targetShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arrivalsPerHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetShare, 1);
        var traffic = Traffic(arrivalsPerHour, handling);
        if (traffic == 0)
        {
            return 0;
        }

        for (var operators = Math.Max(1, (int)Math.Floor(traffic) + 1); operators <= MaximumOperators; operators++)
        {
            if (ServiceLevel(operators, traffic, handling, limit) >= targetShare)
            {
                return operators;
            }
        }

        return MaximumOperators;
    }

    /// <summary>The offered traffic in erlangs: arrivals per hour times the mean handling time in hours.</summary>
    public static double Traffic(double arrivalsPerHour, TimeSpan handling) =>
        handling <= TimeSpan.Zero ? 0 : arrivalsPerHour * handling.TotalHours;
}
