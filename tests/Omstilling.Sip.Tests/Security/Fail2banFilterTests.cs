using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Runtime;
using Omstilling.Sip.Security;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Tests.Security;

/// <summary>
/// The shipped fail2ban filter (deploy/fail2ban/filter.d/omstilling.conf) read by the real
/// fail2ban-regex (Debian fail2ban) against the lines <see cref="SourceGuard"/> logs, written as
/// the .NET console logger writes them (the message indented on its own line).
/// </summary>
public sealed class Fail2banFilterTests
{
    [Fact]
    public async Task The_fail2ban_filter_finds_the_blocked_addresses_and_nothing_else()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new SipScheduler(time, new FaultMonitor(NullLoggerFactory.Instance, time));
        var log = new LogLines<SourceGuard>();
        var guard = new SourceGuard(AbuseLimits.Default with { Allowed = [], MessageRateLimit = 5 }, scheduler, log);
        for (var i = 0; i < 20; i++)
        {
            guard.OnAuthenticationFailed(IPAddress.Parse("192.0.2.7"));
        }

        for (var i = 0; i < 6; i++)
        {
            guard.Screen(IPAddress.Parse("2001:db8::7"));
        }

        time.Advance(TimeSpan.FromMinutes(10));
        var lines = log.Entries.SelectMany(e => new[] { $"warn: Omstilling.Sip.Security.SourceGuard[{e.EventId}]", "      " + e.Message }).ToList();
        Assert.Equal(8, lines.Count); // two blocks and two unblocks, two lines each
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, lines);
            var output = await RunAsync("fail2ban-regex", "--print-all-matched", file, Path.Combine(AppContext.BaseDirectory, "fail2ban", "omstilling.conf"));

            Assert.Contains("Lines: 8 lines, 0 ignored, 2 matched, 6 missed", output, StringComparison.Ordinal);
            Assert.Contains("SECURITY blocked 192.0.2.7 for 600 s: 20 failed authentications in 60 s", output, StringComparison.Ordinal);
            Assert.Contains("SECURITY blocked 2001:db8::7 for 600 s: more than 5 messages in 1 s", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var text = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}:\n{text}");
        return text;
    }
}
