using Omstilling.Storage.Entities;

namespace Omstilling.History.Tests;

/// <summary>
/// The worked example of docs/kpis.md: seven calls from outside to the main number on Thursday
/// 3 December 2026 (Copenhagen, UTC+1), written as records. Expected: 7 calls; answered within
/// 4 rings 5 of 6; correctly transferred 1 of 3; satisfied 1 of 2; 1 abandoned.
/// </summary>
internal static class WorkedExample
{
    public const string Main = "54731000";

    /// <summary>09:00 local.</summary>
    public static readonly DateTimeOffset Nine = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<CallRecord> Records() =>
    [
        // A: an operator answers at once (3 s after the first ring).
        Call("A", "20000001", arrived: 0, rang: 2, answered: 5, ended: 60),

        // B: the operator answers after 25 s: longer than 4 rings (20 s).
        Call("B", "20000002", arrived: 100, rang: 101, answered: 126, ended: 200),

        // C: gives up in the queue before any phone rang: abandoned, and no ring to measure.
        Call("C", "20000003", arrived: 300, rang: null, answered: null, ended: 360, abandoned: true),

        // D: answered at once and transferred to 201, who takes it; survey answer 5.
        Transferred(Call("D", "20000004", arrived: 400, rang: 401, answered: 404, ended: 700, survey: 5), "Completed", recalls: 0),

        // E: transferred to 201, who does not answer: it comes back (a recall); survey answer 2.
        Transferred(Call("E", "20000005", arrived: 800, rang: 801, answered: 803, ended: 1000, survey: 2), "NoAnswer", recalls: 1),

        // F: transferred and taken, but the caller calls the main number again 10 minutes after.
        Transferred(Call("F", "20000006", arrived: 1100, rang: 1101, answered: 1104, ended: 1200), "Completed", recalls: 0),

        // G: F's caller again, answered at once.
        Call("G", "20000006", arrived: 1800, rang: 1801, answered: 1803, ended: 1900),
    ];

    private static CallRecord Call(string id, string caller, double arrived, double? rang, double? answered, double ended, bool abandoned = false, int? survey = null) => new()
    {
        CallId = new Guid($"00000000-0000-0000-0000-0000000000{id[0] - 'A' + 10:x2}"),
        Caller = caller,
        Dialled = Main,
        External = true,
        ArrivedAt = Nine.AddSeconds(arrived),
        FirstRingAt = rang is { } r ? Nine.AddSeconds(r) : null,
        AnsweredAt = answered is { } a ? Nine.AddSeconds(a) : null,
        AnsweredBy = answered is null ? null : "100",
        EndedAt = Nine.AddSeconds(ended),
        Abandoned = abandoned,
        QueueId = "omstilling",
        QueueWaitMs = (long)(((answered ?? ended) - arrived) * 1000),
        SurveyAnswer = survey,
        EndReason = abandoned ? "CallerHungUp" : "CalleeHungUp",
        DepartmentId = "switchboard",
    };

    private static CallRecord Transferred(CallRecord record, string outcome, int recalls)
    {
        record.Transfers = 1;
        record.TransferTarget = "201";
        record.TransferOutcome = outcome;
        record.Recalls = recalls;
        record.DepartmentId = "borgerservice";
        return record;
    }
}
