using System.Net;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Tests.Registrar;

public sealed partial class RegistrarTests
{
    [Fact]
    public async Task Kept_bindings_are_restored_unless_expired_registered_again_since_or_of_a_removed_account_and_each_account_is_announced()
    {
        await using var f = await RegistrarFixture.StartAsync();
        Assert.Equal(200, f.Register("2001", "demo2001").StatusCode); // this contact registered again before the restore
        var now = f.Pair.Time.GetUtcNow();
        var announced = new List<(string Aor, int Bindings)>();
        f.Registrar.Changed += (aor, bindings) => announced.Add((aor, bindings.Count));

        var restored = f.Registrar.Restore(
        [
            Kept("2001", $"sip:2001@{StackPair.ClientAddress}", now.AddMinutes(10), cseq: 1), // the fresh one stays
            Kept("2001", "sip:2001@10.0.0.9:5062", now.AddMinutes(10)),
            Kept("2002", "sip:2002@10.0.0.2:5060", now.AddMinutes(30)),
            Kept("2002", "sip:2002@10.0.0.5:5060", now.AddSeconds(-1)), // expired while the platform was down
            Kept("2999", "sip:2999@10.0.0.3:5060", now.AddMinutes(30)), // an account removed while it was down
        ]);

        Assert.Equal(2, restored);
        Assert.Equal([("2001", 2), ("2002", 1)], announced);
        Assert.Equal([StackPair.ClientAddress, new IPEndPoint(IPAddress.Parse("10.0.0.9"), 5062)], f.Registrar.Bindings.Lookup("2001").Select(b => b.Source.EndPoint));
        Assert.NotEqual("kept-2001", f.Registrar.Bindings.Lookup("2001")[0].CallId);
        Assert.Equal(now.AddMinutes(30), Assert.Single(f.Registrar.Bindings.Lookup("2002")).ExpiresAt);
        Assert.Empty(f.Registrar.Bindings.Lookup("2999"));
    }

    private static Binding Kept(string aor, string contact, DateTimeOffset expires, uint cseq = 7)
    {
        var uri = SipUri.Parse(contact);
        return new Binding(aor, uri, new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port ?? 5060)), expires, "kept-" + aor, cseq, null);
    }
}
