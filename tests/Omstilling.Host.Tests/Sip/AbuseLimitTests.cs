using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// The abuse limits against the real server process with SIPVicious (Debian sipvicious) as the
/// attacker: svwar must learn no extension over REGISTER or INVITE, and svcrack is blocked after
/// 20 wrong passwords while a phone at another loopback address (127.0.0.2) keeps working.
/// </summary>
public sealed partial class AbuseLimitTests
{
    private static readonly TimeSpan ToolLimit = TimeSpan.FromSeconds(90);

    /// <summary>Extensions that exist (the demo's 100-103 and 2000-2003) and that do not (2100-2103, 3000-3003).</summary>
    private const string Extensions = "100-103,2000-2003,2100-2103,3000-3003";

    [GeneratedRegex(@"^\|\s*(?<extension>[^|\s]+)\s*\|\s*(?<auth>[^|\s]+)\s*\|$", RegexOptions.Multiline)]
    private static partial Regex ResultRow();

    /// <summary>The rows of svwar's or svcrack's result table, without its header.</summary>
    private static List<(string First, string Second)> Rows(string output) =>
        [.. ResultRow().Matches(output).Select(m => (m.Groups["extension"].Value, m.Groups["auth"].Value)).Where(r => r.Item1 != "Extension")];

    [Fact]
    public async Task Svwar_learns_no_extension_over_REGISTER()
    {
        await using var server = await ServerProcess.StartAsync();

        var output = (await Svwar(server, "REGISTER", Extensions)).ToString();

        // svwar first asks for a random user to learn how "no such user" is answered; every
        // answer after that is the same 401, so it has nothing to tell extensions apart by.
        Assert.Empty(Rows(output));
        Assert.Contains("found nothing", output, StringComparison.Ordinal);
        Assert.Contains("Bad user = SIP/2.0 401", output, StringComparison.Ordinal);
        Assert.Equal(["SIP/2.0 401 Unauthorized"], StatusLines(output));
    }

    [Fact]
    public async Task Svwar_learns_no_extension_over_INVITE_but_does_find_the_public_main_number()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-05 22:00");

        var extensions = (await Svwar(server, "INVITE", Extensions)).ToString();
        var mainNumber = (await Svwar(server, "INVITE", "54731000")).ToString();

        Assert.Empty(Rows(extensions));
        Assert.Contains("found nothing", extensions, StringComparison.Ordinal);
        Assert.Equal(["SIP/2.0 100 Trying", "SIP/2.0 407 Proxy Authentication Required"], StatusLines(extensions));

