using System.Diagnostics;
using System.Globalization;
using Omstilling.History.Reports;
using Omstilling.Policy.Loading;
using Omstilling.Storage;
using Omstilling.Storage.Bulk;
using Omstilling.Storage.Entities;

namespace Omstilling.Benchmarks.History;

/// <summary>
/// A year of call history (issue 13: 1,000,000 calls) made up and written into each database, then
/// a month's report timed as <c>omstilling report</c> and the reports page compute it (issue 13:
/// under 1 s on PostgreSQL, under 3 s on SQLite): the goals alone, then the whole page (figures,
/// breakdown, days, staffing), for all departments and for one, each twice (the first run reads
/// from disk, the second from the database's cache).
/// </summary>
internal static class HistoryYearBench
{
    private static readonly DateOnly First = new(2026, 1, 1);

    public static async Task RunAsync(int calls)
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(RepositoryRoot(), "config", "guldborgsund.yaml")).Policy
            ?? throw new InvalidOperationException("The bundled policy does not load.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history-year: {calls:N0} calls over {First.Year}, a month's report ({Environment.ProcessorCount} cores)"));
        foreach (var provider in BenchDatabase.Providers())
        {
            await using var bench = await BenchDatabase.CreateAsync(provider);
            var written = Stopwatch.StartNew();
            foreach (var batch in SyntheticCalls.Year(calls, First, seed: 13).Chunk(10_000))
            {
                await using var db = bench.Database.CreateContext();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await BulkInsert.InsertAsync(db, batch);
                await BulkInsert.InsertAsync(db, batch.SelectMany(r => r.Rings).ToList());
                await transaction.CommitAsync();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bench.Name,-10} {calls:N0} call records and rings written in {written.Elapsed.TotalSeconds:N1} s"));
            var reports = new HistoryReports(bench.Database);
            foreach (var department in new[] { null, "borgerservice" })
            {
                for (var run = 1; run <= 2; run++)
                {
                    var timer = Stopwatch.StartNew();
                    var report = await reports.KpisAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), department, policy, CancellationToken.None);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bench.Name,-10} March goals,       {department ?? "all departments",-16} run {run}: {timer.Elapsed.TotalMilliseconds,8:N0} ms ({report.Calls:N0} calls; answered within the ring limit {report.AnsweredWithinRingLimit.Value}%)"));
                }

                for (var run = 1; run <= 2; run++)
                {
                    var timer = Stopwatch.StartNew();
                    var page = await reports.ReportAsync(new ReportQuery(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)) { DepartmentId = department }, policy, CancellationToken.None);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bench.Name,-10} March whole page, {department ?? "all departments",-16} run {run}: {timer.Elapsed.TotalMilliseconds,8:N0} ms"));
                    GC.KeepAlive(page);
                }
            }
        }
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Omstilling.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
