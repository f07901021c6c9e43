using System.Globalization;

namespace Omstilling.Simulator.Script;

/// <summary>
/// Makes a day's script from a profile and a seed: the same seed gives the same calls. Arrivals are
/// a Poisson process whose rate changes by the hour (exponential gaps); every decision a citizen
/// or an operator will take is drawn here, so the run only plays it.
/// </summary>
public static class ScriptWriter
{
    public static DayScript Write(SimulationProfile profile, DateOnly day, int seed, string mainNumber)
    {
        ArgumentNullException.ThrowIfNull(profile);
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

                calls.Add(Citizen(profile, random, TimeSpan.FromSeconds(Math.Floor(at.TotalSeconds)), CitizenNumber(random, usedNumbers), mainNumber));
            }
        }

        // Some call again later the same day (a new call with behaviour of its own).
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
