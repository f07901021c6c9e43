using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Omstilling.Host.Tests.Robustness;

/// <summary>
/// Sends raw bytes to the server over UDP or TCP and asks whether it still answers: an OPTIONS
/// with its own Call-ID must get its 200 within a few seconds (whatever else arrives meanwhile,
/// such as the answers to what was sent before, is read and set aside).
/// </summary>
public sealed class SipProbe : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly IPEndPoint _server;
    private readonly Socket _udp;
    private int _probes;

    public SipProbe(int serverPort)
    {
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
        _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        UdpPort = ((IPEndPoint)_udp.LocalEndPoint!).Port;
    }

    /// <summary>The UDP socket's port, for the Via of what is sent over it.</summary>
    public int UdpPort { get; }

    public async Task SendUdpAsync(byte[] datagram) => await _udp.SendToAsync(datagram, _server);

    /// <summary>Whether an OPTIONS over UDP is answered 200.</summary>
    public async Task<bool> AnswersOverUdpAsync()
    {
        var callId = NextCallId();
        await _udp.SendToAsync(Options("UDP", UdpPort, callId), _server);
        var buffer = new byte[65_536];
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (true)
            {
                var received = await _udp.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
                if (IsOkFor(Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes), callId))
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends the bytes on a new TCP connection (in pieces of <paramref name="chunk"/> bytes when given), reads what comes back for a moment, and closes it.</summary>
    public async Task SendTcpAsync(byte[] bytes, int? chunk = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server);
        var stream = client.GetStream();
        try
        {
            for (var at = 0; at < bytes.Length; at += chunk ?? bytes.Length)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(chunk ?? bytes.Length, bytes.Length - at)));
            }
        }
        catch (IOException)
        {
            // The server closed it: the framing was lost, as it should say.
        }
    }

    /// <summary>
    /// Sends several messages in one write on one connection and returns the Call-IDs of the 200s
    /// that came back on it before it was quiet or closed.
    /// </summary>
    public async Task<IReadOnlyList<string>> PipelineOverTcpAsync(params byte[][] messages)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server);
        var stream = client.GetStream();
        await stream.WriteAsync(messages.SelectMany(m => m).ToArray());
        var text = new StringBuilder();
        var buffer = new byte[65_536];
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, quiet.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Quiet for a second, or reset: what came is what counts.
        }

        return [.. text.ToString().Split("SIP/2.0 ").Where(r => r.StartsWith("200", StringComparison.Ordinal)).Select(CallIdOf)];
    }

    /// <summary>Whether an OPTIONS on a new TCP connection is answered 200.</summary>
    public async Task<bool> AnswersOverTcpAsync()
    {
        var callId = NextCallId();
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await client.ConnectAsync(_server, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Options("TCP", 5099, callId), timeout.Token);
            var text = new StringBuilder();
            var buffer = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (IsOkFor(text.ToString(), callId))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            return false;
        }
    }

    /// <summary>A valid OPTIONS with the given Call-ID.</summary>
    public static byte[] Options(string transport, int localPort, string callId) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:{localPort};branch=z9hG4bK{callId};rport\r\n" +
        $"Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag={callId}\r\nTo: <sip:127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    public void Dispose() => _udp.Dispose();

    private string NextCallId() => string.Create(CultureInfo.InvariantCulture, $"probe{Interlocked.Increment(ref _probes)}-{Environment.ProcessId}");

    private static bool IsOkFor(string response, string callId) =>
        response.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && response.Contains($"Call-ID: {callId}\r\n", StringComparison.Ordinal);

    private static string CallIdOf(string response)
    {
        var at = response.IndexOf("Call-ID: ", StringComparison.Ordinal);
        return at < 0 ? "" : response[(at + 9)..response.IndexOf('\r', at)];
    }
}
