using System.Globalization;
using Omstilling.Bench.Tests.Support;
using static Omstilling.Bench.Tests.Support.Figures;

namespace Omstilling.Bench.Tests;

/// <summary>
/// bench/media/load.sh (which runs <c>media-load prompts</c> and <c>media-load bridged</c> of
/// bench/Omstilling.Benchmarks, then the SIPp IVR part) at a tiny size from the script's own folder:
/// 5 prompt streams and 3 bridged calls measured for 2 s, the IVR at 5 calls/s for 2 s, against the
/// Release build of the server (<c>--no-build</c>), on ports of its own.
/// </summary>
public sealed class MediaLoadTests : IDisposable
{
    private const string Meter = @"kernel-timestamped: " + N + " streams, " + N + " packets, lost " + N + ", malformed " + N + "; interval p50 " + N + " ms, p99 " + N + " ms, max " + N + " ms";

    private readonly string _out = Directory.CreateTempSubdirectory("omstilling-media-load-").FullName;

    [Fact]
    public async Task Prompts_bridged_calls_and_the_ivr_run_and_print_their_timing()
    {
        _ = Repository.ServerDll;
        _ = Repository.BenchmarksDll;
        var settings = new Dictionary<string, string>
        {
            ["SIP_PORT"] = Port(), ["WEB_PORT"] = Port(), ["MANAGEMENT_PORT"] = Port(), ["RTP_PORTS"] = "40000-40999",
            ["PROMPTS"] = "5", ["BRIDGED"] = "3", ["IVR_RATE"] = "5", ["IVR_SECONDS"] = "2", ["WINDOW"] = "2",
            ["PLATFORM_PROBE"] = "0", ["OUT_DIR"] = _out,
        };

        var run = await BenchProcess.RunAsync("./load.sh", ["--no-build"], Repository.Path("bench", "media"), TimeSpan.FromMinutes(3), settings);

        Succeeded(run);
        Assert.Equal([5, 5], Read(run, @"^== 5 concurrent prompt streams ==\nset up " + N + " of " + N + " calls"));
        Assert.Equal([3, 3], Read(run, @"^== 3 bridged calls ==\nset up " + N + " of " + N + " calls"));
        var meters = ReadAll(run, Meter);
        Assert.True(meters.Count == 3, $"{meters.Count} of 3 meters (prompts, both directions of the bridged calls):\n{run}");
        Assert.All(meters, m =>
        {
            Assert.True(m[1] > 0, $"a meter counted no packet:\n{run}");
            Assert.InRange(m[4], 1, 1000); // interval p50, ms: 20 when the server paces its packets
        });
        var cpu = ReadAll(run, @"server CPU " + N + " s in " + N + " s = " + N + " % of one core; " + N + " CPU-ms per stream per second");
        Assert.Equal(2, cpu.Count);
        Assert.Equal(2, ReadAll(run, @"^\s+sender \(this client\): \|send interval - 20 ms\| p99 " + N + " ms").Count);
        var (ok, _) = Two(Read(run, @"^IVR at 5/s: " + N + " ok, " + N + " failed"));
        Assert.True(ok > 0, run.ToString());
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);

    private static (double, double) Two(double[] n) => (n[0], n[1]);
}
