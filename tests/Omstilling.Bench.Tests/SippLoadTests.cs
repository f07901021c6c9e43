using System.Globalization;
using Omstilling.Bench.Tests.Support;
using static Omstilling.Bench.Tests.Support.Figures;

namespace Omstilling.Bench.Tests;

/// <summary>
/// bench/sipp/load.sh at a tiny size: <c>--selftest</c> (SIPp against SIPp) from the script's own
/// folder, and one short step of each ramp against the server (<c>--no-build</c>: the Release build
/// of the solution) from the repository root. Each prints its step lines, the summary and the
/// memory per binding; the rates are far below the ramps' (the figures in bench/RESULTS.md come
/// from full runs), so only that they were measured is checked.
/// </summary>
public sealed class SippLoadTests : IDisposable
{
    private static string Step(string kind) => @"^\s+" + kind + @"\s+" + N + @"/s\s+ok\s+" + N + @"\s+failed\s+" + N + @"\s+achieved\s+" + N + @"/s\s+retrans\s+" + N + @"%.*CPU " + N + @" ms/op\s+RSS " + N + " MB";

    private readonly string _out = Directory.CreateTempSubdirectory("omstilling-sipp-load-").FullName;

    [Fact]
    public async Task The_selftest_runs_from_the_scripts_folder_and_prints_every_figure()
    {
        var run = await BenchProcess.RunAsync("./load.sh", ["--selftest"], Repository.Path("bench", "sipp"), TimeSpan.FromMinutes(2), Settings());

        Succeeded(run);
        AssertFigures(run);
    }

    [Fact]
    public async Task One_short_step_against_the_server_runs_from_the_root_and_prints_every_figure()
    {
        _ = Repository.ServerDll;

        var run = await BenchProcess.RunAsync("bench/sipp/load.sh", ["--no-build"], Repository.Root, TimeSpan.FromMinutes(3), Settings());

        Succeeded(run);
        AssertFigures(run);
        var (heapBefore, registrationsBefore, heapAfter, registrationsAfter) = Four(Read(run, @"managed heap after a full collection: " + N + " MB with " + N + " registrations, " + N + " MB with " + N));
        Assert.True(heapBefore > 0 && heapAfter > 0, run.ToString());
        Assert.True(registrationsAfter - registrationsBefore > 0, run.ToString());
    }

    [Fact]
    public async Task The_call_ramp_over_tls_runs_beside_udp_and_prints_both()
    {
        _ = Repository.ServerDll;
        var settings = Settings();
        settings["TRANSPORT"] = "udp tls";
        settings["TLS_PORT"] = Port();
        settings["TUNNEL_PORT"] = Port();
        settings["COLD_START_RATE"] = "0";

        var run = await BenchProcess.RunAsync("bench/sipp/load.sh", ["--no-build"], Repository.Root, TimeSpan.FromMinutes(3), settings);

        // Only what TLS adds is checked here: the other figures are the test above's.
        Succeeded(run);
        foreach (var kind in new[] { "calls", "calls-tls" })
        {
            var step = Read(run, Step(kind));
            Assert.True(step[1] > 0, $"{kind}: no successful call\n{run}");
            Assert.True(step[6] > 0, $"{kind}: no CPU time measured\n{run}");
        }

        Assert.Single(ReadAll(run, @"^Calls, the caller over TLS"));
        Assert.Equal(3, ReadAll(run, @"highest clean rate \(.*\): (?:[0-9,]+/s|none)").Count);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static void AssertFigures(ProcessRunner.Result run)
    {
        foreach (var kind in new[] { "calls", "register" })
        {
            var step = Read(run, Step(kind));
            Assert.True(step[1] > 0, $"{kind}: no successful one\n{run}");
            Assert.True(step[6] > 0, $"{kind}: no CPU time measured\n{run}");
        }

        Assert.True(Read(run, Step("cold"))[1] > 0, $"cold start: no successful call\n{run}");
        Assert.Single(ReadAll(run, @"cold start at 20/s: [0-9.]+ % of [0-9]+ calls failed \(target <= 0.1 %\): (?:met|NOT met)"));
        Assert.Equal(2, ReadAll(run, @"highest clean rate \(.*\): (?:[0-9,]+/s|none)").Count);
        var (registered, requested) = Two(Read(run, @"bindings registered: " + N + " of " + N));
        Assert.Equal(200, requested);
        Assert.True(registered > 0, run.ToString());
        // RSS is an estimate that the GC can shrink while bindings are added (a negative figure has
        // been printed): the line must be there with a number; the exact figure is the managed heap's
        // ("managed heap after a full collection", asserted in the test that calls this).
        Assert.Single(ReadAll(run, @"^\s+= -?[0-9][0-9,]* bytes per binding, -?[0-9.]+ MB per 100,000 bindings"));
    }

    /// <summary>Ports of their own, the output in a temporary folder, and a tiny size (a few seconds per part).</summary>
    private Dictionary<string, string> Settings() => new()
    {
        ["SIP_PORT"] = Port(), ["UAS_PORT"] = Port(), ["UAC_PORT"] = Port(), ["REG_PORT"] = Port(), ["PING_PORT"] = Port(),
        ["WEB_PORT"] = Port(), ["MANAGEMENT_PORT"] = Port(),
        ["COLD_START_RATE"] = "20", ["COLD_START_SECONDS"] = "2", ["CALL_RATES"] = "20", ["REG_RATES"] = "50", ["STEP_SECONDS"] = "2", ["BINDINGS"] = "200", ["BINDINGS_RATE"] = "200",
        ["DRAIN_SECONDS"] = "2", ["OUT_DIR"] = _out,
    };

    private static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);

    private static (double, double) Two(double[] n) => (n[0], n[1]);

    private static (double, double, double, double) Four(double[] n) => (n[0], n[1], n[2], n[3]);
}
