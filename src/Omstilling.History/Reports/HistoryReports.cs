using Microsoft.EntityFrameworkCore;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Storage;
using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>Reads the call history for reports: the calls of a period of local days, and their KPIs. Thread-safe.</summary>
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

        var start = StartOf(from, policy.TimeZone);
        var end = StartOf(to.AddDays(1), policy.TimeZone);
        var againUntil = end + policy.Targets.CalledAgainWithin;
        await using var db = database.CreateContext();
        var records = await db.CallRecords.AsNoTracking()
            .Where(r => r.ArrivedAt >= start && r.ArrivedAt < end && (departmentId == null || r.DepartmentId == departmentId))
            .ToListAsync(cancellationToken);
        var main = DanishNumber.TryParse(policy.MainNumber, out var mainNumber) ? mainNumber.National : policy.MainNumber;
        var later = (await db.CallRecords.AsNoTracking()
                .Where(r => r.External && r.ArrivedAt >= start && r.ArrivedAt < againUntil)
                .Select(r => new CallRecord { CallId = r.CallId, Caller = r.Caller, Dialled = r.Dialled, ArrivedAt = r.ArrivedAt, EndReason = r.EndReason })
                .ToListAsync(cancellationToken))
            .Where(r => (DanishNumber.TryParse(r.Dialled, out var dialled) ? dialled.National : r.Dialled) == main)
            .ToList();
        return Kpis.Compute(from, to, departmentId, records, later, policy.Targets, policy.RingLimit.Cadence * policy.Targets.AnswerWithinRings);
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
}
