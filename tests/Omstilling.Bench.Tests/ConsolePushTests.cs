using System.Globalization;
using Omstilling.Bench.Tests.Support;
using static Omstilling.Bench.Tests.Support.Figures;

namespace Omstilling.Bench.Tests;

/// <summary>
/// bench/console/push.sh (<c>console-push</c> of bench/Omstilling.Benchmarks) with two consoles and
/// two calls, from the repository root, against the Release build (<c>--no-build</c>), on ports of
/// its own: Chromium opens the consoles, SIPp places the calls.
/// </summary>
public sealed class ConsolePushTests
{
    [Fact]
    public async Task Two_consoles_see_two_calls_and_the_push_latency_is_printed()
    {
        _ = Repository.ServerDll;
        _ = Repository.BenchmarksDll;

        var run = await BenchProcess.RunAsync("bench/console/push.sh",
            ["--no-build", "--consoles", "2", "--calls", "2", "--sip-port", Port(), "--web-port", Port(), "--sipp-port", Port()],
            Repository.Root, TimeSpan.FromMinutes(3));

        Succeeded(run);
        var (consoles, calls, updates, missing) = Four(Read(run, @"\(" + N + " consoles x " + N + " calls = " + N + " updates, " + N + @" missing\)"));
        Assert.Equal(2, consoles);
        Assert.True(calls > 0 && updates > 0, run.ToString());
        Assert.Equal(consoles * calls, updates + missing);
        var (p50, p99, max) = Three(Read(run, @"^\s+p50 " + N + " ms, p99 " + N + " ms, max " + N + @" ms \(target: 200 ms\)"));
        Assert.True(p50 >= 0 && p50 <= p99 && p99 <= max, run.ToString());
        Assert.True(Read(run, @"Server CPU during the measured calls: " + N + " % of one core")[0] > 0, run.ToString());
    }

    private static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);

    private static (double, double, double) Three(double[] n) => (n[0], n[1], n[2]);

    private static (double, double, double, double) Four(double[] n) => (n[0], n[1], n[2], n[3]);
}
