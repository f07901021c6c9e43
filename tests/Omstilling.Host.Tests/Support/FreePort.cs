using System.Net;
using System.Net.Sockets;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// Finds ports free on loopback for both UDP and TCP, handing each out once per test run. They are
/// taken below Linux's ephemeral range (32768 and up), where a port free now can still be taken a
/// moment later by some outgoing connection's local port. The start depends on the process, so
/// that test projects running at once seldom look at the same ports. Also compiled into the bench
/// smoke tests (tests/Omstilling.Bench.Tests).
/// </summary>
internal static class FreePort
{
    private const int First = 20000;
    private const int Last = 32000;

    private static int _next = First + (Environment.ProcessId % 500) * 20;

    public static int Next()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > Last)
            {
                Interlocked.Exchange(ref _next, First);
                continue;
            }

            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free port found on 127.0.0.1.");
    }

    /// <summary>A port that is free with the one after it (both handed out): for baresip, which takes the next for TLS.</summary>
    public static int NextPair()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Next();
            if (IsFree(port + 1) && Interlocked.CompareExchange(ref _next, port + 1, port) == port)
            {
                return port;
            }
        }

        throw new InvalidOperationException("No two free ports in a row found on 127.0.0.1.");
    }

    /// <summary>
    /// Waits until some process has bound the UDP port (a phone started listening); false on timeout.
    /// Reads /proc/net/udp rather than probing with a socket, which could steal the port.
    /// </summary>
    public static async Task<bool> WaitUntilBoundAsync(int port, TimeSpan timeout)
    {
        var hex = ":" + port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " ";
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await File.ReadAllLinesAsync("/proc/net/udp")).Skip(1).Any(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].EndsWith(hex.TrimEnd(), StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>Waits until some process listens on the TCP port (/proc/net/tcp and tcp6, state LISTEN); false on timeout.</summary>
    public static async Task<bool> WaitUntilListeningAsync(int port, TimeSpan timeout)
    {
        var hex = ":" + port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
            {
                var rows = File.Exists(table) ? await File.ReadAllLinesAsync(table) : [];
                if (rows.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Any(f => f[1].EndsWith(hex, StringComparison.Ordinal) && f[3] == "0A"))
                {
                    return true;
                }
            }

            await Task.Delay(20);
        }

        return false;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
