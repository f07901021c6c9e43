using System.Net;
using System.Net.Sockets;

namespace Omstilling.Host.Tests.Support;

/// <summary>Finds ports free on loopback for both UDP and TCP, handing each out once per test run.</summary>
internal static class FreePort
{
    private static int _next = 20000 + (Environment.ProcessId % 1000) * 20;

    public static int Next()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > 60000)
            {
                Interlocked.Exchange(ref _next, 20000);
                continue;
            }

            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free port found on 127.0.0.1.");
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