        // The control: svwar does tell a number that answers (the main number, for everyone) from one that challenges.
        Assert.Equal([("54731000", "noauth")], Rows(mainNumber));
    }

    [Fact]
    public async Task Svcrack_is_blocked_after_twenty_wrong_passwords_while_a_phone_at_another_address_keeps_working()
    {
        // svcrack 0.3.3 ignores its -b, so it always comes from 127.0.0.1; the phone is at 127.0.0.2; neither is allowed.
        await using var server = await ServerProcess.StartAsync("--allow", "none");

        var attack = await Svcrack(server, await Dictionary(server));

        Assert.Empty(Rows(attack.ToString()));
        Assert.Contains("since we last received a response", attack.ToString(), StringComparison.Ordinal);
        Assert.Contains("SECURITY blocked 127.0.0.1 for 600 s: 20 failed authentications in 60 s", server.Output, StringComparison.Ordinal);
        Assert.Equal(1, (await server.StatusAsync()).GetProperty("blockedAddresses").GetInt32());

        var register = await Sipp.RunAsync("register.xml", server.SipPort, FreePort.Next(), 1, "127.0.0.2", ("username", "2002"), ("password", "demo2002"));
        Assert.True(register.ExitCode == 0, $"the phone at 127.0.0.2 could not register: {register}\n{server.Output}");
        var call = await Sipp.RunAsync("uac_expect_480.xml", server.SipPort, FreePort.Next(), 1, "127.0.0.2", ("username", "2002"), ("password", "demo2002"), ("callee", "2093"));
        Assert.True(call.ExitCode == 0, $"the phone at 127.0.0.2 could not call: {call}\n{server.Output}");
    }

    [Fact]
    public async Task Svcrack_finds_the_password_from_an_allowed_address_so_the_block_is_what_stops_it()
    {
        await using var server = await ServerProcess.StartAsync(); // 127.0.0.0/8 allowed by default

        var crack = await Svcrack(server, await Dictionary(server));

        Assert.True(Rows(crack.ToString()).Contains(("2001", "demo2001")), $"{crack}\n{server.Output}");
        Assert.DoesNotContain("SECURITY blocked", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_limit_of_calls_in_setup_a_new_INVITE_is_answered_503_with_Retry_After()
    {
        await using var server = await ServerProcess.StartAsync("--max-calls-in-setup", "1", "--retry-after", "30");
        var calleePort = FreePort.Next();
        await Sipp.RegisterAsync("2061", server.SipPort, calleePort);
        var callee = Sipp.RunAsync("uas_ring_forever.xml", 0, calleePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(calleePort, TimeSpan.FromSeconds(10)), "the callee's SIPp did not start");
        var ringing = Sipp.RunAsync("uac_expect_480.xml", server.SipPort, FreePort.Next(), ("username", "2060"), ("password", "demo2060"), ("callee", "2061"));
        Assert.True(await server.WaitForStatusAsync(s => s.GetProperty("callsInSetup").GetInt32() == 1, TimeSpan.FromSeconds(10)), server.Output);

        var refused = await Sipp.RunAsync("uac_expect_final.xml", server.SipPort, FreePort.Next(), ("username", "2062"), ("password", "demo2062"), ("callee", "2063"), ("expected", "503"));
        var answer = await InviteAsync(server.SipPort);

        Assert.True(refused.ExitCode == 0, $"caller: {refused}\n{server.Output}");
        Assert.StartsWith("SIP/2.0 503 Overloaded\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nRetry-After: 30\r\n", answer, StringComparison.Ordinal);
        Assert.True((await ringing).ExitCode == 0, server.Output);
        await callee;
        Assert.True(await server.WaitForStatusAsync(s => s.GetProperty("callsInSetup").GetInt32() == 0, TimeSpan.FromSeconds(10)), server.Output);
    }

    /// <summary>Thirty wrong guesses, then 2001's password.</summary>
    private static async Task<string> Dictionary(ServerProcess server)
    {
        var file = Path.Combine(server.DataDirectory, "passwords.txt");
        await File.WriteAllLinesAsync(file, [.. Enumerable.Range(1, 30).Select(i => "guess" + i.ToString(CultureInfo.InvariantCulture)), "demo2001"]);
        return file;
    }

    private static Task<ProcessRunner.Result> Svcrack(ServerProcess server, string dictionary) =>
        ProcessRunner.RunAsync("svcrack", ["-u", "2001", "-d", dictionary, "-P", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--maximumtime", "3", "-p", server.SipPort.ToString(CultureInfo.InvariantCulture), "127.0.0.1"], ToolLimit);

    private static Task<ProcessRunner.Result> Svwar(ServerProcess server, string method, string extensions) =>
        ProcessRunner.RunAsync("svwar", ["--force", "--debug", "-m", method, "-e", extensions, "-P", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--maximumtime", "3", "-p", server.SipPort.ToString(CultureInfo.InvariantCulture), "127.0.0.1"], ToolLimit);

    /// <summary>The distinct status lines of the responses svwar printed (--debug prints each as a Python bytes literal).</summary>
    private static List<string> StatusLines(string output) =>
        [.. StatusLine().Matches(output).Select(m => m.Groups["line"].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"^b'(?<line>SIP/2\.0 [0-9]{3} [^\\']*)\\r\\n", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    /// <summary>A raw INVITE over UDP; the first final answer's text (the 100 Trying is skipped).</summary>
    private static async Task<string> InviteAsync(int serverPort)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var invite = $"INVITE sip:2063@127.0.0.1:{serverPort} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK-overload-{port};rport\r\nMax-Forwards: 70\r\nFrom: <sip:2064@127.0.0.1>;tag=overload\r\nTo: <sip:2063@127.0.0.1>\r\nCall-ID: overload-{port}@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:2064@127.0.0.1:{port}>\r\nContent-Length: 0\r\n\r\n";
        await socket.SendToAsync(Encoding.ASCII.GetBytes(invite), new IPEndPoint(IPAddress.Loopback, serverPort));
        var buffer = new byte[65_536];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, received);
            if (!text.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }
}
