using System.Diagnostics;
using System.Globalization;
using System.Text;
using Omstilling.Benchmarks.History;
using Omstilling.Directory.Loading;
using Omstilling.Policy.Loading;
using Omstilling.Storage;
using Omstilling.Storage.DirectoryRows;

namespace Omstilling.Benchmarks.DirectoryImport;

/// <summary>
/// Issue 14's target for the directory kept in the database: a CSV import of 5,000 people previews
/// and applies in under 5 s. The database is seeded from the bundled directory as a server's first
/// start does; then a CSV of N people (the bundled departments, unique extensions, topics, direct
/// numbers) is previewed (read, checked against the policy, compared) and applied (rows and audit
/// in one transaction) as <c>omstilling directory import --apply</c> does; then the same file with
/// one person in twenty changed, as a monthly update would be. Wall-clock times, each step once.
/// </summary>
internal static class DirectoryImportBench
{
    public static async Task RunAsync(int people)
    {
        var root = HistoryYearBench.RepositoryRoot();
        var policy = PolicyLoader.LoadFile(Path.Combine(root, "config", "guldborgsund.yaml")).Policy
            ?? throw new InvalidOperationException("The bundled policy does not load.");
        var seed = DirectoryLoader.LoadFile(Path.Combine(root, "config", "guldborgsund-directory.yaml"), policy).File
            ?? throw new InvalidOperationException("The bundled directory does not load.");
        var departments = seed.Departments.Select(d => d.Id).Where(id => id != "switchboard").ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"directory-import: {people:N0} people from CSV, preview and apply ({Environment.ProcessorCount} cores); target under 5 s for 5,000"));
        foreach (var provider in BenchDatabase.Providers())
        {
            await using var bench = await BenchDatabase.CreateAsync(provider);
            var store = new DirectoryStore(bench.Database, TimeProvider.System);
            await store.ApplyAsync(seed, "bench", "seed", 0, CancellationToken.None);
            var import = new Omstilling.Storage.DirectoryRows.DirectoryImport(store);
            await MeasureAsync(bench.Name, "new", Csv(people, departments, changedEvery: 0));
            await MeasureAsync(bench.Name, "5% changed", Csv(people, departments, changedEvery: 20));

            async Task MeasureAsync(string database, string what, string csv)
            {
                var total = Stopwatch.StartNew();
                var preview = await import.PreviewAsync(csv, "bench.csv", policy, CancellationToken.None);
                var previewed = total.Elapsed;
                if (!preview.CanApply)
                {
                    throw new InvalidOperationException("The bench's CSV has errors: " + string.Join("\n", preview.Errors.Take(5)));
                }

                var (diff, _) = await import.ApplyAsync(preview, "bench", CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {database,-10} {what,-11} {people:N0} people: preview {previewed.TotalMilliseconds,6:N0} ms, apply {(total.Elapsed - previewed).TotalMilliseconds,6:N0} ms, total {total.Elapsed.TotalMilliseconds,6:N0} ms ({diff.Changes.Length:N0} changes)"));
            }
        }
    }

    /// <summary>N people in the bundled departments; with <paramref name="changedEvery"/>, every so many get a new title.</summary>
    private static string Csv(int people, List<string> departments, int changedEvery)
    {
        var csv = new StringBuilder("id;name;title;department;extension;email;direct;topics;covered-by\n");
        for (var i = 0; i < people; i++)
        {
            var title = changedEvery > 0 && i % changedEvery == 0 ? "Teamleder" : "Sagsbehandler";
            var cover = i > 0 ? $"person-{i - 1}" : "";
            csv.Append(CultureInfo.InvariantCulture, $"person-{i};Person {i} Bench;{title};{departments[i % departments.Count]};{300000 + i};person{i}@guldborgsund.example;{(i < 9000 ? $"58 {i / 100:00} {i % 100:00} 11" : "")};emne {i % 50}, sag {i % 7};{cover}\n");
        }

        return csv.ToString();
    }
}
