using System.Net;
using System.Net.Sockets;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>Hostile input against the running server: it must neither crash nor stall calls.</summary>
public sealed class MalformedInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_flood_of_garbage_datagrams_does_not_stop_a_concurrent_call()
    {
        var server = fixture.Server;
        using var stop = new CancellationTokenSource();
        var flood = Task.Run(() => FloodAsync(server.SipPort, stop.Token));

        var calleePort = FreePort.Next();
        await Sipp.RegisterAsync("2041", server.SipPort, calleePort);
        var callee = Sipp.RunAsync("uas_answer.xml", server.SipPort, calleePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(calleePort, TimeSpan.FromSeconds(10)));
        // Behind the flood the server may resend its 407 before our ACK reaches it: the caller absorbs that.
        var caller = await Sipp.RunTolerantAsync("uac_call_bye.xml", server.SipPort, FreePort.Next(), ("username", "2040"), ("password", "demo2040"), ("callee", "2041"));
        await stop.CancelAsync();
        var sent = await flood;

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        Assert.True((await callee).ExitCode == 0, "callee");
        Assert.True(sent > 1000, $"only {sent} garbage datagrams were sent during the call");
        var status = await server.StatusAsync();
        Assert.True(status.GetProperty("malformedMessages").GetInt64() > 0);
    }

    [Fact]
    public async Task Malformed_request_is_answered_400_with_a_reason_and_the_server_keeps_answering()
    {
        var server = fixture.Server;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new IPEndPoint(IPAddress.Loopback, server.SipPort);
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var request = $"OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{local.Port};branch=z9hG4bKbad1\r\n" +
                      "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: bad1\r\nCSeq: 99999999999 OPTIONS\r\nContent-Length: 0\r\n\r\n";

        await socket.SendToAsync(System.Text.Encoding.ASCII.GetBytes(request), target);

        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        var answer = System.Text.Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes);
        Assert.StartsWith("SIP/2.0 400 Bad sequence number in CSeq", answer, StringComparison.Ordinal);
        Assert.Contains("Call-ID: bad1", answer, StringComparison.Ordinal);

        var ok = request.Replace("99999999999", "1", StringComparison.Ordinal).Replace("bad1", "good1", StringComparison.Ordinal);
        await socket.SendToAsync(System.Text.Encoding.ASCII.GetBytes(ok), target);
        received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        Assert.StartsWith("SIP/2.0 200", System.Text.Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes), StringComparison.Ordinal);
    }

    /// <summary>Random bytes and broken SIP at the server until stopped (bounded to 200,000 datagrams).</summary>
    private static async Task<int> FloodAsync(int port, CancellationToken stop)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = new IPEndPoint(IPAddress.Loopback, port);
        var random = new Random(3261);
        var garbage = new byte[512];
        var brokenSip = System.Text.Encoding.ASCII.GetBytes("INVITE sip:2041@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;;,\r\nCSeq: x\r\n\r\n");
        var sent = 0;
        while (!stop.IsCancellationRequested && sent < 200_000)
        {
            random.NextBytes(garbage);
            await socket.SendToAsync(sent % 2 == 0 ? garbage : brokenSip, target);
            sent++;
            if (sent % 200 == 0)
            {
                await Task.Yield();
            }
        }

        return sent;
    }
}
