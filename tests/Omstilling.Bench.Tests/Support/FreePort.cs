using System.Net;
using System.Net.Sockets;

namespace Omstilling.Bench.Tests.Support;

/// <summary>
/// Ports free on loopback for both UDP and TCP, each handed out once per test run, below Linux's
/// ephemeral range (32768 and up) where a port free now could be taken a moment later by some
/// outgoing connection. The start depends on the process, so that test projects running at once
/// seldom look at the same ports.
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

        throw new InvalidOperationException("no free port found on 127.0.0.1");
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
