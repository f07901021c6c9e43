using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Omstilling.Benchmarks.ConsolePush;

/// <summary>
/// <c>console-push [--consoles 50] [--calls 30] [--omstilling PATH] [--sip-port 5170] [--web-port 8170] [--sipp-port 5190]</c>: how fast a call event
/// reaches every open operator console, and whether many consoles slow calls down.
/// <para>
/// Starts the server (<c>omstilling run --demo</c>, real clock), places SIPp calls to the main
/// number one every two seconds, first with no console open (the baseline), then with N consoles
/// (Chromium pages, one Blazor circuit each). Each page records when the console's snapshot
/// version changes in its DOM (a MutationObserver, Date.now()); the push latency of a call is
/// that moment minus the server's time of the call's Started event (same machine, same clock).
/// The call set-up time is SIPp's INVITE-to-200 response time, with and without the consoles.
/// Browsers, SIPp and the server share the machine's cores, so the figures include the
/// browsers' rendering load; consoles on their own PCs cost the server less.
/// </para>
/// </summary>
internal static class ConsolePushRun
{
    private static readonly TimeSpan CallSpacing = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var consoles = int.Parse(Option(args, "--consoles") ?? "50", CultureInfo.InvariantCulture);
        var calls = int.Parse(Option(args, "--calls") ?? "30", CultureInfo.InvariantCulture);
        var dll = Option(args, "--omstilling") ?? Path.Combine(RepositoryRoot(), "src", "Omstilling.Host", "bin", "Release", "net10.0", "omstilling.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"console-push: {dll} not found (dotnet build src/Omstilling.Host -c Release)");
            return 2;
        }

        var sipPort = int.Parse(Option(args, "--sip-port") ?? "5170", CultureInfo.InvariantCulture);
        var webPort = int.Parse(Option(args, "--web-port") ?? "8170", CultureInfo.InvariantCulture);
        var sippPort = int.Parse(Option(args, "--sipp-port") ?? "5190", CultureInfo.InvariantCulture);
        await using var server = await Server.StartAsync(dll, sipPort, webPort);
        Console.WriteLine($"Server on SIP {server.SipPort}, web {server.WebPort}; {calls} calls, one every {CallSpacing.TotalSeconds} s");

        await Sipp.CallsAsync(server.SipPort, sippPort, 3, TimeSpan.FromMilliseconds(500)); // warm-up: the first calls pay for JIT compilation
        var baseline = await Sipp.CallsAsync(server.SipPort, sippPort, calls, CallSpacing);
        Console.WriteLine($"baseline (no console): answer p50 {Percentile(baseline, 50):0} ms, p99 {Percentile(baseline, 99):0} ms, max {baseline.DefaultIfEmpty().Max():0} ms ({baseline.Count} calls)");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{server.WebPort}" });
        var pages = new List<IPage>();
        for (var i = 0; i < consoles; i++)
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync("/omstilling");
            if (page.Url.Contains("/konto/login", StringComparison.Ordinal))
            {
                await page.FillAsync("input[name=username]", "admin");
                await page.FillAsync("input[name=password]", "demoadmin");
                await page.ClickAsync("button[type=submit]");
                await page.WaitForURLAsync("**/omstilling");
            }

