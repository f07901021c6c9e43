using Omstilling.Bench.Tests.Support;
using static Omstilling.Bench.Tests.Support.Figures;

namespace Omstilling.Bench.Tests;

/// <summary>
/// <c>registration-memory</c> (bench/Omstilling.Benchmarks/RegistrationMemory.cs) at 1,000 phones,
/// started from the repository root and from a folder elsewhere (it found no prompts once, and ended
/// before measuring), and its documented <c>dotnet run</c> command from the root and from the
/// project's own folder.
/// </summary>
public sealed class RegistrationMemoryTests
{
    private const string Line = @"^registrations held: " + N + @"; heap with accounts only " + N + @" MB, with registrations " + N +
        @" MB; registrations take " + N + @" MB = " + N + @" bytes each; server transactions left: " + N + "$";

    public static TheoryData<string> Folders() => new() { "root", "elsewhere" };

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task A_thousand_phones_register_and_the_memory_they_take_is_printed(string folder)
    {
        var where = folder == "root" ? Repository.Root : Path.GetTempPath();

        var run = await BenchProcess.RunAsync("dotnet", [Repository.BenchmarksDll, "registration-memory", "1000"], where, TimeSpan.FromMinutes(2));

        Succeeded(run);
        AssertFigures(run);
    }

    [Theory]
    [InlineData(".", "bench/Omstilling.Benchmarks")]
    [InlineData("bench/Omstilling.Benchmarks", null)]
    public async Task The_documented_dotnet_run_command_works_from_the_root_and_from_the_project_folder(string folder, string? project)
    {
        _ = Repository.BenchmarksDll; // built (by the solution's build: --no-build here, so the test does not build it again)

        var run = await BenchProcess.RunAsync("dotnet", ["run", "-c", "Release", "--no-build", .. project is null ? [] : new[] { "--project", project }, "--", "registration-memory", "1000"],
            Path.Combine(Repository.Root, folder), TimeSpan.FromMinutes(2));

        Succeeded(run);
        AssertFigures(run);
    }

    private static void AssertFigures(ProcessRunner.Result run)
    {
        var (held, accountsOnly, withRegistrations, taken, each, transactionsLeft) = Six(Read(run, Line));
        Assert.Equal(1000, held);
        Assert.True(accountsOnly > 0 && withRegistrations > accountsOnly, run.ToString());
        Assert.True(taken > 0, run.ToString());
        Assert.InRange(each, 100, 20_000); // bytes per registration: 779 at 100,000 (bench/RESULTS.md)
        Assert.Equal(0, transactionsLeft);
    }

    private static (double, double, double, double, double, double) Six(double[] n) => (n[0], n[1], n[2], n[3], n[4], n[5]);
}
