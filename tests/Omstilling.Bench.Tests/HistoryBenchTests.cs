using Omstilling.Bench.Tests.Support;
using static Omstilling.Bench.Tests.Support.Figures;

namespace Omstilling.Bench.Tests;

/// <summary>
/// <c>history-write</c> and <c>history-year</c> (bench/Omstilling.Benchmarks/History) at a tiny
/// size, on SQLite and on the PostgreSQL server ./test.sh starts (OMSTILLING_TEST_POSTGRES, handed
/// to the bench as its OMSTILLING_BENCH_POSTGRES).
/// </summary>
public sealed class HistoryBenchTests
{
    private static readonly string[] Databases = ["SQLite", "PostgreSQL"];

    [Fact]
    public async Task History_write_prints_the_cost_per_event_of_the_writer_and_of_the_storage_on_both_databases()
    {
        var run = await BenchProcess.RunAsync("dotnet", [Repository.BenchmarksDll, "history-write", "400"], Repository.Root, TimeSpan.FromMinutes(3), Postgres());

        Succeeded(run);
        Assert.Equal([400, 3200], Read(run, @"^history-write: " + N + " calls, " + N + " events"));
        foreach (var database in Databases)
        {
            var lines = ReadAll(run, @"^\s+" + database + @"\s+\S.*?\s" + N + @" events/s\s+" + N + @" \S+ CPU/event\s+" + N + " B/event");
            Assert.True(lines.Count == 3, $"{database}: {lines.Count} of 3 figures (writer, bulk rows, EF rows):\n{run}");
            Assert.All(lines, l => Assert.True(l[0] > 0 && l[1] > 0, $"{database}: {string.Join(", ", l)}\n{run}"));
        }
    }

    [Fact]
    public async Task History_year_prints_the_time_of_a_months_reports_on_both_databases()
    {
        var run = await BenchProcess.RunAsync("dotnet", [Repository.BenchmarksDll, "history-year", "3000"], Repository.Root, TimeSpan.FromMinutes(3), Postgres());

        Succeeded(run);
        foreach (var database in Databases)
        {
            Assert.Equal(3000, Read(run, @"^\s+" + database + @"\s+" + N + " call records and rings written in")[0]);
            var goals = ReadAll(run, @"^\s+" + database + @"\s+March goals,.*run \d: +" + N + @" ms \(" + N + " calls");
            Assert.True(goals.Count == 4, $"{database}: {goals.Count} of 4 timings of the goals:\n{run}");
            Assert.All(goals, g => Assert.True(g[1] > 0, $"{database}: a March with no calls\n{run}"));
            Assert.Equal(4, ReadAll(run, @"^\s+" + database + @"\s+March whole page,.*run \d: +" + N + " ms").Count);
        }
    }

    /// <summary>The test server's connection string for the bench; ./test.sh sets it.</summary>
    private static Dictionary<string, string> Postgres() => new()
    {
        ["OMSTILLING_BENCH_POSTGRES"] = Environment.GetEnvironmentVariable("OMSTILLING_TEST_POSTGRES")
            ?? throw new InvalidOperationException("OMSTILLING_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL (scripts/test-postgres.sh)."),
    };
}
