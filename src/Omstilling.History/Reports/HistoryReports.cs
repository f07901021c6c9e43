using Microsoft.EntityFrameworkCore;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Storage;
using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>
/// Reads the call history for reports: the calls of a period of local days, their KPIs and the
/// figures beside them, and one call's timeline. Each query is one the database answers from an
/// index (calls by arrival, by area, department or person and arrival; transfer events by kind
/// and time); only the period's calls are read, never a year's. Thread-safe.
/// </summary>
public sealed class HistoryReports(OmstillingDatabase database)
{
    /// <summary>The KPIs of the calls that arrived from <paramref name="from"/> to <paramref name="to"/> (local days, both included).</summary>
    public async Task<KpiReport> KpisAsync(DateOnly from, DateOnly to, string? departmentId, TelephonePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var query = new ReportQuery(from, to) { DepartmentId = departmentId };
        await using var db = database.CreateContext();
        var records = await RecordsAsync(db, query, policy.TimeZone, cancellationToken);
        var later = await LaterCallsToMainNumberAsync(db, query, policy, cancellationToken);
        return Kpis.Compute(from, to, departmentId, records, later, policy.Targets, RingLimit(policy), SatisfiedFrom(policy));
    }

    /// <summary>The whole report of <paramref name="query"/> (docs/kpis.md): goals, figures beside them, breakdown, days, staffing.</summary>
    public async Task<Report> ReportAsync(ReportQuery query, TelephonePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(policy);
        if (query.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(query));
        }

        await using var db = database.CreateContext();
        var records = await RecordsAsync(db, query, policy.TimeZone, cancellationToken);
        var later = await LaterCallsToMainNumberAsync(db, query, policy, cancellationToken);
        var released = await OperatorReleasesAsync(db, query, policy.TimeZone, cancellationToken);
        var context = new ReportContext(policy.Targets, RingLimit(policy), new CallsAgain([]), policy.TimeZone) { SatisfiedFrom = SatisfiedFrom(policy) };
        return ReportBuilder.Build(query, records, later, released, context);
    }

    /// <summary>One call's record and its events in the order they happened; null when there is no such call.</summary>
    public async Task<CallTimeline?> TimelineAsync(Guid callId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var record = await db.CallRecords.AsNoTracking().Include(r => r.Rings).FirstOrDefaultAsync(r => r.CallId == callId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var events = await db.CallEvents.AsNoTracking().Where(e => e.CallId == callId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return new CallTimeline(record, events);
    }

    /// <summary>The time the policy's rings take (4 rings at the Danish cadence = 20 s).</summary>
    public static TimeSpan RingLimit(TelephonePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.RingLimit.Cadence * policy.Targets.AnswerWithinRings;
    }

    /// <summary>The lowest survey answer that counts as satisfied: the policy's <c>survey: satisfied-from</c>, else 4.</summary>
    public static int SatisfiedFrom(TelephonePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Survey?.SatisfiedFrom ?? Kpis.SatisfiedFrom;
    }

    /// <summary>The instant a local day starts (midnight, or the first moment after it on a day DST skips it).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static async Task<List<CallRecord>> RecordsAsync(OmstillingDb db, ReportQuery query, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (start, end) = (StartOf(query.From, zone), StartOf(query.To.AddDays(1), zone));
        var records = db.CallRecords.AsNoTracking().Where(r => r.ArrivedAt >= start && r.ArrivedAt < end);
        if (query.AreaId is { } area)
        {
            records = records.Where(r => r.AreaId == area);
        }

        if (query.DepartmentId is { } department)
        {
            records = records.Where(r => r.DepartmentId == department);
        }

        if (query.PersonId is { } person)
        {
            records = records.Where(r => r.PersonId == person);
        }

        return await records.ToListAsync(cancellationToken);
    }

    /// <summary>The calls from outside to the main number in the period and the called-again window after it: only the columns the match needs.</summary>
    private static async Task<List<CallRecord>> LaterCallsToMainNumberAsync(OmstillingDb db, ReportQuery query, TelephonePolicy policy, CancellationToken cancellationToken)
    {
        var (start, end) = (StartOf(query.From, policy.TimeZone), StartOf(query.To.AddDays(1), policy.TimeZone));
        var againUntil = end + policy.Targets.CalledAgainWithin;
        var main = National(policy.MainNumber);
        return [.. (await db.CallRecords.AsNoTracking()
                .Where(r => r.External && r.ArrivedAt >= start && r.ArrivedAt < againUntil)
                .Select(r => new CallRecord { CallId = r.CallId, Caller = r.Caller, Dialled = r.Dialled, ArrivedAt = r.ArrivedAt, EndReason = r.EndReason })
                .ToListAsync(cancellationToken))
            .Where(r => National(r.Dialled) == main)];
    }

    /// <summary>
    /// When the operator let go of each call transferred in the period: a blind transfer's start
    /// (the operator is free at once), else the transfer's completion. Read from the transfer events
    /// alone, each kind by its own index (<see cref="CallEventQueries"/>), never from all of a period's events.
    /// </summary>
    private static async Task<Dictionary<Guid, DateTimeOffset>> OperatorReleasesAsync(OmstillingDb db, ReportQuery query, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var start = StartOf(query.From, zone);
        var end = StartOf(query.To.AddDays(2), zone); // a call that arrived on the last day may be transferred after midnight
        var blind = nameof(TransferKind.Blind);
        var blindStarts = await CallEventQueries.TransfersStarted(db, start, end).AsNoTracking()
            .Where(e => e.Transfer == blind)
            .Select(e => new { e.CallId, e.At })
            .ToListAsync(cancellationToken);
        var completions = await CallEventQueries.TransfersCompleted(db, start).AsNoTracking()
            .Where(e => e.At < end)
            .Select(e => new { e.CallId, e.At })
            .ToListAsync(cancellationToken);
        var released = new Dictionary<Guid, DateTimeOffset>();
        foreach (var e in blindStarts.Concat(completions).OrderBy(e => e.At))
        {
            released.TryAdd(e.CallId, e.At);
        }

        return released;
    }

    private static string National(string number) => DanishNumber.TryParse(number, out var parsed) ? parsed.National : number;
}
