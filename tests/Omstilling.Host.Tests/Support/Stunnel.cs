using System.Collections.Concurrent;
using System.Diagnostics;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// stunnel (Debian's stunnel4, OpenSSL) between a plain TCP peer and TLS: how SIPp, whose Debian
/// build has no TLS, talks SIP over TLS to the server (a client tunnel), or plays a TLS trunk (a
/// server tunnel). Each TCP connection is one TLS connection, so SIPp's one connection
/// (<c>-t t1</c>) is one TLS connection to the server. Output is kept for failure messages.
/// </summary>
public sealed class Stunnel : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _output = new();

    private Stunnel(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Plain TCP on <paramref name="acceptPort"/>, TLS 1.2+ to <paramref name="tlsPort"/>: the
    /// server's certificate must chain to <paramref name="caFile"/> and name 127.0.0.1.
    /// </summary>
    public static Task<Stunnel> ClientAsync(int acceptPort, int tlsPort, string caFile) =>
        StartAsync(acceptPort, $"""
            client = yes
            accept = 127.0.0.1:{acceptPort}
            connect = 127.0.0.1:{tlsPort}
            CAfile = {caFile}
            verifyChain = yes
            checkIP = 127.0.0.1
            sslVersionMin = TLSv1.2
            """);

    /// <summary>TLS on <paramref name="tlsPort"/> with this certificate, each connection passed on as plain TCP to <paramref name="plainPort"/>.</summary>
    public static Task<Stunnel> ServerAsync(int tlsPort, int plainPort, string certificateFile, string keyFile) =>
        StartAsync(tlsPort, $"""
            accept = 127.0.0.1:{tlsPort}
            connect = 127.0.0.1:{plainPort}
            cert = {certificateFile}
            key = {keyFile}
            sslVersionMin = TLSv1.2
            """);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private static async Task<Stunnel> StartAsync(int listenPort, string service)
    {
        var directory = Path.Combine(Path.GetTempPath(), "stunnel-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "stunnel.conf");
        await File.WriteAllTextAsync(config, $"""
            foreground = yes
            pid =
            debug = notice
            [sip]
            {service}
            """);
        var info = new ProcessStartInfo("stunnel4") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(config);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start stunnel4.");
        var tunnel = new Stunnel(process, directory);
        process.OutputDataReceived += (_, e) => tunnel.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => tunnel.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!await FreePort.WaitUntilListeningAsync(listenPort, TimeSpan.FromSeconds(10)))
        {
            await tunnel.DisposeAsync();
            throw new TimeoutException($"stunnel did not listen on {listenPort}:\n{tunnel.Output}");
        }

        return tunnel;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
