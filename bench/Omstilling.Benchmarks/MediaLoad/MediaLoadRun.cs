using System.Globalization;
using System.Net;
using System.Text.Json;
using Omstilling.Sip.Dialogs;

namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// <c>media-load prompts|bridged --server HOST:PORT --calls N [--rate R] [--window S] [--server-pid P] [--status URL] [--timestamps kernel|user]</c>:
/// sets up N calls through a running server and times the RTP it sends.
/// prompts: N calls to 8001 (the greeting; a long recording should replace it for the run).
/// bridged: N calls from 2001 to 2002, both answered here; each side sends A-law every 20 ms
/// (streams in ten phases, each packet stamped with its send time) and the packets relayed by the
/// server are timed on both sides: their intervals, and the change in transit time between them.
/// </summary>
internal static class MediaLoadRun
{
    /// <summary>Kernel receive timestamps (as a capture would take them) or the meter thread's own clock.</summary>
    private static bool Kernel { get; set; } = true;

    /// <summary>
    /// The server's /api/status, read before and after the window for its garbage collections and
    /// late media ticks: on its management listener (<c>run --management</c>), where it needs no login.
    /// </summary>
    private static Uri? Status { get; set; }

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Length > 1 ? args[1] : "";
        var server = IPEndPoint.Parse(Option(args, "--server") ?? "127.0.0.1:5070");
        var calls = int.Parse(Option(args, "--calls") ?? "100", CultureInfo.InvariantCulture);
        var rate = int.Parse(Option(args, "--rate") ?? "200", CultureInfo.InvariantCulture);
        var window = TimeSpan.FromSeconds(int.Parse(Option(args, "--window") ?? "20", CultureInfo.InvariantCulture));
        var pid = Option(args, "--server-pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
        Kernel = Option(args, "--timestamps") != "user";
        Status = Option(args, "--status") is { } url ? new Uri(url) : null;
        switch (mode)
        {
            case "prompts":
                await PromptsAsync(server, calls, rate, window, pid);
                return 0;
            case "bridged":
                await BridgedAsync(server, calls, rate, window, pid);
                return 0;
            default:
                Console.Error.WriteLine("Usage: media-load prompts|bridged --server HOST:PORT --calls N [--rate R] [--window S] [--server-pid P] [--status URL] [--timestamps kernel|user]");
                return 2;
        }
    }

    private static async Task PromptsAsync(IPEndPoint server, int calls, int rate, TimeSpan window, int? pid)
    {
        using var meter = new RtpMeter(new IPEndPoint(IPAddress.Loopback, 0), Kernel);
        await using var phone = new LoadPhone("2001", new IPEndPoint(IPAddress.Loopback, 0), server, meter.EndPoint);
        await phone.StartAsync();
        var dialogs = await SetUpAsync(calls, rate, () => phone.CallAsync("8001"));
        await MeasureAsync("prompt streams", [meter], [], dialogs.Count, window, pid);
        foreach (var (dialog, _) in dialogs)
        {
            phone.HangUp(dialog);
        }

        await Task.Delay(1000);
    }

    private static async Task BridgedAsync(IPEndPoint server, int calls, int rate, TimeSpan window, int? pid)
    {
        using var callerMeter = new RtpMeter(new IPEndPoint(IPAddress.Loopback, 0), Kernel, sendStamps: true);
        using var calleeMeter = new RtpMeter(new IPEndPoint(IPAddress.Loopback, 0), Kernel, sendStamps: true);
        using var callerPacer = new RtpPacer(callerMeter.Socket);
        using var calleePacer = new RtpPacer(calleeMeter.Socket);
        await using var caller = new LoadPhone("2001", new IPEndPoint(IPAddress.Loopback, 0), server, callerMeter.EndPoint);
        await using var callee = new LoadPhone("2002", new IPEndPoint(IPAddress.Loopback, 0), server, calleeMeter.EndPoint);
        await caller.StartAsync();
        await callee.StartAsync();
        await callee.RegisterAsync();
        var dialogs = await SetUpAsync(calls, rate, () => caller.CallAsync("2002"));
        foreach (var (_, media) in dialogs)
        {
            callerPacer.Add(media);
        }

        foreach (var (_, media) in callee.Answered)
        {
            calleePacer.Add(media);
        }

        await MeasureAsync("bridged calls, both directions", [callerMeter, calleeMeter], [callerPacer, calleePacer], dialogs.Count, window, pid);
        callerPacer.Clear();
        calleePacer.Clear();
        foreach (var (dialog, _) in dialogs)
        {
            caller.HangUp(dialog);
        }

        await Task.Delay(1000);
    }

