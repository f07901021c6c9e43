using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>
/// Digest credentials (RFC 7616/8760) as the registrar and the call engine check them: the input is
/// an Authorization header value on a REGISTER for an account that exists.
/// </summary>
internal sealed class DigestTarget : IFuzzTarget
{
    private const string Realm = "omstilling";

    private static readonly byte[][] Tokens = Utf8(
        "Digest ", "digest ", "username=", "realm=", "nonce=", "uri=", "response=", "algorithm=", "qop=", "nc=", "cnonce=", "opaque=",
        "\"", "\"\"", "\\", ",", ", ", "=", "MD5", "SHA-256", "SHA-512-256", "MD5-sess", "auth", "auth-int", "00000001", "ffffffff",
        "100000000", "0", "-1", "2001", "\"omstilling\"", "\u00e6");

    private readonly DigestAuthenticator _authenticator;
    private readonly Mutator _mutator = new(16 * 1024, TokenMutations.For(Tokens, ",=\" \t\\"u8.ToArray()), ByteMutations.All);

    public DigestTarget()
    {
        var accounts = new InMemoryAccountStore();
        accounts.Add(SipAccount.FromPassword("2001", Realm, "demo2001"));
        var nonces = new NonceService(new SipScheduler(TimeProvider.System, new Omstilling.Runtime.FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System)), TimeSpan.FromMinutes(5));
        _authenticator = new DigestAuthenticator(Realm, accounts, nonces);
    }

    public string Name => "sip-digest";

    public string Oracle =>
        "DigestCredentials.TryParse reads credentials with every required field or none; DigestAuthenticator answers missing, " +
        "failed or stale and never authenticates without the password, and its challenge parses";

    public IReadOnlyList<byte[]> Seeds { get; } = Utf8(
        "Digest username=\"2001\", realm=\"omstilling\", nonce=\"abc\", uri=\"sip:192.0.2.10\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"xyz\"",
        "Digest username=\"2001\",realm=\"omstilling\",nonce=\"0000000000000000000000000000000000000000000000000000000000000000000000000000\",uri=\"sip:2002@192.0.2.10\",response=\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",algorithm=SHA-256,qop=auth,nc=0000000a,cnonce=\"a\\\"b\",opaque=\"\"",
        "Digest username=\"\\\\\", realm=\"omstilling\", nonce=\"\", uri=\"\", response=\"\"",
        "Basic MjAwMTpkZW1vMjAwMQ==");

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic() =>
        Seeds.SelectMany(s => Mutation.Systematic.EveryByteAt(s, Enumerable.Range(0, Math.Min(s.Length + 1, 64))))
            .Concat(Seeds.SelectMany(Mutation.Systematic.EveryTruncation));

    public string Execute(byte[] input)
    {
        var credentials = DigestCredentials.TryParse(Encoding.UTF8.GetString(input));
        if (credentials is not null)
        {
            OracleViolationException.Check(
                credentials.Username is not null && credentials.Realm is not null && credentials.Nonce is not null &&
                credentials.Uri is not null && credentials.Response is not null,
                "credentials without a required field");
        }

        var request = new SipRequest(SipMethod.Register, SipUri.Sip(null, "192.0.2.10"));
        request.Headers.Add(HeaderName.Via, "SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKdigest");
        request.Headers.Add(HeaderName.From, "<sip:2001@192.0.2.10>;tag=1");
        request.Headers.Add(HeaderName.To, "<sip:2001@192.0.2.10>");
        request.Headers.Add(HeaderName.CallId, "digest");
        request.Headers.Add(HeaderName.CSeq, "1 REGISTER");
        request.Headers.Add(new SipHeader(HeaderName.Authorization, input));
        var result = _authenticator.Authenticate(request, proxy: false);
        OracleViolationException.Check(result.Outcome != AuthenticationOutcome.Authenticated, $"authenticated as {result.Username} without the password");
        if (result.Outcome == AuthenticationOutcome.Stale)
        {
            Responses.CheckParses(_authenticator.Challenge(request, "tag", proxy: false, stale: true));
        }

        return $"{result.Outcome}:{credentials is not null}";
    }

    private static byte[][] Utf8(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];
}
