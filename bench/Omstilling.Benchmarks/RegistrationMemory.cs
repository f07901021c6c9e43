using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Media;
using Omstilling.Media.Clock;
using Omstilling.Media.Prompts;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Runtime;

namespace Omstilling.Benchmarks;

/// <summary>
/// Memory held per registration (issue #2 target: 100,000 registrations in under 200 MB).
/// 100,000 phones, one account each, register through the real server (parser, transactions,
/// digest authentication, registrar) on the in-memory network. After the transactions have ended
/// (the fake clock moves past Timer J), the managed heap is measured after a full collection, and
/// compared with the same server holding the accounts but no registrations.
/// </summary>
internal static class RegistrationMemory
{
    public static async Task RunAsync(int phones)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var faults = new FaultMonitor(NullLoggerFactory.Instance, time);
        var network = new InMemoryNetwork { RecordSent = false };
        var serverAddress = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 5060);
        await using var server = new SipStack(new SipStackOptions(), time, NullLoggerFactory.Instance, faults);
        server.AddTransport(network.Attach(SipTransportKind.Udp, serverAddress));
        var accounts = new InMemoryAccountStore();
        for (var i = 0; i < phones; i++)
        {
            accounts.Add(SipAccount.FromPassword(User(i), "omstilling", "pw" + User(i)));
        }

        using var clock = new MediaClock(NullLogger<MediaClock>.Instance, faults);
        await using var media = new MediaServer(new MediaOptions { Address = IPAddress.Loopback }, clock, time, NullLoggerFactory.Instance, faults);
        // The bundled prompts copied beside the build output (the Pbx loads its music on hold at once).
        var prompts = new PromptLibrary([Path.Combine(AppContext.BaseDirectory, "prompts", "da")]);
        var pbx = new Pbx(server, media, prompts, accounts, new PbxOptions(), NullLoggerFactory.Instance, faults);
        await server.StartAsync(pbx.Server, CancellationToken.None);
        var challenges = new Challenges();

        var before = Heap();
        for (var i = 0; i < phones; i++)
        {
            var user = User(i);
            var source = new IPEndPoint(IPAddress.Parse($"10.1.{i / 250 % 250}.{(i % 250) + 1}"), 5060 + (i % 1000));

            // Each phone has its own address; its transport lives for its two REGISTERs.
            var phone = network.Attach(SipTransportKind.Udp, source);
            await phone.StartAsync(challenges, CancellationToken.None);
            await phone.SendAsync(serverAddress, Register(user, source, 1, null), CancellationToken.None);
            network.Deliver();
            var challenge = DigestChallenge.TryParse(challenges.Last!.Header(HeaderName.WwwAuthenticate)!)!;
            var auth = new DigestClient(user, "pw" + user).Answer(challenge, "REGISTER", $"sip:{serverAddress.Address}");
            await phone.SendAsync(serverAddress, Register(user, source, 2, auth), CancellationToken.None);
            network.Deliver();
            if (((SipResponse)challenges.Last!).StatusCode != SipStatus.Ok)
            {
                throw new InvalidOperationException($"{user} was not registered: {challenges.Last}");
            }

            await phone.DisposeAsync();
        }

        // Past Timer J (every REGISTER transaction ends) and past the nonce lifetime and its sweep
        // (replay state for the nonces used goes), in steps so each timer fires in turn.
        for (var s = 0; s < 250; s += 10)
        {
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var after = Heap();
        var held = pbx.Registrar.Bindings.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"registrations held: {held:N0}; heap with accounts only {before / 1e6:F1} MB, with registrations {after / 1e6:F1} MB; " +
            $"registrations take {(after - before) / 1e6:F1} MB = {(after - before) / (double)held:F0} bytes each; server transactions left: {server.ServerTransactionCount}"));
        GC.KeepAlive(pbx);
    }

    private static string User(int i) => (100000 + i).ToString(CultureInfo.InvariantCulture);

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static byte[] Register(string user, IPEndPoint source, int cseq, string? authorization)
    {
        var text = new StringBuilder()
            .Append("REGISTER sip:10.0.0.1 SIP/2.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP {source};branch=z9hG4bK{user}x{cseq};rport\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append(CultureInfo.InvariantCulture, $"From: <sip:{user}@10.0.0.1>;tag=f{user}\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: <sip:{user}@10.0.0.1>\r\n")
            .Append(CultureInfo.InvariantCulture, $"Call-ID: reg-{user}-0a1b2c3d4e5f@{source.Address}\r\n")
            .Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} REGISTER\r\n")
            .Append(CultureInfo.InvariantCulture, $"Contact: <sip:{user}@{source};transport=udp>;expires=3600\r\n");
        if (authorization is not null)
        {
            text.Append("Authorization: ").Append(authorization).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("Content-Length: 0\r\n\r\n").ToString());
    }

    /// <summary>Keeps the last response a phone received.</summary>
    private sealed class Challenges : ISipTransportSink
    {
        public SipMessage? Last { get; private set; }

        public void OnMessage(IncomingMessage message) => Last = message.Message;

        public void OnMalformed(ISipTransport transport, SipEndPoint source, ReadOnlyMemory<byte> bytes, SipParseException exception)
        {
        }
    }
}
