using System.Text.RegularExpressions;
using Omstilling.Bench.Tests.Support;
using static Omstilling.Bench.Tests.Support.Figures;

namespace Omstilling.Bench.Tests;

/// <summary>
/// Every BenchmarkDotNet class of bench/Omstilling.Benchmarks (message parsing, digest
/// authentication, policy, directory search), each benchmark once: <c>--job dry --inProcess</c>
/// runs the same benchmark code as the documented <c>--filter '*'</c> without building a separate
/// project per run (that takes a minute or more on two cores).
/// </summary>
public sealed class BenchmarkDotNetTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("omstilling-bdn-").FullName;

    [Fact]
    public async Task Every_benchmark_runs_once_and_prints_its_mean()
    {
        var list = await BenchProcess.RunAsync("dotnet", [Repository.BenchmarksDll, "--list", "flat"], Repository.Root, TimeSpan.FromMinutes(1));
        Succeeded(list);
        var benchmarks = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("Omstilling.Benchmarks.", StringComparison.Ordinal))
            .Select(l => l["Omstilling.Benchmarks.".Length..])
            .ToList();
        Assert.Contains("MessageBenchmarks.ParseInvite", benchmarks);
        Assert.Contains("DirectoryBenchmarks.Search", benchmarks);
        Assert.Contains("SrtpBenchmarks.ProtectAndUnprotect", benchmarks);
        Assert.True(benchmarks.Select(b => b.Split('.')[0]).Distinct().Count() >= 4, list.ToString());

        var run = await BenchProcess.RunAsync("dotnet", [Repository.BenchmarksDll, "--filter", "*", "--job", "dry", "--inProcess", "--artifacts", _artifacts],
            Repository.Root, TimeSpan.FromMinutes(3));

        Succeeded(run);
        var means = Regex.Matches(run.Output, @"^(\w+\.\w+): Dry[^\n]*\n[^\n]*\nMean = " + N + @" (ns|us|μs|ms|s),", RegexOptions.Multiline, TimeSpan.FromSeconds(5))
            .Select(m => (Name: m.Groups[1].Value, Mean: Number(m.Groups[2].Value)))
            .ToList();
        foreach (var benchmark in benchmarks)
        {
            Assert.True(means.Any(m => m.Name == benchmark), $"{benchmark} printed no mean:\n{run}");
        }

        Assert.All(means, m => Assert.True(m.Mean > 0, $"{m.Name}: mean {m.Mean}"));
    }

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);
}
