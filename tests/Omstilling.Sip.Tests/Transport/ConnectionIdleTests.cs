using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Runtime;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Tests.Transport;

/// <summary>The idle timeout of stream connections, shared by TCP and TLS, on a fake clock.</summary>
public sealed class ConnectionIdleTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_connection_with_no_traffic_for_the_idle_timeout_is_closed_and_a_busy_one_is_not()
    {
        var time = new FakeTimeProvider();
        await using var stack = new SipStack(new SipStackOptions(), TimeProvider.System, NullLoggerFactory.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System));
        var transport = new TcpTransport(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System), NullLogger<TcpTransport>.Instance, time, new ConnectionLimits { IdleTimeout = Idle });
        stack.AddTransport(transport);
        await stack.StartAsync(new TestCore(), CancellationToken.None);
        using var quiet = await ConnectAsync(transport);
        using var busy = await ConnectAsync(transport);

        time.Advance(Idle / 2);
        await PingAsync(busy); // traffic half way: its idle time starts again
        time.Advance(Idle / 2 + TimeSpan.FromMinutes(1));

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await quiet.ReceiveAsync(new byte[8], SocketFlags.None, cts.Token)); // closed by the server
        Assert.Equal(1, transport.ConnectionCount);
        await PingAsync(busy);
    }

    private static async Task<Socket> ConnectAsync(TcpTransport transport)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(transport.LocalEndPoint);
        await PingAsync(socket);
        return socket;
    }

    /// <summary>A keep-alive ping and its pong (RFC 5626 §4.4.1): traffic both ways.</summary>
    private static async Task PingAsync(Socket socket)
    {
        await socket.SendAsync("\r\n\r\n"u8.ToArray());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await socket.ReceiveAsync(new byte[8], SocketFlags.None, cts.Token));
    }
}
