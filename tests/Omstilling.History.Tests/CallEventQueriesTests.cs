using Microsoft.EntityFrameworkCore;
using Omstilling.Calls.Events;
using Omstilling.Storage;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Tests;

namespace Omstilling.History.Tests;

/// <summary>
/// The reads of events by kind use their kind's partial index, not a scan of every event: what
/// keeps the reports and the start fast now that events carry no index by kind and time.
/// </summary>
public sealed class CallEventQueriesTests
{
    private static readonly DateTimeOffset From = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_indexed_kinds_are_the_engines_kinds_of_those_names()
    {
        Assert.Equal(
            [nameof(CallEventKind.Started), nameof(CallEventKind.TransferStarted), nameof(CallEventKind.TransferCompleted)],
            CallEventKinds.Indexed.Select(k => k.Kind));
    }

    [Fact]
    public async Task Each_query_by_kind_is_planned_on_its_partial_index()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = test.Database.CreateContext();
        Assert.Contains("IX_call_events_started_At", await PlanAsync(db, CallEventQueries.Started(db).Select(e => e.CallId)), StringComparison.Ordinal);
        Assert.Contains("IX_call_events_transfer_started_At", await PlanAsync(db, CallEventQueries.TransfersStarted(db, From, From.AddDays(31)).Where(e => e.Transfer == "Blind")), StringComparison.Ordinal);
        Assert.Contains("IX_call_events_transfer_completed_At", await PlanAsync(db, CallEventQueries.TransfersCompleted(db, From).Where(e => e.Party == "2010")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_given_as_a_value_is_not_planned_on_the_partial_index()
    {
        // The mistake the queries are written to avoid: the kind as a parameter, which the planner
        // cannot match to an index's filter. If this ever used the index, the test above would prove nothing.
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = test.Database.CreateContext();
        var kind = CallEventKinds.TransferCompleted;
        Assert.DoesNotContain("IX_call_events_transfer_completed_At", await PlanAsync(db, db.CallEvents.Where(e => e.Kind == kind && e.At >= From)), StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan for the query: its SQL without EF's parameter lines, the parameters left unbound.</summary>
    private static async Task<string> PlanAsync<T>(OmstillingDb db, IQueryable<T> query)
    {
        var sql = string.Join('\n', query.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
