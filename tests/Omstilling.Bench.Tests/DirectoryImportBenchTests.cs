using Omstilling.Bench.Tests.Support;
using static Omstilling.Bench.Tests.Support.Figures;

namespace Omstilling.Bench.Tests;

/// <summary><c>directory-import</c> (bench/Omstilling.Benchmarks/DirectoryImport) at a tiny size, on SQLite and on the PostgreSQL server ./test.sh starts.</summary>
public sealed class DirectoryImportBenchTests
{
    [Fact]
    public async Task Directory_import_prints_the_preview_and_apply_times_of_a_new_and_a_changed_file_on_both_databases()
    {
        var postgres = new Dictionary<string, string>
        {
            ["OMSTILLING_BENCH_POSTGRES"] = Environment.GetEnvironmentVariable("OMSTILLING_TEST_POSTGRES")
                ?? throw new InvalidOperationException("OMSTILLING_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL (scripts/test-postgres.sh)."),
        };

        var run = await BenchProcess.RunAsync("dotnet", [Repository.BenchmarksDll, "directory-import", "200"], Repository.Root, TimeSpan.FromMinutes(3), postgres);

        Succeeded(run);
        foreach (var database in new[] { "SQLite", "PostgreSQL" })
        {
            // 200 new people and the seed's 104 left: 304 changes; then every twentieth given a new title: 10.
            Assert.Equal([200.0, 304.0], Read(run, @"^\s+" + database + @"\s+new\s+" + N + @" people: preview\s+" + N + @" ms, apply\s+" + N + @" ms, total\s+" + N + @" ms \(" + N + " changes").Where((_, i) => i is 0 or 4));
            Assert.Equal([200.0, 10.0], Read(run, @"^\s+" + database + @"\s+5% changed\s+" + N + @" people: preview\s+" + N + @" ms, apply\s+" + N + @" ms, total\s+" + N + @" ms \(" + N + " changes").Where((_, i) => i is 0 or 4));
        }
    }
}
