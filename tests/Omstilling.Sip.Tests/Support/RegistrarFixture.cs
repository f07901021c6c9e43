using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;

namespace Omstilling.Sip.Tests.Support;

/// <summary>A stack pair whose server is a registrar with accounts 2001 (demo2001) and 2002 (demo2002).</summary>
internal sealed class RegistrarFixture : IAsyncDisposable
{
    public const string Realm = "omstilling";

    private RegistrarFixture(StackPair pair)
    {
        Pair = pair;
        Accounts.Add(SipAccount.FromPassword("2001", Realm, "demo2001"));
        Accounts.Add(SipAccount.FromPassword("2002", Realm, "demo2002"));
        Nonces = new NonceService(pair.Server.Scheduler, TimeSpan.FromMinutes(2));
        Authenticator = new DigestAuthenticator(Realm, Accounts, Nonces) { Guard = pair.Server.Guard };
        Registrar = new SipRegistrar(Authenticator, new BindingStore(pair.Server.Scheduler, TimeSpan.FromSeconds(30)), new RegistrarOptions(), pair.Time) { Abuse = pair.Server.Options.Abuse };
        pair.ServerCore.Answer = tx =>
        {
            Registrar.Handle(tx);
            return null;
        };
    }

    public StackPair Pair { get; }

    public InMemoryAccountStore Accounts { get; } = new();

    public NonceService Nonces { get; }

    public DigestAuthenticator Authenticator { get; }

    public SipRegistrar Registrar { get; }

    /// <param name="serverOptions">The server stack's options (abuse limits, say); the defaults without them.</param>
    public static async Task<RegistrarFixture> StartAsync(SipStackOptions? serverOptions = null) => new(await StackPair.StartAsync(serverOptions: serverOptions));

    public static SipRequest NewRegister(string user, uint cseq, string callId, string? contact = null, long? expires = null)
    {
        var headers = new SipHeaders();
        headers.Add(HeaderName.From, $"<sip:{user}@{StackPair.ServerAddress.Address}>;tag=reg{cseq}");
        headers.Add(HeaderName.To, $"<sip:{user}@{StackPair.ServerAddress.Address}>");
        headers.Add(HeaderName.CallId, callId);
        headers.Add(HeaderName.CSeq, new CSeq(cseq, SipMethod.Register).ToString());
        headers.Add(HeaderName.Contact, contact ?? $"<sip:{user}@{StackPair.ClientAddress}>");
        if (expires is { } e)
        {
            headers.Add(HeaderName.Expires, e.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new SipRequest(SipMethod.Register, SipUri.Sip(null, StackPair.ServerAddress.Address.ToString()), headers);
    }

    /// <summary>Sends a REGISTER, answers the challenge with <paramref name="password"/>, returns the final response.</summary>
    public SipResponse Register(string user, string password, string? contact = null, long? expires = null, DigestAlgorithm? pick = null)
    {
        var callId = SipIds.NewCallId("reg");
        var first = Send(NewRegister(user, 1, callId, contact, expires));
        if (first.StatusCode != SipStatus.Unauthorized)
        {
            return first;
        }

        var challenge = first.Headers.GetAll(HeaderName.WwwAuthenticate).ToList()
            .Select(h => DigestChallenge.TryParse(h.Value)!)
            .First(c => pick is null || c.Algorithm == pick);
        var second = NewRegister(user, 2, callId, contact, expires);
        second.Headers.Add(HeaderName.Authorization, new DigestClient(user, password).Answer(challenge, "REGISTER", second.RequestUri.ToString()));
        return Send(second);
    }

    public SipResponse Send(SipRequest request)
    {
        var before = Pair.ClientCore.Responses.Count;
        Pair.Client.SendRequest(request, Pair.ServerEndPoint, Pair.ClientCore);
        Pair.Deliver();
        return Pair.ClientCore.Responses.Skip(before).Select(r => r.Response).Last(r => r.IsFinal);
    }

    public ValueTask DisposeAsync() => Pair.DisposeAsync();
}

internal static class HeaderEnumeratorExtensions
{
    public static List<SipHeader> ToList(this SipHeaders.Enumerator enumerator)
    {
        var list = new List<SipHeader>();
        foreach (var h in enumerator)
        {
            list.Add(h);
        }

        return list;
    }
}
