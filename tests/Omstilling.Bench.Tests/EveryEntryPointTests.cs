using System.Text.RegularExpressions;
using Omstilling.Bench.Tests.Support;

namespace Omstilling.Bench.Tests;

/// <summary>
/// Every benchmark has its smoke test here: a new entry point of bench/Omstilling.Benchmarks or a
/// new script in a bench folder fails this until it is run by a test of this project (and listed
/// below), so that no benchmark rots unseen between the sessions that run it in full.
/// </summary>
public sealed class EveryEntryPointTests
{
    /// <summary>The commands of bench/Omstilling.Benchmarks/Program.cs and the test that runs each.</summary>
    private static readonly Dictionary<string, Type> Commands = new(StringComparer.Ordinal)
    {
        ["registration-memory"] = typeof(RegistrationMemoryTests),
        ["history-write"] = typeof(HistoryBenchTests),
        ["history-year"] = typeof(HistoryBenchTests),
        ["directory-import"] = typeof(DirectoryImportBenchTests),
        ["media-load"] = typeof(MediaLoadTests),
        ["console-push"] = typeof(ConsolePushTests),
    };

    /// <summary>The scripts of the bench folders and the test that runs each.</summary>
    private static readonly Dictionary<string, Type?> Scripts = new(StringComparer.Ordinal)
    {
        ["bench/sipp/load.sh"] = typeof(SippLoadTests),
        ["bench/media/load.sh"] = typeof(MediaLoadTests),
        ["bench/console/push.sh"] = typeof(ConsolePushTests),

        // Needs afl++ and the SharpFuzz tool, which ./test.sh does not install; the targets it feeds
        // are the ones FuzzBenchTests and tests/Omstilling.Fuzz.Tests run.
        ["bench/fuzz/afl.sh"] = null,
    };

    [Fact]
    public void Every_command_of_the_benchmarks_program_has_a_smoke_test()
    {
        var program = File.ReadAllText(Repository.Path("bench", "Omstilling.Benchmarks", "Program.cs"));
        var commands = Regex.Matches(program, @"args is \[""([a-z0-9-]+)""", RegexOptions.None, TimeSpan.FromSeconds(5)).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("registration-memory", commands);
        Assert.Equal(Commands.Keys.Order(StringComparer.Ordinal), commands.Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("BenchmarkSwitcher", program, StringComparison.Ordinal); // the BenchmarkDotNet classes: BenchmarkDotNetTests
    }

    [Fact]
    public void Every_script_of_the_bench_folders_has_a_smoke_test_or_a_reason_why_not()
    {
        var scripts = Directory.GetDirectories(Repository.Path("bench"))
            .SelectMany(folder => Directory.GetFiles(folder, "*.sh"))
            .Select(file => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Scripts.Keys.Order(StringComparer.Ordinal), scripts);
    }
}