            await page.Locator(".console[data-interactive=true]").WaitForAsync();
            await page.EvaluateAsync("""
                () => {
                  window.__pushes = [];
                  const el = document.querySelector('.console');
                  new MutationObserver(() => window.__pushes.push(Date.now()))
                    .observe(el, { attributes: true, attributeFilter: ['data-version'] });
                }
                """);
            pages.Add(page);
        }

        Console.WriteLine($"{pages.Count} consoles open; server RSS {server.ResidentMegabytes():0} MB");
        var from = DateTimeOffset.UtcNow;
        var cpuBefore = server.CpuTime();
        var loaded = await Sipp.CallsAsync(server.SipPort, sippPort, calls, CallSpacing);
        await Task.Delay(1500);
        var cpu = server.CpuTime() - cpuBefore;
        var starts = (await server.StartedEventsAsync()).Where(t => t >= from).Order().ToList();
        var latencies = new List<double>();
        var missed = 0;
        foreach (var page in pages)
        {
            var pushes = (await page.EvaluateAsync<double[]>("() => window.__pushes")).Order().ToArray();
            for (var i = 0; i < starts.Count; i++)
            {
                var t0 = starts[i].ToUnixTimeMilliseconds();
                var limit = i + 1 < starts.Count ? starts[i + 1].ToUnixTimeMilliseconds() : t0 + CallSpacing.TotalMilliseconds;
                var first = pushes.FirstOrDefault(p => p >= t0 && p < limit, double.NaN);
                if (double.IsNaN(first))
                {
                    missed++;
                }
                else
                {
                    latencies.Add(first - t0);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Push latency, call event -> DOM of each console ({consoles} consoles x {starts.Count} calls = {latencies.Count} updates, {missed} missing):");
        Console.WriteLine($"  p50 {Percentile(latencies, 50):0.0} ms, p99 {Percentile(latencies, 99):0.0} ms, max {latencies.DefaultIfEmpty().Max():0.0} ms (target: 200 ms)");
        Console.WriteLine($"Call answer time (SIPp INVITE -> 200), baseline vs {consoles} consoles:");
        Console.WriteLine($"  p50 {Percentile(baseline, 50):0} vs {Percentile(loaded, 50):0} ms, p99 {Percentile(baseline, 99):0} vs {Percentile(loaded, 99):0} ms, max {baseline.DefaultIfEmpty().Max():0} vs {loaded.DefaultIfEmpty().Max():0} ms; failed calls {calls - baseline.Count} vs {calls - loaded.Count}");
        Console.WriteLine($"Server CPU during the measured calls: {cpu.TotalMilliseconds / (calls * CallSpacing.TotalMilliseconds) * 100:0.0} % of one core; RSS {server.ResidentMegabytes():0} MB");
        return 0;
    }

    private static double Percentile(List<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }

    /// <summary>The server process, on free ports with its own data directory.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _data;

        private Server(Process process, int sipPort, int webPort, string data)
        {
            _process = process;
            SipPort = sipPort;
            WebPort = webPort;
            _data = data;
        }

        public int SipPort { get; }

        public int WebPort { get; }

        public static async Task<Server> StartAsync(string dll, int sip, int web)
        {
            var data = System.IO.Directory.CreateTempSubdirectory("omstilling-push-").FullName;
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { dll, "run", "--demo", "--bind", "127.0.0.1", "--sip-port", $"{sip}", "--web-port", $"{web}", "--data-dir", data, "--log-level", "warning" })
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start omstilling");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var http = new HttpClient();
            for (var i = 0; i < 300; i++)
            {
                try
                {
                    if ((await http.GetAsync(new Uri($"http://127.0.0.1:{web}/api/health"))).IsSuccessStatusCode)
                    {
                        return new Server(process, sip, web, data);
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100);
            }

            throw new TimeoutException("the server did not start");
        }

        /// <summary>The call events' Started times; the events are for administrators, so this logs in as the demo's.</summary>
        public async Task<IReadOnlyList<DateTimeOffset>> StartedEventsAsync()
        {
            using var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}") };
            var form = await http.GetStringAsync(new Uri("/konto/login", UriKind.Relative));
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var login = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = "demoadmin", ["__RequestVerificationToken"] = token });
            using var answer = await http.PostAsync(new Uri("/konto/log-ind", UriKind.Relative), login);
            if (answer.Headers.Location?.OriginalString.Contains("/konto/login", StringComparison.Ordinal) != false)
            {
                throw new InvalidOperationException("console-push: could not log in as admin to read /api/calls/events");
            }

            var events = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/calls/events", UriKind.Relative));
            return [.. events.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Started").Select(e => e.GetProperty("at").GetDateTimeOffset())];
        }

        public TimeSpan CpuTime()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        public double ResidentMegabytes()
        {
            _process.Refresh();
            return _process.WorkingSet64 / 1024.0 / 1024.0;
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            System.IO.Directory.Delete(_data, recursive: true);
        }
    }

    private static class Sipp
    {
        /// <summary>Places the calls and returns each answered call's INVITE-to-200 time in milliseconds.</summary>
        public static async Task<List<double>> CallsAsync(int serverPort, int localPort, int calls, TimeSpan spacing)
        {
            var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-push-sipp-").FullName;
            var scenario = Path.Combine(RepositoryRoot(), "bench", "console", "uac_main_number.xml");
            var info = new ProcessStartInfo("sipp") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                $"127.0.0.1:{serverPort}", "-sf", scenario, "-i", "127.0.0.1", "-p", $"{localPort}",
                "-r", "1", "-rp", $"{(int)spacing.TotalMilliseconds}", "-m", $"{calls}",
                "-key", "callee", "54731000", "-trace_rtt", "-rtt_freq", "1", "-nostdin", "-timeout", $"{calls * spacing.TotalSeconds + 30}s",
            })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start sipp (apt-get install sip-tester)");
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var times = new List<double>();
            foreach (var file in System.IO.Directory.GetFiles(folder, "*_rtt.csv"))
            {
                foreach (var line in File.ReadLines(file).Skip(1))
                {
                    var parts = line.Split(';');
                    if (parts.Length >= 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                    {
                        times.Add(ms);
                    }
                }
            }

            System.IO.Directory.Delete(folder, recursive: true);
            return times;
        }
    }
}
