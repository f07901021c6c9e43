using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Runtime;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Tests.Transport;

/// <summary>
/// The transports are boundaries: whatever handling a message or malformed input throws is
/// contained there (counted at <c>sip.udp</c> / <c>sip.tcp</c>), and the next message is handled.
/// A receive thread that let it through would end the process.
/// </summary>
public sealed class TransportContainmentTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Udp_a_handler_that_throws_for_a_message_and_for_malformed_input_costs_only_those_datagrams()
    {
        var faults = new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System);
        await using var transport = new UdpTransport(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, faults, NullLogger<UdpTransport>.Instance);
        var sink = new ThrowingSink();
        await transport.StartAsync(sink, CancellationToken.None);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        await socket.SendToAsync(Options("throw-1"), transport.LocalEndPoint);
        await socket.SendToAsync("INVITE nonsense\r\n\r\n"u8.ToArray(), transport.LocalEndPoint);
        await socket.SendToAsync(Options("ok-2"), transport.LocalEndPoint);

        await sink.WaitForAsync("ok-2");
        await sink.WaitForAsync("throw-1");
        await sink.WaitForAsync("malformed");
        Assert.Equal(["malformed", "ok-2", "throw-1"], sink.Seen.Order(StringComparer.Ordinal)); // UDP threads may take them in any order
        await CountsAsync(faults.Boundary("sip.udp"), 2);
    }

    [Fact]
    public async Task Tcp_a_handler_that_throws_costs_that_message_and_the_connection_goes_on()
    {
        var faults = new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System);
        await using var transport = new TcpTransport(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, faults, NullLogger<TcpTransport>.Instance);
        var sink = new ThrowingSink();
        await transport.StartAsync(sink, CancellationToken.None);
        using var client = new TcpClient();
        await client.ConnectAsync(transport.LocalEndPoint);
        var stream = client.GetStream();

        await stream.WriteAsync(Options("throw-1"));
        await stream.WriteAsync(Options("ok-2"));
        await sink.WaitForAsync("ok-2");
        Assert.Equal(1, transport.ConnectionCount);

        // Malformed input loses the framing: answered (here the answer throws) and closed, still contained.
        await stream.WriteAsync("INVITE nonsense\r\n\r\n"u8.ToArray());
        await sink.WaitForAsync("malformed");
        var buffer = new byte[16];
        using var timeout = new CancellationTokenSource(Wait);
        Assert.Equal(0, await stream.ReadAsync(buffer, timeout.Token)); // closed by the server
        await CountsAsync(faults.Boundary("sip.tcp"), 2);
    }

    /// <summary>The count rises just after the handler has thrown, on the receiving thread.</summary>
    private static async Task CountsAsync(FaultBoundary boundary, long expected)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (boundary.Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(expected, boundary.Count);
    }

    private static byte[] Options(string callId) => Encoding.ASCII.GetBytes(
        "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK" + callId + "\r\n" +
        "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    /// <summary>Records what it is given and throws for Call-IDs starting "throw" and for every malformed input.</summary>
    private sealed class ThrowingSink : ISipTransportSink
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrived = new();

        public ConcurrentQueue<string> Seen { get; } = [];

        public void OnMessage(IncomingMessage message)
        {
            var callId = message.Message.CallId;
            Arrive(callId);
            if (callId.StartsWith("throw", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("a handler's bug");
            }
        }

        public void OnMalformed(ISipTransport transport, SipEndPoint source, ReadOnlyMemory<byte> bytes, SipParseException exception)
        {
            Arrive("malformed");
            throw new InvalidOperationException("a bug in answering bad input");
        }

        public async Task WaitForAsync(string what) => await Arrival(what).Task.WaitAsync(Wait);

        private void Arrive(string what)
        {
            Seen.Enqueue(what);
            Arrival(what).TrySetResult();
        }

        private TaskCompletionSource Arrival(string what) => _arrived.GetOrAdd(what, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
