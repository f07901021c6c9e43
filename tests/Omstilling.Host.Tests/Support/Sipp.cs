using System.Globalization;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// Runs SIPp (Debian sip-tester) scenarios from the Sipp folder against the server on loopback,
/// one call each, with the account and target passed as -key values.
/// </summary>
public static class Sipp
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    public static string Scenario(string file) => Path.Combine(AppContext.BaseDirectory, "Sipp", file);

    /// <summary>Runs a scenario to its end; exit code 0 means every call of it succeeded.</summary>
    public static Task<ProcessRunner.Result> RunAsync(string scenario, int serverPort, int localPort, params (string Key, string Value)[] keys) =>
        ProcessRunner.RunAsync("sipp", Arguments(scenario, serverPort, localPort, keys), Limit);

    /// <summary>
    /// Runs a scenario as a phone that absorbs retransmissions of answers it already had (a 407 resent
    /// because our ACK was slow to arrive), as real phones do, instead of aborting on them.
    /// </summary>
    public static Task<ProcessRunner.Result> RunTolerantAsync(string scenario, int serverPort, int localPort, params (string Key, string Value)[] keys) =>
        ProcessRunner.RunAsync("sipp", [.. Arguments(scenario, serverPort, localPort, keys), "-default_behaviors", "all,-abortunexp"], Limit);

    /// <summary>
    /// Runs a scenario whose plain <c>&lt;pause/&gt;</c> lasts <paramref name="hold"/> (SIPp's <c>-d</c>), as a
    /// tolerant phone: a call held while a test does something else to the server.
    /// </summary>
    public static Task<ProcessRunner.Result> RunHoldingAsync(string scenario, int serverPort, int localPort, TimeSpan hold, params (string Key, string Value)[] keys) =>
        ProcessRunner.RunAsync("sipp", [.. Arguments(scenario, serverPort, localPort, keys), "-d", ((int)hold.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), "-default_behaviors", "all,-abortunexp"], Limit);

    /// <summary>
    /// Runs a scenario whose plain <c>&lt;pause/&gt;</c> lasts <paramref name="pause"/> (SIPp's <c>-d</c>) and
    /// that may take up to <paramref name="limit"/>: a call that waits for something slow (a late answer, a survey).
    /// </summary>
    public static Task<ProcessRunner.Result> RunLongAsync(string scenario, int serverPort, int localPort, TimeSpan pause, TimeSpan limit, params (string Key, string Value)[] keys)
    {
        var args = Arguments(scenario, serverPort, localPort, keys);
        args[args.IndexOf("-timeout") + 1] = ((int)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        return ProcessRunner.RunAsync("sipp", [.. args, "-d", ((int)pause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)], limit + TimeSpan.FromSeconds(5));
    }

    /// <summary>As <see cref="RunLongAsync"/>, with more of SIPp's options (<c>-inf</c>, <c>-cid_str</c>).</summary>
    public static Task<ProcessRunner.Result> RunLongAsync(string scenario, int serverPort, int localPort, TimeSpan pause, TimeSpan limit, IEnumerable<string> options, params (string Key, string Value)[] keys)
    {
        var args = Arguments(scenario, serverPort, localPort, keys);
        args[args.IndexOf("-timeout") + 1] = ((int)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        return ProcessRunner.RunAsync("sipp", [.. args, "-d", ((int)pause.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), .. options], limit + TimeSpan.FromSeconds(5));
    }

    /// <summary>A scenario for <paramref name="calls"/> calls (a UAS sees one per Call-ID), from <paramref name="localAddress"/>.</summary>
    public static Task<ProcessRunner.Result> RunAsync(string scenario, int serverPort, int localPort, int calls, string localAddress, params (string Key, string Value)[] keys)
    {
        var args = Arguments(scenario, serverPort, localPort, keys);
        args[args.IndexOf("-m") + 1] = calls.ToString(CultureInfo.InvariantCulture);
        args[args.IndexOf("-i") + 1] = localAddress;
        return ProcessRunner.RunAsync("sipp", args, Limit);
    }

    /// <summary>
    /// Runs a scenario over one TCP connection (<c>-t t1</c>) to <paramref name="serverPort"/>: with
    /// a <see cref="Stunnel"/> client there, SIP over TLS to the server (Debian's SIPp has no TLS of
    /// its own). <paramref name="serverPort"/> 0 runs a UAS that listens for TCP on <paramref name="localPort"/>.
    /// </summary>
    public static Task<ProcessRunner.Result> RunOverTcpAsync(string scenario, int serverPort, int localPort, params (string Key, string Value)[] keys) =>
        ProcessRunner.RunAsync("sipp", [.. Arguments(scenario, serverPort, localPort, keys), "-t", "t1"], Limit);

    /// <summary>Registers <paramref name="extension"/> from <paramref name="localPort"/>, where a UAS scenario will then answer.</summary>
    public static async Task RegisterAsync(string extension, int serverPort, int localPort)
    {
        var result = await RunAsync("register.xml", serverPort, localPort, ("username", extension), ("password", "demo" + extension));
        Assert.True(result.ExitCode == 0, $"registering {extension} failed: {result}");
    }

    private static List<string> Arguments(string scenario, int serverPort, int localPort, (string Key, string Value)[] keys) =>
        Arguments(scenario, "127.0.0.1", serverPort, "127.0.0.1", localPort, keys);

    /// <summary>SIPp's command line for one call of <paramref name="scenario"/> between the given addresses (a phone in a network namespace).</summary>
    public static List<string> Arguments(string scenario, string serverAddress, int serverPort, string localAddress, int localPort, (string Key, string Value)[] keys)
    {
        var args = new List<string>
        {
            $"{serverAddress}:{serverPort.ToString(CultureInfo.InvariantCulture)}",
            "-sf", Scenario(scenario),
            "-i", localAddress,
            "-p", localPort.ToString(CultureInfo.InvariantCulture),
            "-m", "1",
            "-timeout", "40s",
            "-nostdin",
        };
        foreach (var (key, value) in keys)
        {
            args.AddRange(["-key", key, value]);
        }

        return args;
    }
}
