using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Omstilling.Host.Tests.Robustness;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Deploy;

/// <summary>
/// The deployment of docs/install.md: the self-contained single-file publish for linux-x64 starts
/// from another working directory on a fresh data directory, warms up, answers SIP OPTIONS over
/// UDP, /api/health and the console's scripts, and ends cleanly on SIGTERM (what systemd sends);
/// deploy/omstilling.service passes <c>systemd-analyze verify</c> with that binary.
/// </summary>
public sealed class PublishedBinaryTests(PublishedServer published) : IClassFixture<PublishedServer>
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_published_binary_answers_sip_and_http_and_stops_cleanly_on_sigterm()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        Assert.True(File.Exists(published.Binary), $"no {published.Binary}\n{published.Publish}");

        // Started as the service starts it: from its data directory, not the publish folder.
        var data = System.IO.Directory.CreateTempSubdirectory("omstilling-published-data-").FullName;
        var (sipPort, webPort, managementPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var info = new ProcessStartInfo(published.Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data,
        };
        foreach (var arg in new[] { "run", "--demo", "--bind", "127.0.0.1", "--sip-port", Text(sipPort), "--web-port", Text(webPort), "--management", $"127.0.0.1:{Text(managementPort)}", "--data-dir", data, "--rtp-ports", "41000-41199" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["OMSTILLING_WARMUP"] = "on"; // the test process may have turned it off for in-process servers
        var output = new ConcurrentQueue<string>();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the published omstilling.");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.True(await AnswersAsync(http, $"http://127.0.0.1:{Text(webPort)}/api/health", process), $"no /api/health within {StartLimit}\n{Joined(output)}");
            using (var script = await http.GetAsync(new Uri($"http://127.0.0.1:{Text(webPort)}/_framework/blazor.web.js")))
            {
                Assert.True(script.IsSuccessStatusCode, $"blazor.web.js: {script.StatusCode}\n{Joined(output)}");
            }

            using var probe = new SipProbe(sipPort);
            Assert.True(await probe.AnswersOverUdpAsync(), $"no 200 to OPTIONS over UDP\n{Joined(output)}");
            Assert.Contains(output, line => line.Contains("Warmed up in", StringComparison.Ordinal));

            var term = await ProcessRunner.RunAsync("kill", ["-TERM", Text(process.Id)], TimeSpan.FromSeconds(10));
            Assert.Equal(0, term.ExitCode);
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(stopping.Token);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{Joined(output)}");
            Assert.DoesNotContain(output, line => line.Contains("fail:", StringComparison.Ordinal) || line.Contains("crit:", StringComparison.Ordinal));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task The_systemd_unit_passes_systemd_analyze_verify_with_the_published_binary()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var unit = await File.ReadAllTextAsync(PublishedServer.Repository("deploy/omstilling.service"));
        Assert.Contains("ExecStart=/opt/omstilling/omstilling run", unit, StringComparison.Ordinal);
        Assert.Contains("AmbientCapabilities=CAP_NET_BIND_SERVICE", unit, StringComparison.Ordinal);
        Assert.Contains("Restart=on-failure", unit, StringComparison.Ordinal);
        Assert.Contains("LimitNOFILE=", unit, StringComparison.Ordinal);

        // verify checks that ExecStart's program exists: the unit as installed, with the binary where this publish put it.
        var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-unit-").FullName;
        try
        {
            var copy = Path.Combine(folder, "omstilling.service");
            await File.WriteAllTextAsync(copy, unit.Replace("/opt/omstilling/omstilling", published.Binary, StringComparison.Ordinal));

            var verify = await ProcessRunner.RunAsync("systemd-analyze", ["verify", copy], TimeSpan.FromSeconds(60));

            Assert.True(verify.ExitCode == 0 && string.IsNullOrWhiteSpace(verify.Output), verify.ToString());
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string url, Process process)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet (it warms up first).
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static string Joined(IEnumerable<string> lines) => string.Join('\n', lines);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
