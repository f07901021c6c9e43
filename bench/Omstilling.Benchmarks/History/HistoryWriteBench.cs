using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calls.Events;
using Omstilling.Directory;
using Omstilling.History;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Bulk;
using Omstilling.Storage.Entities;

namespace Omstilling.Benchmarks.History;

/// <summary>
/// The cost of writing the call history (issue 13: under 5 % of the B2BUA's capacity at 1,000
/// calls/s). Three figures per database, each from the same made-up switchboard calls (8 events
/// each): the history writer end to end (events in, rows and call records written), and the
/// storage alone, rows already made, written by <see cref="BulkInsert"/> and by EF's change
/// tracking (how the writer wrote before). Each prints events per second and the process's CPU
/// time per event, the figure that competes with calls for the cores.
/// </summary>
internal static class HistoryWriteBench
{
    /// <param name="writerOnly">Only the writer end to end (for profiling it), not the storage alone.</param>
    public static async Task RunAsync(int calls, bool writerOnly)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history-write: {calls:N0} calls, {calls * 8:N0} events, {Environment.ProcessorCount} cores"));
        foreach (var provider in BenchDatabase.Providers())
        {
            await WriterAsync(provider, calls);
            if (writerOnly)
            {
                continue;
            }

            await StorageAsync(provider, calls, bulk: true);
            await StorageAsync(provider, calls, bulk: false);
        }
    }

    private static async Task WriterAsync(StorageProvider provider, int calls)
    {
        await using var bench = await BenchDatabase.CreateAsync(provider);
        var start = DateTimeOffset.UtcNow;

        // A first round, not measured, so that the measured one finds the code compiled (tiered
        // compilation would otherwise spend seconds of the measured CPU time): a server's steady state.
        await WriteAsync(bench, SyntheticCalls.Events(Math.Max(calls / 2, 1_000), start.AddDays(-1)), measure: false);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await WriteAsync(bench, SyntheticCalls.Events(calls, start), measure: true);
    }

    private static async Task WriteAsync(BenchDatabase bench, List<CallEvent> events, bool measure)
    {
        var faults = new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System);
        await using var writer = new HistoryWriter(bench.Database, () => StaffDirectory.Empty, faults, TimeProvider.System, NullLogger<HistoryWriter>.Instance, capacity: events.Count + 1);
        var measured = Measure.Start();
        writer.Start();
        foreach (var e in events)
        {
            writer.Post(e);
        }

        await writer.FlushedAsync();
        if (measure)
        {
            measured.Print($"{bench.Name,-10} history writer (events → rows, records)", events.Count);
        }

        if (writer.Status.Written != events.Count || writer.Status.Records != events.Count / 8)
        {
            throw new InvalidOperationException($"The writer wrote {writer.Status}; expected {events.Count} events and {events.Count / 8} records.");
        }
    }

    private static async Task StorageAsync(StorageProvider provider, int calls, bool bulk)
    {
        await using var bench = await BenchDatabase.CreateAsync(provider);
        var rows = SyntheticCalls.Events(calls, DateTimeOffset.UtcNow).Select((e, i) => new CallEventRecord
        {
            CallId = e.CallId, Sequence = i % 8, Kind = e.Kind.ToString(), At = e.At, Caller = e.Caller, Dialled = e.Dialled,
            Party = e.Party, AnsweredBy = e.AnsweredBy, Operator = e.Operator, QueueId = e.QueueId, Position = e.Position,
        }).ToList();
        var measure = Measure.Start();
        foreach (var batch in rows.Chunk(HistoryWriter.BatchSize))
        {
            await using var db = bench.Database.CreateContext();
            if (bulk)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await BulkInsert.InsertAsync(db, batch);
                await transaction.CommitAsync();
            }
            else
            {
                db.CallEvents.AddRange(batch);
                await db.SaveChangesAsync();
            }
        }

        measure.Print($"{bench.Name,-10} rows only, {(bulk ? "bulk insert" : "EF change tracking")}", rows.Count);
    }

    /// <summary>Wall-clock and process CPU time from its start, and the bytes allocated (managed).</summary>
    private readonly record struct Measure(Stopwatch Wall, TimeSpan Cpu, long Allocated)
    {
        public static Measure Start()
        {
            GC.Collect();
            return new(Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
        }

        public void Print(string what, int events)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - Cpu;
            var wall = Wall.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - Allocated;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-60} {events / wall.TotalSeconds,10:N0} events/s   {cpu.TotalMicroseconds / events,6:N1} µs CPU/event   {allocated / events,6:N0} B/event   ({wall.TotalSeconds:N2} s wall, {cpu.TotalSeconds:N2} s CPU)"));
        }
    }
}
