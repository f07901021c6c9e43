using Omstilling.Bench.Tests.Support;
using static Omstilling.Bench.Tests.Support.Figures;

namespace Omstilling.Bench.Tests;

/// <summary>
/// bench/fuzz, the long fuzzing runs: every target for a few thousand executions, and the
/// documented <c>dotnet run</c> command from the root and from its own folder for about a second.
/// (tests/Omstilling.Fuzz.Tests runs the targets themselves for longer; this is the bench's
/// command line and report.) bench/fuzz/afl.sh needs afl++ and is not run here.
/// </summary>
public sealed class FuzzBenchTests : IDisposable
{
    private const string ReportLine = @"^(?:[a-z0-9-]+)\s+" + N + @"\s+" + N + @"\s+" + N + @"\s+" + N + @"\s+" + N + " MiB";

    private readonly string _findings = Directory.CreateTempSubdirectory("omstilling-fuzz-bench-").FullName;

    [Fact]
    public async Task Every_target_runs_and_its_report_line_is_printed()
    {
        var list = await BenchProcess.RunAsync("dotnet", [Repository.FuzzDll, "--list"], Repository.Root, TimeSpan.FromMinutes(1));
        Succeeded(list);
        var targets = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToList();
        Assert.Contains("sip-message", targets);

        var run = await BenchProcess.RunAsync("dotnet", [Repository.FuzzDll, "--executions", "3000", "--seed", "1", "--out", _findings], Repository.Root, TimeSpan.FromMinutes(3));

        Succeeded(run);
        var lines = ReadAll(run, ReportLine);
        Assert.True(lines.Count == targets.Count, $"{lines.Count} report lines for {targets.Count} targets:\n{run}");
        Assert.All(lines, l =>
        {
            Assert.Equal(3000, l[0]);  // executions
            Assert.True(l[1] > 0, run.ToString()); // executions per second
            Assert.Equal(0, l[2]); // crashes
            Assert.Equal(0, l[3]); // hangs
            Assert.True(l[4] > 0, run.ToString()); // peak RSS
        });
    }

    [Theory]
    [InlineData(".", "bench/fuzz")]
    [InlineData("bench/fuzz", null)]
    public async Task The_documented_dotnet_run_command_works_from_the_root_and_from_its_folder(string folder, string? project)
    {
        _ = Repository.FuzzDll; // built by the solution's build: --no-build here

        var run = await BenchProcess.RunAsync("dotnet",
            ["run", "-c", "Release", "--no-build", .. project is null ? [] : new[] { "--project", project }, "--", "sip-message", "--minutes", "0.02", "--out", _findings],
            Path.Combine(Repository.Root, folder), TimeSpan.FromMinutes(2));

        Succeeded(run);
        var line = Read(run, ReportLine.Replace("(?:[a-z0-9-]+)", "sip-message", StringComparison.Ordinal));
        Assert.True(line[0] > 0 && line[1] > 0, run.ToString());
    }

    public void Dispose() => Directory.Delete(_findings, recursive: true);
}
