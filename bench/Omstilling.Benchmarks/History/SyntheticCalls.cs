using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Storage.Entities;

namespace Omstilling.Benchmarks.History;

/// <summary>
/// Made-up calls for the history benchmarks, the same for a given seed: a switchboard call's
/// events (arrival, decision, queue, offer, ring, answer, end), and whole call records spread
/// over a year for the report benchmark.
/// </summary>
internal static class SyntheticCalls
{
    private static readonly string[] Operators = ["100", "101", "102", "103"];
    private static readonly string?[] Departments = ["borgerservice", "jobcenter", "teknik-og-miljoe", "visitation-aeldre", null];

    /// <summary>The events of <paramref name="calls"/> calls, 8 each, interleaved in pairs as a dispatcher would deliver them.</summary>
    public static List<CallEvent> Events(int calls, DateTimeOffset start)
    {
        var events = new List<CallEvent>(calls * 8);
        for (var i = 0; i < calls; i++)
        {
            var id = Guid.CreateVersion7();
            var at = start.AddMilliseconds(i);
            var caller = (20_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var op = Operators[i % Operators.Length];
            CallEvent E(CallEventKind kind, double second) => new(id, kind, at.AddSeconds(second), caller, "54731000");
            events.Add(E(CallEventKind.Started, 0) with { External = true });
            events.Add(E(CallEventKind.Routed, 0) with { Decision = Omstilling.Policy.Routing.DecisionKind.Queue, Rule = Omstilling.Policy.Routing.RuleKind.WithinHours, Target = "hovedomstilling" });
            events.Add(E(CallEventKind.Queued, 2) with { QueueId = "hovedomstilling", Position = 1 });
            events.Add(E(CallEventKind.Offered, 3) with { Members = [op] });
            events.Add(E(CallEventKind.Ringing, 3.2) with { Party = op });
            events.Add(E(CallEventKind.Answered, 9) with { AnsweredBy = op, Operator = op });
            events.Add(E(CallEventKind.TransferStarted, 40) with { Party = "2010", Operator = op, Transfer = TransferKind.Blind });
            events.Add(E(CallEventKind.Ended, 90) with { EndReason = CallEndReason.CalleeHungUp });
        }

        return events;
    }

    /// <summary>Call records over the year from <paramref name="first"/>, evenly in working hours, with one ring each.</summary>
    public static IEnumerable<CallRecord> Year(int calls, DateOnly first, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(first.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
        var step = TimeSpan.FromDays(365).Ticks / calls;
        for (var i = 0; i < calls; i++)
        {
            var arrived = start.AddTicks(step * i);
            arrived = arrived.Date.AddHours(7 + (arrived.TimeOfDay.TotalHours * 8 / 24)); // 07:00-15:00 UTC
            var rang = arrived.AddSeconds(random.Next(0, 60));
            var answered = random.Next(100) < 85 ? rang.AddSeconds(random.Next(1, 40)) : (DateTimeOffset?)null;
            var op = Operators[i % Operators.Length];
            var department = Departments[i % Departments.Length];
            var transferred = department is not null && random.Next(100) < 60;
            var id = Guid.CreateVersion7(arrived);
            yield return new CallRecord
            {
                CallId = id,
                ArrivedAt = arrived,
                EndedAt = (answered ?? rang).AddMinutes(3),
                Caller = (20_000_000 + random.Next(5_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Dialled = "54731000",
                External = true,
                QueueId = "hovedomstilling",
                QueueWaitMs = (long)(rang - arrived).TotalMilliseconds,
                FirstRingAt = rang,
                AnsweredAt = answered,
                AnsweredBy = answered is null ? null : op,
                Operator = op,
                Transfers = transferred ? 1 : 0,
                TransferTarget = transferred ? "2010" : null,
                TransferOutcome = transferred ? (random.Next(100) < 88 ? "Completed" : "NoAnswer") : null,
                Recalls = transferred && random.Next(100) < 5 ? 1 : 0,
                SurveyAnswer = random.Next(100) < 15 ? random.Next(1, 6) : null,
                Abandoned = answered is null,
                EndReason = answered is null ? "CallerHungUp" : "CalleeHungUp",
                PersonId = transferred ? "anne" : null,
                DepartmentId = department,
                AreaId = department is null ? null : "borger-og-arbejdsmarked",
                Rings = [new CallRingRecord { CallId = id, Party = op, StartedAt = rang, EndedAt = answered ?? rang.AddSeconds(20), Outcome = answered is null ? "NoAnswer" : "Answered" }],
            };
        }
    }
}
