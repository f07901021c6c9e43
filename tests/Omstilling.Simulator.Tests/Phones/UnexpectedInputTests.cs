using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Simulator.Phones;
using Omstilling.Sip.Messages;

namespace Omstilling.Simulator.Tests.Phones;

/// <summary>
/// What the phones' port answers to requests no phone expects, sent as raw datagrams: each gets a
/// proper SIP answer (or, for garbage, nothing), nothing reaches a fault boundary, and a call still
/// works afterwards.
/// </summary>
public sealed class UnexpectedInputTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private PhoneNetwork _phones = null!;

    public async Task InitializeAsync() =>
        _phones = await PhoneNetwork.StartAsync(
            new PhoneNetworkOptions(new IPEndPoint(IPAddress.Loopback, 9), IPAddress.Loopback, FirstRtpPort: 40600, LastRtpPort: 40799),
            TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);

    public async Task DisposeAsync() => await _phones.DisposeAsync();

    [Theory]
    [InlineData("OPTIONS", "", 200)]
    [InlineData("BYE", "", 481)]
    [InlineData("INFO", "", 481)]
    [InlineData("INVITE", ";tag=nosuchdialog", 481)]
    [InlineData("BYE", ";tag=nosuchdialog", 481)]
    [InlineData("REGISTER", "", 405)]
    [InlineData("MESSAGE", "", 501)]
    [InlineData("INVITE", "", 404)]
    public async Task A_request_no_phone_expects_gets_a_proper_answer(string method, string toTag, int status)
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)socket.Client.LocalEndPoint!;
        var request =
            $"{method} sip:nobody@127.0.0.1:{_phones.SipEndPoint.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{local.Port};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:tester@127.0.0.1:{local.Port}>;tag=tester\r\n" +
            $"To: <sip:nobody@127.0.0.1>{toTag}\r\n" +
            $"Call-ID: {Guid.NewGuid():N}@tester\r\n" +
            $"CSeq: 7 {method}\r\n" +
            "Content-Length: 0\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), _phones.SipEndPoint);

        var answer = await FinalAnswerAsync(socket);

        Assert.StartsWith($"SIP/2.0 {status} ", answer, StringComparison.Ordinal);
        Assert.Equal(0L, _phones.Faults.Total);
    }

    [Fact]
    public async Task Garbage_is_dropped_and_the_phones_go_on_calling()
    {
        using (var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            foreach (var junk in new[] { "\0\0\0", "HTTP/1.1 200 OK\r\n\r\n", "INVITE\r\n\r\n", "SIP/2.0 200 OK\r\nVia: nonsense\r\n\r\n" })
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(junk), _phones.SipEndPoint);
            }
        }

        _phones.Phone("bob").Incoming = (call, ct) => call.AnswerAsync(ct);
        var outgoing = _phones.Phone("alice").Call(SipUri.Sip("bob", "127.0.0.1", _phones.SipEndPoint.Port), _phones.SipEndPoint);

        Assert.True(await outgoing.Answered.WaitAsync(Wait));
        await outgoing.HangUpAsync(CancellationToken.None).WaitAsync(Wait);
        Assert.Equal(CallEnding.HungUpHere, await outgoing.Ended.WaitAsync(Wait));
        Assert.Equal(0L, _phones.Faults.Total);
    }

    /// <summary>The first final response (100 Trying skipped), within 5 s.</summary>
    private static async Task<string> FinalAnswerAsync(UdpClient socket)
    {
        using var timeout = new CancellationTokenSource(Wait);
        for (var i = 0; i < 10; i++)
        {
            var datagram = await socket.ReceiveAsync(timeout.Token);
            var text = Encoding.ASCII.GetString(datagram.Buffer);
            if (!text.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
            {
                return text;
            }
        }

        throw new InvalidOperationException("Only provisional answers came.");
    }
}
