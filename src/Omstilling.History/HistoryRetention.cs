using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omstilling.Policy.Model;
using Omstilling.Runtime;
using Omstilling.Storage;

namespace Omstilling.History;

/// <summary>
/// Keeps the call history no longer than the policy says (<c>retention:</c>): callers' numbers in
/// events and records older than <see cref="PolicyRetention.CallerNumbersDays"/> become
/// <see cref="Anonymised"/>, and calls older than <see cref="PolicyRetention.RecordsDays"/> are
/// deleted with their events and rings. Applied at start and then once a day, with the policy in
/// force then; a run that fails is contained at <c>history.retention</c> and tried again the next day.
/// </summary>
public sealed partial class HistoryRetention : IDisposable
{
    /// <summary>What an anonymised caller's number reads.</summary>
    public const string Anonymised = "anonym";

    /// <summary>How often retention is applied.</summary>
    public static readonly TimeSpan Interval = DailyJob.Interval;

    private readonly OmstillingDatabase _database;
    private readonly ILogger _logger;
    private readonly DailyJob _daily;

    public HistoryRetention(OmstillingDatabase database, Func<PolicyRetention> retention, TimeProvider time, FaultMonitor faults, ILogger<HistoryRetention> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _logger = logger;
        _daily = new DailyJob(time, faults.Boundary("history.retention"), () => ApplyAsync(retention(), time.GetUtcNow(), CancellationToken.None), "a day's retention of the call history");
    }

    /// <summary>Applies retention now and then every <see cref="Interval"/>.</summary>
    public void Start() => _daily.Start();

    /// <summary>Anonymises and deletes what the retention says is due at <paramref name="now"/>.</summary>
    public async Task<RetentionResult> ApplyAsync(PolicyRetention retention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var numbersBefore = now - TimeSpan.FromDays(retention.CallerNumbersDays);
        var recordsBefore = now - TimeSpan.FromDays(retention.RecordsDays);
        await using var db = _database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expired = db.CallRecords.Where(r => r.ArrivedAt < recordsBefore).Select(r => r.CallId);
        await db.CallRings.Where(r => expired.Contains(r.CallId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.CallEvents.Where(e => e.At < recordsBefore).ExecuteDeleteAsync(cancellationToken);
        var deletedRecords = await db.CallRecords.Where(r => r.ArrivedAt < recordsBefore).ExecuteDeleteAsync(cancellationToken);
        var anonymised = await db.CallEvents.Where(e => e.At < numbersBefore && e.Caller != Anonymised)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Caller, Anonymised), cancellationToken);
        var anonymisedRecords = await db.CallRecords.Where(r => r.ArrivedAt < numbersBefore && r.Caller != Anonymised)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Caller, Anonymised), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var result = new RetentionResult(deletedRecords, deleted, anonymisedRecords, anonymised);
        LogApplied(result.DeletedRecords, result.DeletedEvents, result.AnonymisedRecords, result.AnonymisedEvents, retention.CallerNumbersDays, retention.RecordsDays);
        return result;
    }

    /// <summary>The latest run the timer started (completed when none did); tests await it instead of polling.</summary>
    internal Task LastRun => _daily.LastRun;

    public void Dispose() => _daily.Dispose();

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Call history retention: deleted {Records} call(s) ({Events} events), anonymised the caller of {AnonymisedRecords} call(s) ({AnonymisedEvents} events); numbers kept {NumberDays} days, records {RecordDays} days")]
    private partial void LogApplied(int records, int events, int anonymisedRecords, int anonymisedEvents, int numberDays, int recordDays);
}

/// <summary>What one application of retention changed.</summary>
public sealed record RetentionResult(int DeletedRecords, int DeletedEvents, int AnonymisedRecords, int AnonymisedEvents);
