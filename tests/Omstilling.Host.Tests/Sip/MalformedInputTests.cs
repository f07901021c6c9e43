using System.Net;
using System.Net.Sockets;
using Omstilling.Host.Tests.Robustness;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>Hostile input against the running server: it must neither crash nor stall calls.</summary>
[Collection(FloodCollection.Name)]
public sealed class MalformedInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_flood_of_mutated_and_garbage_datagrams_does_not_stop_a_concurrent_call()
    {
        var server = fixture.Server;
        using var stop = new CancellationTokenSource();
        var flood = Task.Run(() => FloodAsync(server.SipPort, stop.Token));

        var calleePort = FreePort.Next();
        await Sipp.RegisterAsync("2041", server.SipPort, calleePort);
        // Behind the flood the server may resend its 407 before our ACK reaches it, or its INVITE
        // before the callee's 200 does: both phones absorb that, as real phones do.
        var callee = Sipp.RunTolerantAsync("uas_answer.xml", server.SipPort, calleePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(calleePort, TimeSpan.FromSeconds(10)));
        var started = DateTime.UtcNow;
        var caller = await Sipp.RunTolerantAsync("uac_call_bye.xml", server.SipPort, FreePort.Next(), ("username", "2040"), ("password", "demo2040"), ("callee", "2041"));
        var during = DateTime.UtcNow - started;
        await stop.CancelAsync();
        var sent = await flood;

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, $"callee: {calleeResult}\n{server.Output}");
        Assert.True(sent / during.TotalSeconds > 1000, $"only {sent} datagrams in {during.TotalSeconds:F1} s: not a flood");
        var status = await server.StatusAsync();
        Assert.True(status.GetProperty("malformedMessages").GetInt64() > 1000);
        Assert.True(status.GetProperty("faultsTotal").GetInt64() == 0, $"contained failures: {status.GetProperty("faults")}");
    }

    /// <summary>The datagram that ended the server: an INVITE with a one-byte header name outside ASCII.</summary>
    [Fact]
    public async Task The_invite_with_a_non_ascii_one_byte_header_name_is_answered_400_and_the_server_stays_up()
    {
        var server = fixture.Server;
        using var probe = new SipProbe(server.SipPort);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var invite = System.Text.Encoding.Latin1.GetBytes(
            $"INVITE sip:2041@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{local.Port};branch=z9hG4bKcrash\r\n" +
            "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:2041@127.0.0.1>\r\nCall-ID: crash\r\nCSeq: 1 INVITE\r\n\u00e9: x\r\nContent-Length: 0\r\n\r\n");

        await socket.SendToAsync(invite, new IPEndPoint(IPAddress.Loopback, server.SipPort));

        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        Assert.StartsWith("SIP/2.0 400 ", System.Text.Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes), StringComparison.Ordinal);
        Assert.True(await probe.AnswersOverUdpAsync());
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

    /// <summary>
    /// The robustness suite's hostile requests (every header of four requests mutated every way),
    /// random bytes and truncations, over and over as fast as one socket sends them, until stopped
    /// (bounded to 200,000 datagrams). Returns how many were sent.
    /// </summary>
    private static async Task<int> FloodAsync(int port, CancellationToken stop)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var cases = new HostileMessages("UDP", ((IPEndPoint)socket.LocalEndPoint!).Port, port);
        var hostile = cases.HeaderMutations().Concat(cases.WholeMessages()).Select(c => c.Bytes).ToArray();
        var target = new IPEndPoint(IPAddress.Loopback, port);
        var random = new Random(3261);
        var garbage = new byte[512];
        var sent = 0;
        while (!stop.IsCancellationRequested && sent < 200_000)
        {
            random.NextBytes(garbage);
            await socket.SendToAsync(sent % 4 == 0 ? garbage : hostile[sent % hostile.Length], target);
            sent++;
            if (sent % 200 == 0)
            {
                await Task.Yield();
            }
        }

        return sent;
    }
}
