using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// The real <c>omstilling run --demo</c> process on loopback, with its own ports and data
/// directory, as installers start it, and a management listener (status without a login). The
/// call events and the other private API are read logged in as the demo's admin. Output is kept
/// for failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dataDirectory;
    private bool _keepData;

    private readonly Lazy<Task<HttpClient>> _admin;
    private ProcessStartInfo? _startInfo;

    private ServerProcess(Process process, int sipPort, int webPort, int managementPort, string dataDirectory)
    {
        _process = process;
        SipPort = sipPort;
        WebPort = webPort;
        ManagementPort = managementPort;
        _dataDirectory = dataDirectory;
        _admin = new Lazy<Task<HttpClient>>(() => WebLogin.LogInAsync(WebPort, "admin", "demoadmin"));
    }

    public int SipPort { get; }

    public int WebPort { get; }

    /// <summary>The --management listener: /api/health and /api/status without a login.</summary>
    public int ManagementPort { get; }

    /// <summary>The server's own --data-dir, removed with it.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>GET a path of the web API as JSON, logged in as the demo's admin.</summary>
    public async Task<JsonElement> GetAsync(string path)
    {
        var http = await _admin.Value;
        return await http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
    }

    public string Output => string.Join('\n', _output);

    public static Task<ServerProcess> StartAsync(params string[] extraArgs) =>
        StartCoreAsync(Path.Combine(Path.GetTempPath(), "omstilling-test-" + Guid.NewGuid().ToString("N")), ["--demo", .. extraArgs]);

    /// <summary>The demo server with these environment variables set for it (a password, OMSTILLING__SECTION__KEY settings).</summary>
    public static Task<ServerProcess> StartWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] extraArgs) =>
        StartCoreAsync(Path.Combine(Path.GetTempPath(), "omstilling-test-" + Guid.NewGuid().ToString("N")), ["--demo", .. extraArgs], environment: environment);

    /// <summary>The server on a data directory made beforehand (its users, its database), without --demo; the directory is left to the caller.</summary>
    public static Task<ServerProcess> StartWithoutDemoAsync(string dataDirectory, params string[] extraArgs) =>
        StartCoreAsync(dataDirectory, extraArgs, keepData: true);

    /// <summary>
    /// The server as a fresh installation runs it: the bundled policy and no --directory (so the
    /// directory is seeded into the database), on a data directory made beforehand and left to the caller.
    /// </summary>
    public static Task<ServerProcess> StartBundledAsync(string dataDirectory, params string[] extraArgs) =>
        StartCoreAsync(dataDirectory, extraArgs, keepData: true, bundled: true);

    /// <summary>The server with its start-up warm-up (which the other starts leave out).</summary>
    public static Task<ServerProcess> StartWarmedUpAsync(params string[] extraArgs) =>
        StartCoreAsync(Path.Combine(Path.GetTempPath(), "omstilling-test-" + Guid.NewGuid().ToString("N")), ["--demo", .. extraArgs], warmup: true);

    /// <summary>The server launched and not waited for: a test that acts while it starts (<see cref="WaitForOutputAsync"/>).</summary>
    public static Task<ServerProcess> LaunchAsync(bool warmup, params string[] extraArgs) =>
        StartCoreAsync(Path.Combine(Path.GetTempPath(), "omstilling-test-" + Guid.NewGuid().ToString("N")), ["--demo", .. extraArgs], warmup: warmup, waitUntilReady: false);

    /// <summary>Sends SIGTERM (what systemd and Ctrl+C's kin send) and waits for the exit; its code, or null when it did not exit within <paramref name="limit"/>.</summary>
    public async Task<int?> TerminateAsync(TimeSpan limit)
    {
        var term = await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        if (term.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM failed: {term}");
        }

        using var wait = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until a line of the server's output contains <paramref name="text"/>; false after <paramref name="limit"/> or when it exits.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(10);
        }

        return _output.Any(line => line.Contains(text, StringComparison.Ordinal));
    }

    private static async Task<ServerProcess> StartCoreAsync(string data, string[] extraArgs, bool keepData = false, IReadOnlyDictionary<string, string>? environment = null, bool bundled = false, bool warmup = false, bool waitUntilReady = true)
    {
        var sipPort = FreePort.Next();
        var webPort = FreePort.Next();
        var managementPort = FreePort.Next();
        var dll = Path.Combine(AppContext.BaseDirectory, "omstilling.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The start-up warm-up (seconds of calls on a private server) is for production and the
        // bench; the tests of behaviour start many servers, and WarmupTests start theirs with it.
        info.Environment["OMSTILLING_WARMUP"] = warmup ? "on" : "off"; // Warmup.Variable (internal to the host)
        foreach (var arg in new[] { dll, "run", "--bind", "127.0.0.1", "--sip-port", sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web-port", webPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--management", $"127.0.0.1:{managementPort}", "--data-dir", data }.Concat(bundled ? extraArgs : TestPolicy.AddTo(extraArgs, Path.Combine(data, "policy"))))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return await LaunchAsync(info, sipPort, webPort, managementPort, data, keepData, waitUntilReady);
    }

    private static async Task<ServerProcess> LaunchAsync(ProcessStartInfo info, int sipPort, int webPort, int managementPort, string data, bool keepData, bool waitUntilReady = true)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start omstilling.");
        var server = new ServerProcess(process, sipPort, webPort, managementPort, data) { _keepData = keepData, _startInfo = info };
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilReady)
        {
            await server.WaitUntilReadyAsync();
        }

        return server;
    }

    /// <summary>
    /// Ends the process with SIGKILL (<c>kill -9</c>: no shutdown, nothing flushed, as a crash or a
    /// power cut would) and waits until it is gone. Its data directory is left for <see cref="RestartAsync"/>.
    /// </summary>
    public async Task KillAsync()
    {
        _process.Kill(); // SIGKILL on Linux
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// A new process with the same command line, ports and data directory (after <see cref="KillAsync"/>),
    /// once it is ready; it removes the data directory when disposed, as this one would have.
    /// </summary>
    public async Task<ServerProcess> RestartAsync()
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException("The server still runs: kill it first.");
        }

        var keep = _keepData;
        _keepData = true; // the data directory is the new process's now
        return await LaunchAsync(_startInfo!, SipPort, WebPort, ManagementPort, _dataDirectory, keep);
    }

    /// <summary>GET /api/status as JSON, on the management listener (no login there).</summary>
    public async Task<JsonElement> StatusAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{ManagementPort}/api/status");
    }

    /// <summary>GET /api/calls/events (for administrators): the recent call events, oldest first.</summary>
    public async Task<JsonElement[]> EventsAsync()
    {
        var events = await GetAsync("/api/calls/events");
        return [.. events.EnumerateArray()];
    }

    /// <summary>
    /// Waits until the demo's staff logins are all made (they are hashed in the background, on
    /// the machine's idle time, after the server listens); false after 2 minutes.
    /// </summary>
    public async Task<bool> WaitForDemoLoginsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Any(line => line.Contains("Demo: ", StringComparison.Ordinal) && line.Contains("web logins made", StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Polls the status until <paramref name="condition"/> holds or the time is up.</summary>
    public async Task<bool> WaitForStatusAsync(Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(await StatusAsync()))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_admin.IsValueCreated && _admin.Value.IsCompletedSuccessfully)
        {
            (await _admin.Value).Dispose();
        }

        if (_keepData)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"omstilling exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                // On the management listener, which stays plain HTTP when the web port is HTTPS (--tls-cert).
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{ManagementPort}/api/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer its first request (the machine is busy with other tests' servers and browsers).
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"omstilling did not become ready within 60 s:\n{Output}");
    }
}
