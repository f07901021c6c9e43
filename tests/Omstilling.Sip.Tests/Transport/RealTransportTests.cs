using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Runtime;

namespace Omstilling.Sip.Tests.Transport;

/// <summary>The UDP and TCP transports on real loopback sockets, IPv4 and IPv6.</summary>
public sealed class RealTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public static TheoryData<SipTransportKind, string> Combinations => new()
    {
        { SipTransportKind.Udp, "127.0.0.1" },
        { SipTransportKind.Udp, "::1" },
        { SipTransportKind.Tcp, "127.0.0.1" },
        { SipTransportKind.Tcp, "::1" },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Options_round_trip_over_real_sockets(SipTransportKind kind, string address)
    {
        await using var pair = await RealPair.StartAsync(kind, IPAddress.Parse(address));

        var response = await pair.SendAsync(NewOptions(pair));

        Assert.Equal(200, response.StatusCode);
        var source = pair.ServerCore.Requests.Single().Incoming.Source;
        Assert.Equal(kind, source.Transport);
        Assert.Equal(IPAddress.Parse(address), source.EndPoint.Address);
        if (kind == SipTransportKind.Udp)
        {
            Assert.Equal(pair.Client.Transports[0].LocalEndPoint.Port, source.EndPoint.Port); // symmetric: we send from where we listen
        }
    }

    [Fact]
    public async Task Tcp_responses_come_back_on_the_connection_the_request_used()
    {
        await using var pair = await RealPair.StartAsync(SipTransportKind.Tcp, IPAddress.Loopback);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await pair.SendAsync(NewOptions(pair))).StatusCode);
        }

        Assert.Equal(1, ((TcpTransport)pair.Server.Transports[0]).ConnectionCount);
        Assert.Equal(1, ((TcpTransport)pair.Client.Transports[0]).ConnectionCount);
    }

    [Fact]
    public async Task Tcp_stream_with_two_messages_in_one_write_and_one_split_over_writes_is_framed()
    {
        await using var pair = await RealPair.StartAsync(SipTransportKind.Tcp, IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(pair.Server.Transports[0].LocalEndPoint);
        var one = SampleMessages.Bytes(RawOptions("a1"));
        var two = SampleMessages.Bytes(RawOptions("a2"));
        var three = SampleMessages.Bytes(RawOptions("a3"));

        await socket.SendAsync(one.Concat(two).ToArray());
        await socket.SendAsync(three.AsMemory(0, 40));
        await Task.Delay(50);
        await socket.SendAsync(three.AsMemory(40));

        var received = await ReadResponsesAsync(socket, 3);
        Assert.Equal(3, received.Count(r => r.StartsWith("SIP/2.0 200", StringComparison.Ordinal)));
        Assert.Equal(["a1", "a2", "a3"], pair.ServerCore.Requests.Select(t => t.Request.CallId));
    }

    [Fact]
    public async Task Tcp_keep_alive_ping_gets_a_pong()
    {
        await using var pair = await RealPair.StartAsync(SipTransportKind.Tcp, IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(pair.Server.Transports[0].LocalEndPoint);

        await socket.SendAsync("\r\n\r\n"u8.ToArray());

        var buffer = new byte[16];
        using var cts = new CancellationTokenSource(Wait);
        var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        Assert.Equal("\r\n"u8.ToArray(), buffer[..n]);
    }

    [Fact]
    public async Task Malformed_request_over_tcp_is_answered_400_and_the_connection_closed()
    {
        await using var pair = await RealPair.StartAsync(SipTransportKind.Tcp, IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(pair.Server.Transports[0].LocalEndPoint);

        await socket.SendAsync(SampleMessages.Bytes(RawOptions("bad").Replace("Content-Length: 0", "Content-Length: -5", StringComparison.Ordinal)));

        var received = await ReadResponsesAsync(socket, 1);
        Assert.StartsWith("SIP/2.0 400", Assert.Single(received), StringComparison.Ordinal);
        var buffer = new byte[16];
        using var cts = new CancellationTokenSource(Wait);
        Assert.Equal(0, await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token)); // closed by the server
    }

    [Fact]
    public async Task Garbage_datagrams_are_counted_and_do_not_stop_valid_requests()
    {
        await using var pair = await RealPair.StartAsync(SipTransportKind.Udp, IPAddress.Loopback);
        using var flood = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var random = new Random(4475);
        var garbage = new byte[300];

        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(garbage);
            await flood.SendToAsync(garbage, pair.Server.Transports[0].LocalEndPoint);
        }

        Assert.Equal(200, (await pair.SendAsync(NewOptions(pair))).StatusCode);
        Assert.True(pair.Server.MalformedCount > 0);
    }

    private static SipRequest NewOptions(RealPair pair)
    {
        var server = pair.Server.Transports[0].LocalEndPoint;
        var headers = new SipHeaders();
        headers.Add(HeaderName.From, $"<sip:test@{SipStack.FormatHost(server.Address)}>;tag={SipIds.NewTag()}");
        headers.Add(HeaderName.To, $"<sip:{SipStack.FormatHost(server.Address)}>");
        headers.Add(HeaderName.CallId, SipIds.NewCallId("t"));
        headers.Add(HeaderName.CSeq, "1 OPTIONS");
        return new SipRequest(SipMethod.Options, SipUri.Sip(null, SipStack.FormatHost(server.Address), server.Port), headers);
    }

    private static string RawOptions(string callId) =>
        "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:9;branch=z9hG4bK" + callId + "\r\n" +
        "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    private static async Task<List<string>> ReadResponsesAsync(Socket socket, int count)
    {
        var text = "";
        var buffer = new byte[8192];
        using var cts = new CancellationTokenSource(Wait);
        while (System.Text.RegularExpressions.Regex.Count(text, "SIP/2.0 ") < count)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n == 0)
            {
                break;
            }

            text += System.Text.Encoding.UTF8.GetString(buffer, 0, n);
        }

        return text.Split("SIP/2.0 ", StringSplitOptions.RemoveEmptyEntries).Select(r => "SIP/2.0 " + r).ToList();
    }

    private sealed class RealPair : IAsyncDisposable, IClientTransactionOwner
    {
        private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource<SipResponse> _next;

        private RealPair()
        {
            _next = _final;
        }

        public SipStack Client { get; } = new(new SipStackOptions(), TimeProvider.System, NullLoggerFactory.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System));

        public SipStack Server { get; } = new(new SipStackOptions(), TimeProvider.System, NullLoggerFactory.Instance, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System));

        public TestCore ServerCore { get; } = new();

        public static async Task<RealPair> StartAsync(SipTransportKind kind, IPAddress address)
        {
            var pair = new RealPair();
            pair.Server.AddTransport(Create(kind, address));
            pair.Client.AddTransport(Create(kind, address));
            await pair.Server.StartAsync(pair.ServerCore, CancellationToken.None);
            await pair.Client.StartAsync(new TestCore(), CancellationToken.None);
            return pair;
        }

        public async Task<SipResponse> SendAsync(SipRequest request)
        {
            _next = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            var server = Server.Transports[0];
            Client.SendRequest(request, new SipEndPoint(server.Kind, server.LocalEndPoint), this);
            return await _next.Task.WaitAsync(Wait);
        }

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (response.IsFinal)
            {
                _next.TrySetResult(response);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
        }

        private static ISipTransport Create(SipTransportKind kind, IPAddress address) =>
            kind == SipTransportKind.Udp
                ? new UdpTransport(new IPEndPoint(address, 0), SipParserLimits.Default, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System), NullLogger<UdpTransport>.Instance)
                : new TcpTransport(new IPEndPoint(address, 0), SipParserLimits.Default, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System), NullLogger<TcpTransport>.Instance);
    }
}
