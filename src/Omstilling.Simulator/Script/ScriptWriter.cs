using System.Globalization;

namespace Omstilling.Simulator.Script;

/// <summary>
/// Makes a day's script from a profile and a seed: the same seed gives the same calls. Arrivals are
/// a Poisson process whose rate changes by the hour (exponential gaps); every decision a citizen
/// or an operator will take is drawn here, so the run only plays it.
/// </summary>
public static class ScriptWriter
{
    /// <summary>A day of calls to the main number only.</summary>
    public static DayScript Write(SimulationProfile profile, DateOnly day, int seed, string mainNumber) =>
        Write(profile, day, seed, mainNumber, []);

    /// <summary>
    /// A day of calls to the main number and, for the profile's share of citizens, to the direct
    /// lines. Without direct lines (or with a share of 0) nothing more is drawn: the same seed
    /// gives the same day as <see cref="Write(SimulationProfile, DateOnly, int, string)"/>.
    /// </summary>
    public static DayScript Write(SimulationProfile profile, DateOnly day, int seed, string mainNumber, IReadOnlyList<DirectLine> directLines)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(directLines);
        profile.Validate();
        var random = new Random(seed);
        var arrivals = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? profile.WeekendArrivals : profile.WorkdayArrivals;
        var calls = new List<CitizenCall>();
        var usedNumbers = new HashSet<string>(StringComparer.Ordinal);
        for (var hour = 0; hour < 24; hour++)
        {
            var rate = arrivals[hour];
            if (rate <= 0)
            {
                continue;
            }

            var at = TimeSpan.FromHours(hour);
            var end = TimeSpan.FromHours(hour + 1);
            while (true)
            {
                at += TimeSpan.FromHours(-Math.Log(1 - random.NextDouble()) / rate);
                if (at >= end)
                {
                    break;
                }

                var citizen = Citizen(profile, random, TimeSpan.FromSeconds(Math.Floor(at.TotalSeconds)), CitizenNumber(random, usedNumbers), mainNumber);
                calls.Add(directLines.Count > 0 && profile.DirectCalls > 0 && random.NextDouble() < profile.DirectCalls
                    ? Direct(profile, random, citizen, directLines)
                    : citizen);
            }
        }

        // Some call the main number again later the same day (a new call with behaviour of its own).
        foreach (var call in calls.ToList())
        {
            if (random.NextDouble() < profile.CallsAgain && call.Arrival + Between(random, profile.CallsAgainAfter) is var again && again < TimeSpan.FromDays(1))
            {
                calls.Add(Citizen(profile, random, again, call.Caller, mainNumber));
            }
        }

        var ordered = calls.OrderBy(c => c.Arrival).Select((c, i) => c with { Number = i + 1 }).ToList();
        return new DayScript(day, seed, ordered);
    }

    private static CitizenCall Citizen(SimulationProfile profile, Random random, TimeSpan arrival, string caller, string mainNumber)
    {
        var optsIn = random.NextDouble() < profile.SurveyOptIn;
        int? answer = optsIn && random.NextDouble() >= profile.SurveyNoAnswer ? Weighted(random, profile.SurveyAnswers) + 1 : null;
        var impatient = random.NextDouble() < profile.Impatient;
        var first = impatient || random.NextDouble() < profile.OfferRingsOut
            ? OfferAnswer.NotAnswered
            : OfferAnswer.After(Between(random, profile.AnswerDelay));
        var later = OfferAnswer.After(Between(random, profile.AnswerDelay));
        var givesUp = impatient ? Between(random, profile.ImpatientWait) : Between(random, profile.Patience);
        var talk = Between(random, profile.Talk);
        return new CitizenCall(0, arrival, caller, mainNumber, optsIn, answer, first, later, givesUp, talk, Transfer(profile, random, arrival));
    }

    /// <summary>
    /// The citizen dials a direct line instead: the staff phone answers with the hour's share (as
    /// a transfer's target does) or rings out; their behaviour at the switchboard, should the call
    /// come there, stays as drawn. Not in the survey (it invites the main number's callers).
    /// </summary>
    private static CitizenCall Direct(SimulationProfile profile, Random random, CitizenCall citizen, IReadOnlyList<DirectLine> directLines)
    {
        var line = directLines[random.Next(directLines.Count)];
        var answer = random.NextDouble() < profile.StaffAnswers[citizen.Arrival.Hours]
            ? OfferAnswer.After(Between(random, profile.StaffAnswerDelay))
            : OfferAnswer.NotAnswered;
        var plan = new DirectPlan(line.Extension, answer, Between(random, profile.StaffTalk));
        return citizen with { Dialled = line.Number, OptsIn = false, SurveyAnswer = null, Direct = plan };
    }

    private static TransferPlan? Transfer(SimulationProfile profile, Random random, TimeSpan arrival)
    {
        if (random.NextDouble() >= profile.Transferred)
        {
            return null;
        }

        var target = profile.Staff[random.Next(profile.Staff.Count)];
        var wrong = random.NextDouble() < profile.WrongPerson;
        var answers = random.NextDouble() < profile.StaffAnswers[arrival.Hours];
        var answer = answers ? OfferAnswer.After(Between(random, profile.StaffAnswerDelay)) : OfferAnswer.NotAnswered;
        return new TransferPlan(target, wrong, answer, Between(random, profile.StaffTalk));
    }

    /// <summary>A Danish mobile number in a 40 xx xx xx range no real subscriber uses for this.</summary>
    private static string CitizenNumber(Random random, HashSet<string> used)
    {
        while (true)
        {
            var number = "40" + random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            if (used.Add(number))
            {
                return number;
            }
        }
    }

    private static TimeSpan Between(Random random, (TimeSpan Shortest, TimeSpan Longest) range) =>
        TimeSpan.FromSeconds(Math.Round(range.Shortest.TotalSeconds + (random.NextDouble() * (range.Longest - range.Shortest).TotalSeconds), 1));

    private static int Weighted(Random random, IReadOnlyList<double> weights)
    {
        var pick = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return i;
            }
        }

        return weights.Count - 1; // rounding at the very top
    }
}