    private static async Task<List<(Dialog Dialog, IPEndPoint Media)>> SetUpAsync(int calls, int rate, Func<Task<(Dialog, IPEndPoint)>> call)
    {
        var started = DateTime.UtcNow;
        var pending = new List<Task<(Dialog, IPEndPoint)>>();
        for (var i = 0; i < calls; i++)
        {
            pending.Add(call());
            var due = started + TimeSpan.FromSeconds((i + 1) / (double)rate);
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        var results = new List<(Dialog, IPEndPoint)>();
        var failed = 0;
        foreach (var task in pending)
        {
            try
            {
                results.Add(await task);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                failed++;
            }
        }

        Console.WriteLine($"set up {results.Count} of {calls} calls in {(DateTime.UtcNow - started).TotalSeconds:F1} s ({failed} failed)");
        return results;
    }

    private static async Task MeasureAsync(string what, RtpMeter[] meters, RtpPacer[] pacers, int calls, TimeSpan window, int? pid)
    {
        await Task.Delay(TimeSpan.FromSeconds(3)); // every stream running and latched
        foreach (var meter in meters)
        {
            meter.Reset();
        }

        foreach (var pacer in pacers)
        {
            pacer.Reset();
        }

        var cpu0 = pid is { } p0 ? CpuSeconds(p0) : 0;
        var server0 = await ServerStatusAsync();
        var collections = GC.CollectionCount(0);
        using var probe = PlatformProbe.Start(window);
        await Task.Delay(window);
        collections = GC.CollectionCount(0) - collections;
        var server1 = await ServerStatusAsync();
        var steal = probe?.StealMs;
        var platform = probe is null ? null : await probe.ResultAsync();
        var cpu1 = pid is { } p1 ? CpuSeconds(p1) : 0;
        var streams = 0;
        Console.WriteLine($"{what}: {calls} calls, measured for {window.TotalSeconds:F0} s (garbage collections in this client meanwhile: {collections})");
        foreach (var meter in meters)
        {
            var report = meter.Snapshot();
            streams += report.Streams;
            Console.WriteLine("  " + report);
        }

        foreach (var pacer in pacers)
        {
            var (p99, max, over) = pacer.SendJitter();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sender (this client): |send interval - 20 ms| p99 {p99:F2} ms, max {max:F2} ms ({over} over 5 ms)"));
        }

        if (pid is not null)
        {
            var cpu = cpu1 - cpu0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  server CPU {cpu:F2} s in {window.TotalSeconds:F0} s = {cpu / window.TotalSeconds * 100:F0} % of one core; {cpu * 1000 / window.TotalSeconds / Math.Max(1, streams):F3} CPU-ms per stream per second"));
        }

        Console.WriteLine(platform is { } stall
            ? string.Create(CultureInfo.InvariantCulture, $"  platform meanwhile (cyclictest, a real-time thread per core at priority 95): woke up to {stall:F2} ms late; {(steal is { } st ? $"the host took {st:F0} ms of the cores (steal time)" : "no steal time reported")}")
            : probe is null ? "  platform meanwhile: not probed (cyclictest from rt-tests is not installed)"
            : $"  platform meanwhile: cyclictest gave no result ({probe.Errors})");
        if (server0 is { } before && server1 is { } after)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  server meanwhile: {after.Collections - before.Collections} garbage collections pausing it {after.PauseMs - before.PauseMs:F1} ms in all, {after.LateTicks - before.LateTicks} late media clock slots"));
        }
    }

    private static async Task<(int Collections, double PauseMs, long LateTicks)?> ServerStatusAsync()
    {
        if (Status is null)
        {
            return null;
        }

        using var http = new HttpClient();
        using var status = JsonDocument.Parse(await http.GetStringAsync(Status));
        var root = status.RootElement;
        if (!root.TryGetProperty("garbageCollections", out var collections) || !root.TryGetProperty("garbageCollectionPauseMs", out var pause))
        {
            return null; // a server from before these figures
        }

        var late = root.TryGetProperty("mediaClockLateTicks", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt64() : 0;
        return (collections[0].GetInt32() /* every collection includes generation 0 */, pause.GetDouble(), late);
    }

    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
